import './submissions.css';
import { useMemo, useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { FieldName } from '@cocok/domain';
import { request } from '../../lib/api-client.ts';
import { useFormat } from '../common/use-format.ts';
import { UPLOAD_PATH } from '../auth/auth-paths.ts';
import {
  confirmRows,
  initialText,
  liveChecks,
  parseFieldInput,
  reviewFirst,
  type ConfirmRow,
} from './confirm-logic.ts';
import { FieldRow } from './field-row.tsx';
import { LiveChecks } from './live-checks.tsx';
import type { SubmissionView } from './submission-types.ts';
import { errorText } from '../../lib/error-text.ts';

/** The confirm screen: every field read, its cut-out and an editable value; review fields first. */
export function ConfirmForm({ view, onDone }: { view: SubmissionView; onDone: (view: SubmissionView) => void }) {
  const { t, lang } = useFormat();
  const rows = useMemo(() => reviewFirst(confirmRows(view.photos, view.tps.code)), [view.photos, view.tps.code]);
  const { texts, setText, invalid, values } = useFieldValues(rows);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const checks = liveChecks(values, view.tps.code);

  if (rows.length === 0) {
    return (
      <div className="notice notice--error" role="alert">
        <p className="notice__title">{t('confirm.noPagesTitle')}</p>
        <p>{t('confirm.noPagesText')}</p>
        <p>
          <Link to={UPLOAD_PATH}>{t('confirm.uploadAgain')}</Link>
        </p>
      </div>
    );
  }

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      onDone(await request('confirmSubmission', { params: { id: view.id }, body: { fields: values } }));
    } catch (err) {
      setError(errorText(err, { lang, t }));
      setBusy(false);
    }
  }

  const rowOf = (r: ConfirmRow) => (
    <FieldRow
      key={r.field}
      row={r}
      text={texts[r.field] ?? ''}
      invalid={invalid.includes(r.field)}
      onChange={(text) => setText(r.field, text)}
    />
  );
  return (
    <section className="section confirm" aria-labelledby="confirm-heading">
      <h2 id="confirm-heading">{t('confirm.heading')}</h2>
      <p>{t('confirm.intro')}</p>
      <FieldGroup
        rows={rows.filter((r) => r.review)}
        title={(count) => t('confirm.reviewGroup', { count })}
        review
        renderRow={rowOf}
      />
      <FieldGroup
        rows={rows.filter((r) => !r.review)}
        title={(count) => t('confirm.okGroup', { count })}
        renderRow={rowOf}
      />
      <LiveChecks checks={checks} tpsCode={view.tps.code} />
      {invalid.length > 0 && (
        <p className="form-error" role="alert">
          {t('confirm.invalidSummary', { count: invalid.length })}
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <button
        type="button"
        className="button button--wide"
        disabled={busy || invalid.length > 0}
        onClick={() => void confirm()}
      >
        {busy ? t('confirm.confirming') : t('confirm.confirm')}
      </button>
      <p className="small muted">{t('confirm.confirmNote')}</p>
    </section>
  );
}

function FieldGroup(props: {
  rows: ConfirmRow[];
  title: (count: number) => string;
  review?: boolean;
  renderRow: (row: ConfirmRow) => ReactNode;
}) {
  if (props.rows.length === 0) return null;
  return (
    <>
      <h3 className={`confirm__group${props.review ? ' confirm__group--review' : ''}`}>
        {props.title(props.rows.length)}
      </h3>
      <ul className="field-rows">{props.rows.map(props.renderRow)}</ul>
    </>
  );
}

/** What the witness typed per field (starting from the values read, guesses left out), which entries are invalid, and the figures. */
function useFieldValues(rows: readonly ConfirmRow[]) {
  const [texts, setTexts] = useState<Record<string, string>>(() =>
    Object.fromEntries(rows.map((r) => [r.field, initialText(r)])),
  );
  const parsed = rows.map((r) => ({ field: r.field, result: parseFieldInput(texts[r.field] ?? '') }));
  const invalid = parsed.filter((p) => !p.result.ok).map((p) => p.field);
  const values = Object.fromEntries(parsed.flatMap((p) => (p.result.ok ? [[p.field, p.result.value]] : []))) as Partial<
    Record<FieldName, number | null>
  >;
  const setText = (field: FieldName, text: string) => setTexts((all) => ({ ...all, [field]: text }));
  return { texts, setText, invalid, values };
}
