import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router-dom';
import { setupI18n } from './i18n/setup-i18n.ts';
import { createRouter } from './router.tsx';
import './styles.css';

setupI18n();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <RouterProvider router={createRouter()} />
  </StrictMode>,
);
