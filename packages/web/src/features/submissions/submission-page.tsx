import './submissions.css';
import { Link, useParams } from 'react-router-dom';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { tpsPath } from '../../lib/paths.ts';
import { Loading, LoadError, NotFound } from '../common/load-state.tsx';
import { PageHeader } from '../common/page-header.tsx';
import { useFormat } from '../common/use-format.ts';
import { RequireLogin } from '../auth/require-login.tsx';
import { UPLOAD_PATH } from '../auth/auth-paths.ts';
import { useSubmission } from './use-submission.ts';
import { PhotoStates } from './photo-states.tsx';
import { ConfirmForm } from './confirm-form.tsx';
import { ConfirmedValues } from './confirmed-values.tsx';
import { WithdrawControl } from './withdraw-control.tsx';
import type { SubmissionView } from './submission-types.ts';

/** `/kiriman/:id` (owner): the photos' reading states, live; then the confirm screen or the result. */
export function SubmissionPage() {
  return (
    <RequireLogin>
      <SubmissionScreen />
    </RequireLogin>
  );
}

function SubmissionScreen() {
  const { id } = useParams();
  const { data, error, retry, replace } = useSubmission(id);
  if (!data) {
    if (!error) return <Loading />;
    return error.isNotFound ? <NotFound error={error} /> : <LoadError error={error} onRetry={retry} />;
  }
  return <SubmissionContent view={data} pollFailed={error !== null} onChange={replace} />;
}

function SubmissionContent({
  view,
  pollFailed,
  onChange,
}: {
  view: SubmissionView;
  pollFailed: boolean;
  onChange: (v: SubmissionView) => void;
}) {
  const { t, instant } = useFormat();
  const title = view.tps.name ? `${view.tps.name} · ${view.tps.code}` : view.tps.code;
  useDocumentTitle(t('submission.title', { id: view.id }));
  const reading = view.photos.filter((p) => p.state === 'uploaded' || p.state === 'reading').length;
  return (
    <div className="narrow">
      <PageHeader kicker={t('submission.title', { id: view.id })} title={title}>
        <span data-testid="submission-status">
          {t(`submission.status.${view.status}`)} · {t('submission.sentAt', { at: instant(view.createdAt) })}
        </span>
      </PageHeader>
      {pollFailed && (
        <p className="notice notice--warning" role="status">
          {t('submission.pollFailed')}
        </p>
      )}
      <section className="section" aria-labelledby="photos-heading">
        <h2 id="photos-heading">{t('submission.photosHeading')}</h2>
        {!view.readingDone && (
          <p className="loading-line" role="status">
            <span className="spinner" aria-hidden="true" /> {t('submission.readingCount', { count: reading })}
          </p>
        )}
        <PhotoStates photos={view.photos} />
        {view.status === 'pending' && (
          <p className="small">
            <Link to={UPLOAD_PATH}>{t('submission.addMore')}</Link>
          </p>
        )}
      </section>
      {view.status === 'pending' && view.readingDone && <ConfirmForm view={view} onDone={onChange} />}
      {view.status === 'confirmed' && <ConfirmedValues view={view} />}
      {view.status === 'withdrawn' && (
        <div className="notice" role="status">
          <p className="notice__title">{t('submission.withdrawnTitle')}</p>
          <p>{t('submission.withdrawnText')}</p>
        </div>
      )}
      <p>
        <Link to={tpsPath(view.tps.code)}>{t('submission.toTpsPage')}</Link>
      </p>
      {view.status !== 'withdrawn' && <WithdrawControl id={view.id} onDone={onChange} />}
    </div>
  );
}
