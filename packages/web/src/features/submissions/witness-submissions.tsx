import './submissions.css';
import { Link } from 'react-router-dom';
import { useApi } from '../../lib/use-api.ts';
import { FigureList } from '../common/figure-list.tsx';
import { SectionLoadState } from '../common/load-state.tsx';
import { useFormat } from '../common/use-format.ts';
import { checkLabel } from '../tps/check-text.ts';
import { UPLOAD_PATH } from '../auth/auth-paths.ts';
import type { PublicSubmission, TpsSubmissions } from './submission-types.ts';

/** The TPS page's section of confirmed witness submissions: pseudonym, figures, photos. */
export function WitnessSubmissions({ code }: { code: string }) {
  const { t } = useFormat();
  const result = useApi<TpsSubmissions>(`/api/tps/${encodeURIComponent(code)}/submissions`, { cache: false });
  return (
    <section className="section" aria-labelledby="tps-witness">
      <h2 id="tps-witness">{t('witness.heading')}</h2>
      <SectionLoadState result={result} failedText={t('witness.loadFailed')} />
      {result.status === 'ready' && result.data.submissions.length === 0 && <p className="muted">{t('witness.none')}</p>}
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
        {s.confirmedAt && <span className="muted small"> · {t('witness.confirmedAt', { at: instant(s.confirmedAt) })}</span>}
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
              <img src={p.thumbUrl} alt={p.page ? t('witness.photoOfPage', { page: p.page }) : t('witness.photoN', { n: i + 1 })} loading="lazy" />
            </a>
          </li>
        ))}
      </ul>
    </li>
  );
}
