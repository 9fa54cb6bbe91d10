import { useState, type FormEvent } from 'react';
import { apiCall, request } from '../../lib/api-client.ts';
import { useApi } from '../../lib/use-api.ts';
import { FigureList } from '../common/figure-list.tsx';
import { SectionLoadState } from '../common/load-state.tsx';
import { useFormat } from '../common/use-format.ts';
import type { HistoryEntry } from './moderation-types.ts';
import { isKeyOf } from '../../lib/translate.ts';
import { moderationTexts } from './moderation.texts.ts';
import { errorText } from '../../lib/error-text.ts';

// An action logged by a newer server than this page knows is shown by its name.
const ACTION_TEXTS = moderationTexts.id.moderation.actions;

/** The figures a moderator verified last, unless a later decision cleared them (history is newest first). */
function currentVerified(
  entries: HistoryEntry[],
): { entry: HistoryEntry; figures: Record<string, number | null> } | null {
  const last = entries.find((e) => e.action === 'set-verified' || e.action === 'clear-verified');
  return last?.action === 'set-verified' && last.after
    ? { entry: last, figures: last.after as Record<string, number | null> }
    : null;
}

/** The TPS page's moderation section: the verified result, every decision (by pseudonym), and "Lapor". */
export function TpsModeration({ code }: { code: string }) {
  const { t, instant } = useFormat();
  const result = useApi(apiCall('tpsHistory', { params: { code } }), { cache: false });
  const verified = result.status === 'ready' ? currentVerified(result.data.entries) : null;
  return (
    <section className="section" aria-labelledby="tps-moderation" data-testid="tps-moderation">
      <h2 id="tps-moderation">{t('moderation.publicHeading')}</h2>
      <SectionLoadState result={result} failedText={t('moderation.historyFailed')} />
      {verified && (
        <div className="panel" data-testid="verified-result">
          <p>
            <strong>{t('moderation.verifiedTitle')}</strong>{' '}
            <span className="muted small">
              {t('moderation.verifiedBy', { who: verified.entry.moderator, at: instant(verified.entry.at) })}
            </span>
          </p>
          <FigureList figures={verified.figures} />
        </div>
      )}
      {result.status === 'ready' && <ModerationHistoryList entries={result.data.entries} />}
      <ReportForm code={code} />
    </section>
  );
}

export function ModerationHistoryList({ entries }: { entries: HistoryEntry[] }) {
  const { t, instant } = useFormat();
  if (entries.length === 0) return <p className="muted">{t('moderation.noHistory')}</p>;
  return (
    <ol className="changes" data-testid="moderation-history">
      {entries.map((e) => (
        <li key={e.id}>
          <strong>{isKeyOf(ACTION_TEXTS, e.action) ? t(`moderation.actions.${e.action}`) : e.action}</strong> ·{' '}
          {e.moderator} · <span className="muted small">{instant(e.at)}</span>
          {e.submissionId !== null && <span className="small"> · #{e.submissionId}</span>}
          {e.reason && <p className="small">“{e.reason}”</p>}
        </li>
      ))}
    </ol>
  );
}

/** "Lapor": anyone reports a problem with this TPS page; the text stays when sending fails. */
function ReportForm({ code }: { code: string }) {
  const { t, lang } = useFormat();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [state, setState] = useState<{ kind: 'idle' | 'sending' | 'sent' } | { kind: 'error'; message: string }>({
    kind: 'idle',
  });

  async function send(e: FormEvent) {
    e.preventDefault();
    if (reason.trim().length < 3) return setState({ kind: 'error', message: t('moderation.reportTooShort') });
    setState({ kind: 'sending' });
    try {
      await request('report', { params: { code }, body: { reason: reason.trim() } });
      setReason('');
      setState({ kind: 'sent' });
    } catch (err) {
      setState({ kind: 'error', message: errorText(err, { lang, t }) });
    }
  }

  if (!open) {
    return (
      <p>
        <button type="button" className="button button--secondary button--small" onClick={() => setOpen(true)}>
          {t('moderation.reportButton')}
        </button>
        {state.kind === 'sent' && <span role="status"> {t('moderation.reportSent')}</span>}
      </p>
    );
  }
  return (
    <form className="inline-form" onSubmit={(e) => void send(e)} aria-label={t('moderation.reportButton')}>
      <label className="field">
        {t('moderation.reportLabel')}
        <textarea value={reason} onChange={(e) => setReason(e.target.value)} maxLength={300} rows={3} />
      </label>
      <p className="field__hint">{t('moderation.reportHint', { n: 300 - reason.length })}</p>
      {state.kind === 'error' && (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      )}
      {state.kind === 'sent' && <p role="status">{t('moderation.reportSent')}</p>}
      <div className="button-row">
        <button type="submit" className="button button--small" disabled={state.kind === 'sending'}>
          {t('moderation.reportSend')}
        </button>
        <button type="button" className="button button--secondary button--small" onClick={() => setOpen(false)}>
          {t('moderation.reportCancel')}
        </button>
      </div>
    </form>
  );
}
