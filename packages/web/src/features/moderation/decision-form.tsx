import './moderation.css';
import { forwardRef, useImperativeHandle, useRef, useState, type FormEvent } from 'react';
import { REJECT_REASONS, REPORT_OUTCOMES } from '@cocok/domain';
import { FIELDS, type FieldName } from '@cocok/domain';
import { request } from '../../lib/api-client.ts';
import { fieldLabel } from '../../lib/field-labels.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { useFormat } from '../common/use-format.ts';
import type { Decision, DecisionAnswer, ReviewData } from './moderation-types.ts';
import { errorText } from '../../lib/error-text.ts';

export type DecisionKind = Decision['kind'];
export type DecisionFormHandle = { start(kind: DecisionKind): void };
type Props = { data: ReviewData; selected: number | null; onDone: (answer: DecisionAnswer) => void };

const KINDS: DecisionKind[] = [
  'set-verified',
  'official-wrong',
  'reject-submission',
  'move-submission',
  'escalate',
  'ban-uploader',
  'resolve-report',
  'clear-verified',
];

/**
 * The kinds that can succeed here, so the form does not offer what the server would refuse: after an
 * escalation only admins decide; reports, verified figures and live submissions must exist to act on.
 */
function availableKinds(data: ReviewData, role: string | undefined): DecisionKind[] {
  if (data.reasons.includes('escalated') && role !== 'admin') return ['escalate'];
  const live = data.submissions.some((s) => s.status !== 'withdrawn');
  return KINDS.filter((k) => {
    if (k === 'resolve-report') return data.reports.open > 0;
    if (k === 'clear-verified') return data.verified !== null;
    if (k === 'reject-submission' || k === 'move-submission' || k === 'ban-uploader') return live;
    return true;
  });
}

