// The global base first, then the styles every feature shares (tables, statuses, forms): feature
// stylesheets, imported by their own components, come after them and may refine them.
import './styles.css';
import './features/common/common.css';
import './features/common/status.css';
import './features/common/forms.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router-dom';
import { setupI18n } from './i18n/setup-i18n.ts';
import { createRouter } from './router.tsx';

setupI18n();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <RouterProvider router={createRouter()} />
  </StrictMode>,
);
