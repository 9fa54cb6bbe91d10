import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { ApiResult } from '../../lib/use-api.ts';
import type { ApiError } from '../../lib/api-client.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { errorText } from '../../lib/error-text.ts';

/** Renders a resource's data, or its loading or error state: a page is never left blank. */
export function Loaded<T>({ result, children }: { result: ApiResult<T>; children: (data: T) => ReactNode }) {
  if (result.status === 'loading') return <Loading />;
  if (result.status === 'error') {
    return result.error.isNotFound ? (
      <NotFound error={result.error} />
    ) : (
      <LoadError error={result.error} onRetry={result.retry} />
    );
  }
  return <>{children(result.data)}</>;
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {t('errors.loading')}
    </div>
  );
}

/** 404 (and malformed codes, which can never exist): says what was not found and offers a way home. */
export function NotFound({ error }: { error?: ApiError }) {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('errors.notFoundTitle'));
  const message = error ? errorText(error, { lang: i18n.language, t }) : t('errors.notFoundPage');
  return (
    <section className="notice notice--error" aria-labelledby="not-found-title">
      <h1 id="not-found-title">{t('errors.notFoundTitle')}</h1>
      <p>{message}</p>
      <p>
        <Link to="/">{t('errors.backHome')}</Link>
      </p>
    </section>
  );
}

export function LoadError({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('errors.networkTitle'));
  return (
    <section className="notice notice--error" role="alert" aria-labelledby="load-error-title">
      <h1 id="load-error-title">{t('errors.networkTitle')}</h1>
      <p>{t('errors.networkText')}</p>
      <p className="muted small">{errorText(error, { lang: i18n.language, t })}</p>
      <p>
        <button type="button" className="button" onClick={onRetry}>
          {t('errors.retry')}
        </button>
      </p>
    </section>
  );
}

/** A failed load inside one section of a page: what failed and a retry link, while the rest of the page stays. */
export function InlineLoadError({ text, onRetry }: { text: string; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <p className="notice notice--error" role="alert">
      {text}{' '}
      <button type="button" className="link-button" onClick={onRetry}>
        {t('errors.retry')}
      </button>
    </p>
  );
}

/** A section's own resource until it is ready: a loading line, or `failedText` with a retry; nothing once ready. */
export function SectionLoadState({ result, failedText }: { result: ApiResult<unknown>; failedText: string }) {
  const { t } = useTranslation();
  if (result.status === 'loading') return <p className="muted">{t('errors.loading')}</p>;
  if (result.status === 'error') return <InlineLoadError text={failedText} onRetry={result.retry} />;
  return null;
}
