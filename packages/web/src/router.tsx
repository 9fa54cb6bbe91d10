import { createBrowserRouter } from 'react-router-dom';
import { AppLayout } from './features/layout/app-layout.tsx';
import { CrashPage } from './features/layout/crash-page.tsx';
import { RegionPage } from './features/regions/region-page.tsx';
import { TpsPage } from './features/tps/tps-page.tsx';
import { SearchPage } from './features/search/search-page.tsx';
import { NotFoundPage } from './features/common/not-found-page.tsx';
import { AuthProvider } from './features/auth/auth-context.tsx';
import {
  DashboardPage,
  LoginPage,
  MismatchesPage,
  MySubmissionsPage,
  QueuePage,
  RegisterPage,
  ReviewPage,
  SubmissionPage,
  UploadPage,
  UsersPage,
} from './lazy-pages.ts';

/**
 * The portal's URLs: `/`, `/wilayah/:code` (`?tab=selisih`), `/tps/:code`, `/cari?q=`, `/selisih`; the witness pages `/masuk`,
 * `/daftar`, `/unggah` and `/kiriman/:id`; the moderator pages `/moderasi`, `/moderasi/tps/:code`, `/moderasi/dasbor`, `/moderasi/pengguna`.
 * The region, TPS and search pages are in the first download; the others load on demand (`lazy-pages.ts`).
 */
export function createRouter() {
  return createBrowserRouter([
    {
      element: (
        <AuthProvider>
          <AppLayout />
        </AuthProvider>
      ),
      errorElement: <CrashPage />,
      children: [
        { index: true, element: <RegionPage /> },
        { path: 'wilayah/:code', element: <RegionPage /> },
        { path: 'tps/:code', element: <TpsPage /> },
        { path: 'cari', element: <SearchPage /> },
        { path: 'selisih', element: <MismatchesPage /> },
        { path: 'masuk', element: <LoginPage /> },
        { path: 'daftar', element: <RegisterPage /> },
        { path: 'unggah', element: <UploadPage /> },
        { path: 'kiriman', element: <MySubmissionsPage /> },
        { path: 'kiriman/:id', element: <SubmissionPage /> },
        { path: 'moderasi', element: <QueuePage /> },
        { path: 'moderasi/dasbor', element: <DashboardPage /> },
        { path: 'moderasi/tps/:code', element: <ReviewPage /> },
        { path: 'moderasi/pengguna', element: <UsersPage /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
