import './comparison.css';
import { Link } from 'react-router-dom';
import { CANDIDATES } from '@cocok/domain';
import { useFormat } from '../common/use-format.ts';
import { barWidths, coverageShare, signed, statusLook } from './comparison-text.ts';
import {
  LISTED_STATUSES,
  type ComparisonStatus,
  type ListedStatus,
  type RegionComparison as Totals,
} from './comparison-types.ts';
import { mismatchTabSearch } from './comparison-params.ts';

const SHORT_NAMES: Record<string, string> = {
  suara_paslon_1: 'Anies-Muhaimin',
  suara_paslon_2: 'Prabowo-Gibran',
  suara_paslon_3: 'Ganjar-Mahfud',
};

/**
 * A region's official and crowd totals side by side, over the same TPS (those with both figures for
 * the field), with the crowd's coverage and how many TPS are in each comparison status.
 */
export function RegionComparison({ comparison, tpsCount }: { comparison: Totals; tpsCount: number }) {
  const { t } = useFormat();
  return (
    <section className="section" aria-labelledby="crowd-heading" data-testid="region-comparison">
      <h2 id="crowd-heading">{t('comparison.regionHeading')}</h2>
      <p className="muted">{t('comparison.regionNote')}</p>
      <div className="summary-grid">
        <CandidateComparison comparison={comparison} />
        <CrowdCoverage comparison={comparison} tpsCount={tpsCount} />
      </div>
    </section>
  );
}

function CandidateComparison({ comparison }: { comparison: Totals }) {
  const { t, n } = useFormat();
  const rows = CANDIDATES.map((c) => ({ c, f: comparison.fields[c.field] }));
  const compared = rows.filter((r) => r.f && r.f.tps > 0);
  if (compared.length === 0) {
    return (
      <div className="panel">
        <h3>{t('comparison.candidatesHeading')}</h3>
        <p className="muted">{t('comparison.nothingCompared')}</p>
      </div>
    );
  }
  const widths = barWidths(rows.flatMap((r) => [r.f?.official ?? 0, r.f?.crowd ?? 0]));
  return (
    <div className="panel">
      <h3 id="cmp-candidates-heading">{t('comparison.candidatesHeading')}</h3>
      <table className="cmp-candidates" aria-labelledby="cmp-candidates-heading">
        <thead>
          <tr>
            <th scope="col">{t('region.candidate')}</th>
            <th scope="col" className="num">
              {t('comparison.official')}
            </th>
            <th scope="col" className="num">
              {t('comparison.crowd')}
            </th>
            <th scope="col" className="num">
              {t('comparison.difference')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ c, f }, i) => (
            <tr key={c.field} data-field={c.field}>
              <th scope="row">
                <span className="candidate">
                  <span className="candidate__number" style={{ borderColor: c.color }}>
                    {String(c.number).padStart(2, '0')}
                  </span>
                  <span className="candidate__name">{SHORT_NAMES[c.field]}</span>
                </span>
                <span className="cmp-bars" aria-hidden="true">
                  <span
                    className="cmp-bar cmp-bar--official"
                    style={{ width: `${widths[2 * i]}%`, background: c.color }}
                  />
                  <span
                    className="cmp-bar cmp-bar--crowd"
                    style={{ width: `${widths[2 * i + 1]}%`, borderColor: c.color }}
                  />
                </span>
              </th>
              <td className="num" data-label={t('comparison.official')}>
                {f ? n(f.official) : '–'}
              </td>
              <td className="num" data-label={t('comparison.crowd')}>
                {f ? n(f.crowd) : '–'}
              </td>
              <td
                className={`num${f ? (f.difference !== 0 ? ' is-flagged' : ' tone--pass') : ''}`}
                data-label={t('comparison.difference')}
              >
                {f && <span aria-hidden="true">{f.difference !== 0 ? '✗ ' : '✓ '}</span>}
                {f ? signed(n, f.difference) : '–'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small cmp-legend">
        <span className="cmp-key cmp-key--official" aria-hidden="true" /> {t('comparison.barOfficial')}{' '}
        <span className="cmp-key cmp-key--crowd" aria-hidden="true" /> {t('comparison.barCrowd')}
      </p>
      <p className="muted small">{t('comparison.sameTpsNote', { n: n(Math.max(...compared.map((r) => r.f!.tps))) })}</p>
    </div>
  );
}

function CrowdCoverage({ comparison: c, tpsCount }: { comparison: Totals; tpsCount: number }) {
  const { t, n, lang } = useFormat();
  return (
    <div className="panel">
      <h3>{t('comparison.coverageHeading')}</h3>
      <dl className="stats">
        <div className="stat">
          <dt>{t('comparison.coverage')}</dt>
          <dd>
            <span className="stat__value">{coverageShare(lang, c.crowdTps, tpsCount)}</span>
            <span className="stat__detail">
              {t('comparison.coverageValue', { crowd: n(c.crowdTps), total: n(tpsCount) })}
            </span>
            <span className="bar bar--thin" aria-hidden="true">
              <span
                className="bar__fill bar__fill--coverage"
                style={{ width: `${tpsCount ? (c.crowdTps / tpsCount) * 100 : 0}%` }}
              />
            </span>
          </dd>
        </div>
        <div className={`stat${c.impactTotal > 0 ? ' stat--flagged' : ''}`}>
          <dt>{t('comparison.impactTotal')}</dt>
          <dd>
            <span className="stat__value">{n(c.impactTotal)}</span>
            <span className="stat__detail">{t('comparison.comparedTps', { n: n(c.comparedTps) })}</span>
          </dd>
        </div>
      </dl>
      <h3 id="status-counts-heading">{t('comparison.statusCountsHeading')}</h3>
      <StatusCounts counts={c.statusCounts} />
    </div>
  );
}

function isListed(s: ComparisonStatus): s is ListedStatus {
  return (LISTED_STATUSES as readonly string[]).includes(s);
}

const COUNT_ORDER: ComparisonStatus[] = [
  'mismatch',
  'crowd_conflict',
  'official_inconsistent',
  'no_official',
  'match',
  'no_crowd',
];

/** TPS per comparison status; each listed status links to the "Selisih" tab filtered by it. */
function StatusCounts({ counts }: { counts: Record<ComparisonStatus, number> }) {
  const { t, n } = useFormat();
  return (
    <ul className="status-counts" aria-labelledby="status-counts-heading">
      {COUNT_ORDER.map((s) => {
        const look = statusLook(s);
        const listed = isListed(s) && counts[s] > 0;
        const label = (
          <>
            <span className={`status-counts__icon tone--${look.tone}`} aria-hidden="true">
              {look.icon}
            </span>
            <span className="status-counts__label">{look.label(t)}</span>
            <span className="status-counts__n num">{n(counts[s])}</span>
          </>
        );
        return (
          <li key={s} data-status={s} className={counts[s] > 0 ? `has-${look.tone}` : undefined}>
            {listed ? (
              <Link to={{ search: mismatchTabSearch(s) }}>{label}</Link>
            ) : (
              <span className="status-counts__row">{label}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
