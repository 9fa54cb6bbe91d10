import { createBrowserRouter } from 'react-router-dom';
import { AppLayout } from './features/layout/app-layout.tsx';
import { CrashPage } from './features/layout/crash-page.tsx';
import { RegionPage } from './features/regions/region-page.tsx';
import { TpsPage } from './features/tps/tps-page.tsx';
import { SearchPage } from './features/search/search-page.tsx';
import { NotFoundPage } from './features/common/not-found-page.tsx';

/** The portal's URLs: `/`, `/wilayah/:code`, `/tps/:code`, `/cari?q=`. */
export function createRouter() {
  return createBrowserRouter([
    {
      element: <AppLayout />,
      errorElement: <CrashPage />,
      children: [
        { index: true, element: <RegionPage /> },
        { path: 'wilayah/:code', element: <RegionPage /> },
        { path: 'tps/:code', element: <TpsPage /> },
        { path: 'cari', element: <SearchPage /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
