import './submissions.css';
import { useId } from 'react';
import { fieldLabel } from '../../lib/field-labels.ts';
import { useFormat } from '../common/use-format.ts';
import { checkLabel } from '../tps/check-text.ts';
import { initialText, parseFieldInput, reviewReasonText, type ConfirmRow } from './confirm-logic.ts';

/** One field: the boxes cut out of the photo beside the value read, editable; review marked three ways. */
export function FieldRow({
  row,
  text,
  invalid,
  onChange,
}: {
  row: ConfirmRow;
  text: string;
  invalid: boolean;
  onChange: (text: string) => void;
}) {
  const { t, n, pct } = useFormat();
  const id = useId();
  const label = fieldLabel(t, row.field);
  const parsed = parseFieldInput(text);
  // A guess that started empty (initialText) is not "changed" while the witness has typed nothing.
  const changed = parsed.ok && text !== initialText(row) && parsed.value !== row.value;
  return (
    <li
      className={`field-row${row.review ? ' field-row--review' : ''}${invalid ? ' field-row--invalid' : ''}`}
      data-field={row.field}
      data-review={row.review}
    >
      <div className="field-row__cutout">
        {row.cutoutUrl ? (
          <img src={row.cutoutUrl} alt={t('confirm.cutoutAlt', { field: label })} />
        ) : (
          <span className="muted small">{t('confirm.noCutout')}</span>
        )}
      </div>
      <div className="field-row__main">
        <label htmlFor={id} className="field-row__label">
          {label}
        </label>
        <input
          id={id}
          className="field-row__input"
          value={text}
          onChange={(e) => onChange(e.target.value)}
          inputMode="numeric"
          autoComplete="off"
          maxLength={3}
          aria-invalid={invalid}
          aria-describedby={`${id}-note`}
        />
        <p id={`${id}-note`} className="field-row__note small">
          {row.review && (
            <span className="review-mark">
              <span aria-hidden="true">⚠ </span>
              {t('confirm.reviewMark')}:{' '}
              {row.reasons.map((r) => reviewReasonText(t, r, (c) => checkLabel(t, c, 'flag'))).join('; ')}
            </span>
          )}
          {invalid && <span className="invalid-mark">{t('confirm.invalidValue')}</span>}
          <span className="muted">
            {row.value === null
              ? t('confirm.readNothing')
              : t('confirm.readValue', { value: n(row.value), confidence: pct(row.confidence ?? 0, 1) })}
            {changed && ` · ${t('confirm.changed')}`}
          </span>
        </p>
      </div>
    </li>
  );
}
