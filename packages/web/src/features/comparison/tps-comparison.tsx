import './comparison.css';
import type { TpsPage } from '@cocok/api';
import type { ApiResult } from '../../lib/use-api.ts';
import { useFormat } from '../common/use-format.ts';
import { KpuImages } from '../tps/kpu-images.tsx';
import { ComparisonBadge } from './comparison-badge.tsx';
import { CrowdPhotos } from './crowd-photos.tsx';
import { FieldComparisonTable } from './field-comparison-table.tsx';
import type { TpsComparisonView } from './comparison-types.ts';
import type { TpsSubmissions } from '../submissions/submission-types.ts';

/**
 * The TPS page's comparison: the status, KPU's and the crowd's figures field by field, and the
 * evidence for both, the crowd's photos beside KPU's. `submissions` is the page's one load of the
 * TPS's confirmed submissions (the witness section shows the same list).
 */
export function TpsComparison({ tps, submissions }: { tps: TpsPage; submissions: ApiResult<TpsSubmissions> }) {
  const { t } = useFormat();
  const c = tps.comparison;
  return (
    <section className="section" aria-labelledby="tps-crowd">
      <h2 id="tps-crowd">{t('comparison.tpsHeading')}</h2>
      {c && <StatusSummary comparison={c} />}
      {c && c.status !== 'no_crowd' && <FieldComparisonTable fields={c.fields.filter((f) => f.state !== null)} />}
      {c && c.status !== 'no_crowd' && <p className="muted small">{t('comparison.otherFieldsNote')}</p>}
      <div className="evidence">
        <CrowdPhotos result={submissions} />
        {tps.official && <KpuImages images={tps.official.images} />}
      </div>
    </section>
  );
}

function StatusSummary({ comparison: c }: { comparison: TpsComparisonView }) {
  const { t, n } = useFormat();
  const differing = c.fields.filter((f) => f.difference !== null && f.difference !== 0).length;
  const conflicts = c.fields.filter((f) => f.state === 'crowd_conflict').length;
  return (
    <div className={`cmp-status cmp-status--${c.status}`} data-testid="tps-comparison-status">
      <ComparisonBadge status={c.status} />
      <p>
        {t(`comparison.statusText.${c.status}`, {
          fields: differing,
          conflicts,
          impact: n(c.impact),
          count: differing,
        })}
      </p>
      {c.submissions > 0 && <p className="muted small">{t('comparison.basedOn', { count: c.submissions })}</p>}
    </div>
  );
}
