import './regions.css';
import { CANDIDATES } from '@cocok/domain';
import type { Totals } from '@cocok/api';
import { useFormat } from '../common/use-format.ts';

/** The pairs as commonly written, for narrow screens where the full names would wrap over many lines. */
const SHORT_NAMES: Record<string, string> = {
  suara_paslon_1: 'Anies-Muhaimin',
  suara_paslon_2: 'Prabowo-Gibran',
  suara_paslon_3: 'Ganjar-Mahfud',
};

/**
 * Votes and share per candidate pair as a table with CSS bars: the numbers stay readable and
 * copyable, the bars give the picture. Shares are of the three pairs' sum, not of suara_sah, because
 * suara_sah is itself one of the figures being checked.
 */
export function CandidateTotals({ totals }: { totals: Totals }) {
  const { t, n, pct } = useFormat();
  const sum = CANDIDATES.reduce((acc, c) => acc + totals.fields[c.field], 0);
  return (
    <div className="panel">
      <h3 id="candidates-heading">{t('region.candidatesHeading')}</h3>
      {sum === 0 ? (
        <p className="muted">{t('region.noVotes')}</p>
      ) : (
        <>
          <table className="candidates" aria-labelledby="candidates-heading">
            <thead>
              <tr>
                <th scope="col">{t('region.candidate')}</th>
                <th scope="col" className="num">
                  {t('region.votes')}
                </th>
                <th scope="col" className="candidates__share">
                  {t('region.share')}
                </th>
              </tr>
            </thead>
            <tbody>
              {CANDIDATES.map((c) => {
                const votes = totals.fields[c.field];
                const share = sum ? (votes / sum) * 100 : 0;
                return (
                  <tr key={c.field}>
                    <th scope="row">
                      <span className="candidate">
                        <span className="candidate__number" style={{ borderColor: c.color }}>
                          {String(c.number).padStart(2, '0')}
                        </span>
                        <span className="candidate__name candidate__full">{c.name}</span>
                        <span className="candidate__name candidate__short">{SHORT_NAMES[c.field]}</span>
                      </span>
                    </th>
                    <td className="num">{n(votes)}</td>
                    <td className="candidates__share">
                      <span className="share">
                        <span className="bar" aria-hidden="true">
                          <span className="bar__fill" style={{ width: `${share}%`, background: c.color }} />
                        </span>
                        <span className="bar__value">{pct(votes, sum)}</span>
                      </span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p className="muted small">{t('region.shareNote', { n: n(totals.officialChartTps) })}</p>
        </>
      )}
    </div>
  );
}
