import './submissions.css';
import { useState } from 'react';
import { request } from '../../lib/api-client.ts';
import { useFormat } from '../common/use-format.ts';
import type { SubmissionView } from './submission-types.ts';
import { errorText } from '../../lib/error-text.ts';

/** Withdrawing asks once more in place (no browser dialog); the submission is kept, just not shown. */
export function WithdrawControl({ id, onDone }: { id: number; onDone: (view: SubmissionView) => void }) {
  const { t, lang } = useFormat();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function withdraw() {
    setBusy(true);
    setError(null);
    try {
      onDone(await request('withdrawSubmission', { params: { id } }));
    } catch (err) {
      setError(errorText(err, { lang, t }));
    } finally {
      setBusy(false);
      setAsking(false);
    }
  }

  return (
    <div className="withdraw">
      {!asking ? (
        <button type="button" className="button button--secondary" onClick={() => setAsking(true)}>
          {t('withdraw.button')}
        </button>
      ) : (
        <div className="notice notice--warning" role="alertdialog" aria-labelledby="withdraw-q">
          <p id="withdraw-q">{t('withdraw.question')}</p>
          <p className="button-row">
            <button type="button" className="button button--danger" disabled={busy} onClick={() => void withdraw()}>
              {t('withdraw.yes')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setAsking(false)}>
              {t('withdraw.no')}
            </button>
          </p>
        </div>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
