import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { request } from '../../lib/api-client.ts';
import { asTpsCode } from '../../lib/paths.ts';
import { placeOf, type ChosenTps } from './last-tps.ts';
import { errorText } from '../../lib/error-text.ts';

/** The 13-character code printed on the TPS's documents, checked against the registry before use. */
export function TpsByCode({ onChoose }: { onChoose: (tps: ChosenTps) => void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const code = asTpsCode(text);
    if (!code) {
      setError(t('upload.codeInvalid'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const tps = await request('tps', { params: { code } });
      onChoose({ code: tps.code, name: tps.name, place: placeOf(tps.breadcrumb) });
    } catch (err) {
      setError(errorText(err, { lang: i18n.language, t }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="inline-form" onSubmit={submit} noValidate>
      <label htmlFor={id}>{t('upload.codeLabel')}</label>
      <span className="field__hint" id={`${id}-hint`}>
        {t('upload.codeHint')}
      </span>
      <div className="inline-form__row">
        <input
          id={id}
          value={text}
          onChange={(e) => setText(e.target.value)}
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          maxLength={20}
          aria-describedby={`${id}-hint`}
          className="code-input"
        />
        <button type="submit" className="button" disabled={busy}>
          {t('upload.choose')}
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
