import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/auth-context.tsx';
import { TextField } from '../auth/form-fields.tsx';
import { errorText } from '../../lib/error-text.ts';

/**
 * A session that ended before the photos went out: log in again right here and send at once. Going to
 * the login page would leave this page, and with it the TPS and the photos the witness chose.
 */
export function ReloginForm({ onSignedIn }: { onSignedIn: () => void }) {
  const { t, i18n } = useTranslation();
  const auth = useAuth();
  const [contact, setContact] = useState(auth.user?.contact ?? '');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await auth.login({ contact: contact.trim(), password });
      onSignedIn();
    } catch (err) {
      setError(errorText(err, { lang: i18n.language, t }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form relogin" onSubmit={(e) => void submit(e)} data-testid="relogin-form">
      <p className="small">{t('upload.reloginIntro')}</p>
      <TextField label={t('auth.contact')} value={contact} autoComplete="username" onChange={setContact} />
      <TextField
        label={t('auth.password')}
        type="password"
        value={password}
        autoComplete="current-password"
        onChange={setPassword}
      />
      {error && (
        <p className="invalid-mark" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button" disabled={busy || !contact.trim() || !password}>
        {busy ? t('auth.loggingIn') : t('upload.relogin')}
      </button>
    </form>
  );
}
