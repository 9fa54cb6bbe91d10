import './tps.css';
import { useFormat } from '../common/use-format.ts';
import { checkLabel } from './check-text.ts';
import type { OfficialView } from './use-tps.ts';

/** Failed checks named at the top of the page, since they are the reason most readers come. */
export function CheckAlert({ official }: { official: OfficialView }) {
  const { t } = useFormat();
  const failed = official.checks.filter((c) => c.status === 'fail');
  if (failed.length === 0) return null;
  return (
    <div className="notice notice--error check-alert">
      <p className="notice__title">
        <span aria-hidden="true">✗ </span>
        {t('tps.failAlert', { count: failed.length })}
      </p>
      <ul>
        {failed.map((c) => (
          <li key={c.id}>{checkLabel(t, c.id, 'flag')}</li>
        ))}
      </ul>
      <p>
        <a href="#checks">{t('tps.seeAllChecks')}</a>
      </p>
    </div>
  );
}
