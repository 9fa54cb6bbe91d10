import { useFormat } from '../common/use-format.ts';
import { statusLook } from './comparison-text.ts';
import type { ComparisonStatus } from './comparison-types.ts';

/** A TPS's comparison status as colour, icon and word together. */
export function ComparisonBadge({ status }: { status: ComparisonStatus }) {
  const { t } = useFormat();
  const look = statusLook(status);
  return (
    <span className={`badge badge--${look.tone}`} data-status={status}>
      <span className="badge__icon" aria-hidden="true">
        {look.icon}
      </span>
      {look.label(t)}
    </span>
  );
}
