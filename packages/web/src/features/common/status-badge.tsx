import { useTranslation } from 'react-i18next';

export type Status = 'pass' | 'fail' | 'skipped';

const ICONS: Record<Status, string> = { pass: '✓', fail: '✗', skipped: '–' };

/** A check status as colour, icon and word together, so it reads without colour vision. */
export function StatusBadge({ status, label }: { status: Status; label?: string }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge--${status}`}>
      <span className="badge__icon" aria-hidden="true">
        {ICONS[status]}
      </span>
      {label ?? t(`status.${status}`)}
    </span>
  );
}
