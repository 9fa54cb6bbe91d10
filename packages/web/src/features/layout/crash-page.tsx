import './layout.css';
import { useTranslation } from 'react-i18next';

/**
 * Shown if rendering itself throws (a bug, or an API answer of an unexpected shape). It stands alone,
 * without the router-dependent layout, so it cannot fail the same way.
 */
export function CrashPage() {
  const { t } = useTranslation();
  return (
    <main className="container main">
      <section className="notice notice--error" role="alert">
        <h1>{t('errors.networkTitle')}</h1>
        <p>{t('errors.networkText')}</p>
        <p>
          <button type="button" className="button" onClick={() => window.location.reload()}>
            {t('errors.retry')}
          </button>{' '}
          <a href="/">{t('errors.backHome')}</a>
        </p>
      </section>
    </main>
  );
}
