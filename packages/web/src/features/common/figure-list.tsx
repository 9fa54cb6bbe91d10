import { FIELDS, type FieldName } from '@cocok/domain';
import { fieldLabel } from '../../lib/field-labels.ts';
import { useFormat } from './use-format.ts';

/** Figures given for a TPS (a witness's confirmed ones, a moderator's verified ones) as label and number, in form order. */
export function FigureList({ figures }: { figures: Partial<Record<FieldName, number | null>> }) {
  const { t, n } = useFormat();
  return (
    <dl className="witness__values">
      {FIELDS.filter((f) => figures[f] !== undefined).map((f) => (
        <div key={f} data-field={f}>
          <dt>{fieldLabel(t, f)}</dt>
          <dd className="num">{n(figures[f])}</dd>
        </div>
      ))}
    </dl>
  );
}
