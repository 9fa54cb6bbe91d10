import { useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../common/page-header.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useAuth } from './auth-context.tsx';
import { loginPathFor, safeNext } from './auth-paths.ts';
import { PASSWORD_MIN, apiErrorText, registerProblems, type AuthFormError } from './auth-validation.ts';
import { FormProblems, TextField } from './form-fields.tsx';

/** `/daftar`: a witness account (name, phone number or e-mail, password); signed in straight away. */
export function RegisterPage() {
  const { t, i18n } = useTranslation();
  const auth = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('lanjut'));
  const [form, setForm] = useState({ name: '', contact: '', password: '' });
  const [problems, setProblems] = useState<AuthFormError[]>([]);
  const [serverError, setServerError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useDocumentTitle(t('auth.registerTitle'));

  if (auth.user && !busy) return <Navigate to={next} replace />;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found = registerProblems(form);
    setProblems(found);
    setServerError(null);
    if (found.length > 0) return;
    setBusy(true);
    try {
      await auth.register(form);
      navigate(next, { replace: true });
    } catch (err) {
      setServerError(apiErrorText(err, i18n.language));
      setBusy(false);
    }
  }

  return (
    <div className="narrow">
      <PageHeader kicker={t('auth.kicker')} title={t('auth.registerTitle')} />
      <form className="form panel" onSubmit={submit} noValidate>
        <p className="muted">{t('auth.registerIntro')}</p>
        <TextField label={t('auth.name')} value={form.name} autoComplete="name" onChange={(name) => setForm({ ...form, name })} />
        <TextField label={t('auth.contact')} hint={t('auth.contactHint')} value={form.contact} autoComplete="username"
          onChange={(contact) => setForm({ ...form, contact })} />
        <TextField label={t('auth.password')} hint={t('auth.passwordHint', { n: PASSWORD_MIN })} type="password"
          value={form.password} autoComplete="new-password" onChange={(password) => setForm({ ...form, password })} />
        <FormProblems problems={problems} serverError={serverError} />
        <button type="submit" className="button button--wide" disabled={busy}>
          {busy ? t('auth.registering') : t('auth.register')}
        </button>
        <p>
          {t('auth.haveAccount')} <Link to={loginPathFor(next)}>{t('auth.loginLink')}</Link>
        </p>
      </form>
    </div>
  );
}
