import './submissions.css';
import { Link } from 'react-router-dom';
import { useApi, type ApiResult } from '../../lib/use-api.ts';
import { apiCall } from '../../lib/api-client.ts';
import { FigureList } from '../common/figure-list.tsx';
import { SectionLoadState } from '../common/load-state.tsx';
import { useFormat } from '../common/use-format.ts';
import { checkLabel } from '../tps/check-text.ts';
import { UPLOAD_PATH } from '../auth/auth-paths.ts';
import type { PublicSubmission, TpsSubmissions } from './submission-types.ts';

/**
 * The confirmed submissions of a TPS, loaded once per TPS page and shown by two sections (the crowd's
 * photos and the witness list). Not cached: a witness who just confirmed comes here to see their photo.
 */
export function useTpsSubmissions(code: string): ApiResult<TpsSubmissions> {
  return useApi(apiCall('tpsSubmissions', { params: { code } }), { cache: false });
}

/** The TPS page's section of confirmed witness submissions: pseudonym, figures, photos. */
export function WitnessSubmissions({ code, result }: { code: string; result: ApiResult<TpsSubmissions> }) {
  const { t } = useFormat();
  return (
    <section className="section" aria-labelledby="tps-witness">
      <h2 id="tps-witness">{t('witness.heading')}</h2>
      <SectionLoadState result={result} failedText={t('witness.loadFailed')} />
      {result.status === 'ready' && result.data.submissions.length === 0 && (
        <p className="muted">{t('witness.none')}</p>
      )}
      {result.status === 'ready' && result.data.submissions.length > 0 && (
        <ul className="witness-list">
          {result.data.submissions.map((s) => (
            <WitnessSubmission key={s.id} s={s} />
          ))}
        </ul>
      )}
      <p>
        <Link to={`${UPLOAD_PATH}?tps=${encodeURIComponent(code)}`}>{t('witness.uploadLink')}</Link>
      </p>
    </section>
  );
}

function WitnessSubmission({ s }: { s: PublicSubmission }) {
  const { t, instant } = useFormat();
  return (
    <li className="witness panel" data-testid="witness-submission">
      <p className="witness__head">
        <strong>{s.witness}</strong>
        {s.confirmedAt && (
          <span className="muted small"> · {t('witness.confirmedAt', { at: instant(s.confirmedAt) })}</span>
        )}
      </p>
      <FigureList figures={s.values} />
      {s.flags.length > 0 && (
        <p className="small warn-text">
          <span aria-hidden="true">⚠ </span>
          {s.flags.map((id) => checkLabel(t, id, 'flag')).join('; ')}
        </p>
      )}
      <ul className="witness__photos">
        {s.photos.map((p, i) => (
          <li key={p.sha256}>
            <a href={p.displayUrl} target="_blank" rel="noreferrer">
              <img
                src={p.thumbUrl}
                alt={p.page ? t('witness.photoOfPage', { page: p.page }) : t('witness.photoN', { n: i + 1 })}
                loading="lazy"
              />
            </a>
          </li>
        ))}
      </ul>
    </li>
  );
}
