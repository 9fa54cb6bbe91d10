import './regions.css';
import type { Totals } from '@cocok/api';
import { fieldLabel } from '../../lib/field-labels.ts';
import { useFormat } from '../common/use-format.ts';

/** How much of the region KPU has published, and how much of that fails a consistency check. */
export function CoverageStats({ totals }: { totals: Totals }) {
  const { t, n, pct } = useFormat();
  const coverage = totals.tpsCount ? (totals.officialTps / totals.tpsCount) * 100 : 0;
  return (
    <div className="panel">
      <h3>{t('region.coverageHeading')}</h3>
      <dl className="stats">
        <div className="stat">
          <dt>{t('region.coverage')}</dt>
          <dd>
            <span className="stat__value">{pct(totals.officialTps, totals.tpsCount)}</span>
            <span className="stat__detail">
              {t('region.coverageValue', { official: n(totals.officialTps), total: n(totals.tpsCount) })}
            </span>
            <span className="bar bar--thin" aria-hidden="true">
              <span className="bar__fill bar__fill--coverage" style={{ width: `${coverage}%` }} />
            </span>
          </dd>
        </div>
        <div className="stat">
          <dt>{t('region.chartTps')}</dt>
          <dd>
            <span className="stat__value">{n(totals.officialChartTps)}</span>
          </dd>
        </div>
        <div className={`stat${totals.flaggedTps > 0 ? ' stat--flagged' : ''}`}>
          <dt>{t('region.flagged')}</dt>
          <dd>
            <span className="stat__value">
              {totals.flaggedTps > 0 && (
                <span className="stat__icon" aria-hidden="true">
                  ✗{' '}
                </span>
              )}
              {n(totals.flaggedTps)}
            </span>
            <span className="stat__detail">
              {t('region.flaggedOf', { n: n(totals.officialTps) })} ({pct(totals.flaggedTps, totals.officialTps)})
            </span>
          </dd>
        </div>
      </dl>
      <h3>{t('region.keyFigures')}</h3>
      <dl className="key-figures">
        {(['pemilih_dpt_j', 'pengguna_total_j', 'suara_sah', 'suara_tidak_sah'] as const).map((f) => (
          <div key={f}>
            <dt>{fieldLabel(t, f)}</dt>
            <dd className="num">{n(totals.fields[f])}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
