import './layout.css';
import { Suspense, useEffect, useRef } from 'react';
import { Outlet, ScrollRestoration, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { SiteHeader } from './site-header.tsx';
import { SiteFooter } from './site-footer.tsx';
import { Loading } from '../common/load-state.tsx';

/** The frame around every page: skip link, header with search and language, main content, footer. */
export function AppLayout() {
  const { t } = useTranslation();
  const main = useRef<HTMLElement>(null);
  const { pathname, search } = useLocation();
  const first = useRef(true);

  useEffect(() => {
    // After a client-side navigation, move focus to the new content so keyboard and screen-reader
    // users start there instead of on the link they just left (which no longer exists).
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus({ preventScroll: true });
  }, [pathname, search]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <SiteHeader />
      <main id="main" ref={main} tabIndex={-1} className="container main">
        {/* Pages loaded on demand (lazy-pages.ts) show the usual loading state while their code arrives; the header stays. */}
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <SiteFooter />
      <ScrollRestoration />
    </>
  );
}
