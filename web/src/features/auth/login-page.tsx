import { useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../common/page-header.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useAuth } from './auth-context.tsx';
import { REGISTER_PATH, loginPathFor, safeNext } from './auth-paths.ts';
import { apiErrorText, loginProblems, type AuthFormError } from './auth-validation.ts';
import { FormProblems, TextField } from './form-fields.tsx';

/** `/masuk`: log in with phone number or e-mail and password, then back to the page that asked. */
export function LoginPage() {
  const { t, i18n } = useTranslation();
  const auth = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('lanjut'));
  const [form, setForm] = useState({ contact: '', password: '' });
  const [problems, setProblems] = useState<AuthFormError[]>([]);
  const [serverError, setServerError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useDocumentTitle(t('auth.loginTitle'));

  if (auth.user && !busy) return <Navigate to={next} replace />;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found = loginProblems(form);
    setProblems(found);
    setServerError(null);
    if (found.length > 0) return;
    setBusy(true);
    try {
      await auth.login(form);
      navigate(next, { replace: true });
    } catch (err) {
      setServerError(apiErrorText(err, i18n.language));
      setBusy(false);
    }
  }

  return (
    <div className="narrow">
      <PageHeader kicker={t('auth.kicker')} title={t('auth.loginTitle')} />
      <form className="form panel" onSubmit={submit} noValidate>
        <p className="muted">{t('auth.loginIntro')}</p>
        <TextField label={t('auth.contact')} hint={t('auth.contactHint')} value={form.contact} autoComplete="username"
          onChange={(contact) => setForm({ ...form, contact })} />
        <TextField label={t('auth.password')} type="password" value={form.password} autoComplete="current-password"
          onChange={(password) => setForm({ ...form, password })} />
        <FormProblems problems={problems} serverError={serverError} />
        <button type="submit" className="button button--wide" disabled={busy}>
          {busy ? t('auth.loggingIn') : t('auth.login')}
        </button>
        <p>
          {t('auth.noAccount')} <Link to={loginPathFor(next, REGISTER_PATH)}>{t('auth.registerLink')}</Link>
        </p>
      </form>
    </div>
  );
}
