import './tps.css';
import { StatusBadge } from '../common/status-badge.tsx';
import { useFormat } from '../common/use-format.ts';
import { checkDetail, checkLabel, orderChecks } from './check-text.ts';
import type { OfficialView } from './use-tps.ts';

/** Every consistency check on the current official figures: status (colour, icon, word), rule, and the numbers. */
export function CheckList({ official, overseas }: { official: OfficialView; overseas: boolean }) {
  const f = useFormat();
  const { t } = f;
  const count = (s: string) => official.checks.filter((c) => c.status === s).length;
  return (
    <div className="panel checks-panel" id="checks">
      <h3 id="checks-heading">{t('tps.checksHeading')}</h3>
      <p className="muted small">{t('tps.checksIntro')}</p>
      <p className="checks-summary">
        {t('tps.checksSummary', { fail: f.n(count('fail')), pass: f.n(count('pass')), skipped: f.n(count('skipped')) })}
      </p>
      <ul className="checks" aria-labelledby="checks-heading">
        {orderChecks(official.checks).map((c) => (
          <li key={c.id} className={`check check--${c.status}`} data-check={c.id}>
            <StatusBadge status={c.status} />
            <span className="check__label">{checkLabel(t, c.id, c.status === 'fail' ? 'flag' : 'rule')}</span>
            <span className="check__detail">{checkDetail(f, c, overseas)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
