import { Link } from 'react-router-dom';
import { apiCall } from '../../lib/api-client.ts';
import { useApi } from '../../lib/use-api.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { Loaded } from '../common/load-state.tsx';
import { PageHeader } from '../common/page-header.tsx';
import { useFormat } from '../common/use-format.ts';
import { RequireLogin } from '../auth/require-login.tsx';
import { UPLOAD_PATH, submissionPath } from '../auth/auth-paths.ts';

/** `/kiriman` (login required): the witness's own submissions, newest first, each opening its page. */
export function MySubmissionsPage() {
  return (
    <RequireLogin>
      <MySubmissionsList />
    </RequireLogin>
  );
}

function MySubmissionsList() {
  const { t, instant } = useFormat();
  useDocumentTitle(t('mine.title'));
  const result = useApi(apiCall('mySubmissions'), { cache: false });
  return (
    <div className="narrow">
      <PageHeader kicker={t('upload.kicker')} title={t('mine.title')} />
      <Loaded result={result}>
        {(data) =>
          data.submissions.length === 0 ? (
            <p>
              {t('mine.none')} <Link to={UPLOAD_PATH}>{t('mine.uploadLink')}</Link>
            </p>
          ) : (
            <ul className="pick-list" data-testid="my-submissions">
              {data.submissions.map((s) => (
                <li key={s.id}>
                  <Link to={submissionPath(s.id)} className="pick-list__button">
                    <span className="pick-list__name">
                      {t('submission.title', { id: s.id })} · {s.tps.name ?? s.tps.code}{' '}
                      <span className="code">{s.tps.code}</span>
                    </span>
                    <span className="pick-list__meta">
                      {t(`submission.status.${s.status}`)}
                      {s.status === 'pending' && !s.readingDone && ` · ${t('mine.reading')}`} ·{' '}
                      {t('mine.photos', { count: s.photoCount })} · {instant(s.createdAt)}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </div>
  );
}
