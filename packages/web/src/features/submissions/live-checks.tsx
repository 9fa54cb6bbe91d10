import './submissions.css';
import type { CheckResult } from '@cocok/domain';
import { isOverseasTps } from '@cocok/domain';
import { StatusBadge } from '../common/status-badge.tsx';
import { useFormat } from '../common/use-format.ts';
import { checkDetail, checkLabel } from '../tps/check-text.ts';

/**
 * The checks the entered figures can decide, recomputed on every keystroke: failures said in words,
 * passes folded away (page 1 alone has a dozen) but one tap from view.
 */
export function LiveChecks({ checks, tpsCode }: { checks: CheckResult[]; tpsCode: string }) {
  const { t } = useFormat();
  const failed = checks.filter((c) => c.status === 'fail');
  const passed = checks.filter((c) => c.status === 'pass');
  return (
    <div className="live-checks panel" aria-live="polite" data-testid="live-checks">
      <h3>{t('confirm.checksHeading')}</h3>
      {checks.length === 0 && <p className="muted">{t('confirm.checksNone')}</p>}
      {checks.length > 0 && (
        <p className={failed.length > 0 ? 'warn-text' : ''}>
          {failed.length > 0
            ? t('confirm.checksFailed', { count: failed.length })
            : t('confirm.checksAllPass', { count: checks.length })}
        </p>
      )}
      {failed.length > 0 && <CheckItems checks={failed} tpsCode={tpsCode} />}
      {passed.length > 0 && (
        <details className="live-checks__passed">
          <summary>{t('confirm.checksPassed', { count: passed.length })}</summary>
          <CheckItems checks={passed} tpsCode={tpsCode} />
        </details>
      )}
    </div>
  );
}

function CheckItems({ checks, tpsCode }: { checks: CheckResult[]; tpsCode: string }) {
  const format = useFormat();
  const { t } = format;
  return (
    <ul className="checks">
      {checks.map((c) => (
        <li key={c.id} className={`check check--${c.status}`} data-check={c.id}>
          <StatusBadge status={c.status} />
          <span className="check__label">{checkLabel(t, c.id, c.status === 'fail' ? 'flag' : 'rule')}</span>
          <span className="check__detail">{checkDetail(format, c, isOverseasTps(tpsCode))}</span>
        </li>
      ))}
    </ul>
  );
}