/** One form for every decision kind; a refusal is shown in Indonesian and the form keeps what was typed. */
export const DecisionForm = forwardRef<DecisionFormHandle, Props>(function DecisionForm(
  { data, selected, onDone },
  ref,
) {
  const { t, lang } = useFormat();
  const kinds = availableKinds(data, useAuth().user?.role);
  const [chosen, setKind] = useState<DecisionKind>(kinds[0]);
  const kind = kinds.includes(chosen) ? chosen : kinds[0];
  const [source, setSource] = useState<'submission' | 'typed'>('submission');
  const [typed, setTyped] = useState<Partial<Record<FieldName, string>>>({});
  const [fields, setFields] = useState<FieldName[]>([]);
  const [rejectReason, setRejectReason] = useState<string>(REJECT_REASONS[0]);
  const [outcome, setOutcome] = useState<string>(REPORT_OUTCOMES[0]);
  const [toTps, setToTps] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  useImperativeHandle(ref, () => ({ start: (k) => (setKind(k), setTimeout(() => reasonRef.current?.focus(), 0)) }), []);

  const editable = FIELDS.filter(
    (f) => data.comparison?.fields.some((c) => c.field === f) || data.official?.fields[f] != null,
  );
  const needsSubmission =
    kind === 'reject-submission' ||
    kind === 'move-submission' ||
    kind === 'ban-uploader' ||
    (kind === 'set-verified' && source === 'submission');

  function body(): Decision | string {
    if (needsSubmission && selected === null) return t('moderation.pickSubmission');
    const id = selected ?? 0;
    switch (kind) {
      case 'set-verified': {
        if (source === 'submission') return { kind, fromSubmission: id, reason };
        const figures = Object.fromEntries(
          Object.entries(typed)
            .filter(([, v]) => v !== '')
            .map(([f, v]) => [f, Number(v)]),
        );
        return Object.keys(figures).length ? { kind, figures, reason } : t('moderation.typeFigures');
      }
      case 'official-wrong':
        return fields.length
          ? { kind, fields: fields as [FieldName, ...FieldName[]], reason }
          : t('moderation.pickFields');
      case 'reject-submission':
        return {
          kind,
          submissionId: id,
          reason: rejectReason as (typeof REJECT_REASONS)[number],
          note: reason || undefined,
        };
      case 'move-submission':
        return { kind, submissionId: id, toTps: toTps.trim().toUpperCase(), reason };
      case 'ban-uploader':
        return { kind, submissionId: id, reason };
      case 'resolve-report':
        return { kind, outcome: outcome as (typeof REPORT_OUTCOMES)[number], reason };
      default:
        return { kind, reason };
    }
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const b = body();
    if (typeof b === 'string') return setError(b);
    setBusy(true);
    setError(null);
    try {
      onDone(await request('decide', { params: { code: data.tps.code }, body: b }));
      setReason('');
    } catch (err) {
      setError(errorText(err, { lang, t }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="inline-form decision-form"
      onSubmit={(e) => void submit(e)}
      aria-labelledby="decision-heading"
      data-testid="decision-form"
    >
      <h2 id="decision-heading">{t('moderation.decisionHeading')}</h2>
      {kinds.length === 1 && kinds[0] === 'escalate' && (
        <p className="notice notice--warning">{t('moderation.escalatedNotice')}</p>
      )}
      <label className="field">
        {t('moderation.kindLabel')}
        <select value={kind} onChange={(e) => setKind(e.target.value as DecisionKind)}>
          {kinds.map((k) => (
            <option key={k} value={k}>
              {t(`moderation.kinds.${k}`)}
            </option>
          ))}
        </select>
      </label>
      {needsSubmission && (
        <p className="small">
          {selected === null ? t('moderation.pickSubmission') : t('moderation.forSubmission', { id: selected })}
        </p>
      )}
      {kind === 'set-verified' && (
        <fieldset>
          <legend>{t('moderation.sourceLegend')}</legend>
          <label>
            <input type="radio" checked={source === 'submission'} onChange={() => setSource('submission')} />{' '}
            {t('moderation.fromSubmission')}
          </label>{' '}
          <label>
            <input type="radio" checked={source === 'typed'} onChange={() => setSource('typed')} />{' '}
            {t('moderation.typed')}
          </label>
          {source === 'typed' &&
            editable.map((f) => (
              <label key={f} className="field-row">
                <span className="field-row__label">{fieldLabel(t, f)}</span>
                <input
                  className="field-row__input"
                  inputMode="numeric"
                  pattern="[0-9]*"
                  value={typed[f] ?? ''}
                  onChange={(e) => setTyped({ ...typed, [f]: e.target.value.replace(/\D/g, '') })}
                />
              </label>
            ))}
        </fieldset>
      )}
      {kind === 'official-wrong' && (
        <fieldset>
          <legend>{t('moderation.wrongFields')}</legend>
          {editable.map((f) => (
            <label key={f} className="field-row">
              <input
                type="checkbox"
                checked={fields.includes(f)}
                onChange={(e) => setFields(e.target.checked ? [...fields, f] : fields.filter((x) => x !== f))}
              />{' '}
              {fieldLabel(t, f)}
            </label>
          ))}
        </fieldset>
      )}
      {kind === 'reject-submission' && (
        <label className="field">
          {t('moderation.rejectReason')}
          <select value={rejectReason} onChange={(e) => setRejectReason(e.target.value)}>
            {REJECT_REASONS.map((r) => (
              <option key={r} value={r}>
                {t(`moderation.rejectReasons.${r}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      {kind === 'move-submission' && (
        <label className="field">
          {t('moderation.toTps')}
          <input
            className="code-input"
            value={toTps}
            onChange={(e) => setToTps(e.target.value)}
            inputMode="numeric"
            maxLength={13}
          />
        </label>
      )}
      {kind === 'resolve-report' && (
        <label className="field">
          {t('moderation.outcome')}
          <select value={outcome} onChange={(e) => setOutcome(e.target.value)}>
            {REPORT_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {t(`moderation.outcomes.${o}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="field">
        {kind === 'reject-submission' ? t('moderation.noteLabel') : t('moderation.reasonLabel')}
        <textarea ref={reasonRef} value={reason} onChange={(e) => setReason(e.target.value)} rows={2} maxLength={500} />
      </label>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button" disabled={busy}>
        {t('moderation.submitDecision')}
      </button>
    </form>
  );
});
