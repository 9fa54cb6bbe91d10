import { Link, Navigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { AuthForm, useAuthForm } from './auth-form.tsx';
import { REGISTER_PATH, loginPathFor } from './auth-paths.ts';
import { loginProblems } from './auth-validation.ts';
import { TextField } from './form-fields.tsx';

/** `/masuk`: log in with phone number or e-mail and password, then back to the page that asked. */
export function LoginPage() {
  const { t } = useTranslation();
  const state = useAuthForm({
    title: t('auth.loginTitle'),
    initial: { contact: '', password: '' },
    problemsOf: loginProblems,
    send: (auth, form) => auth.login(form),
  });
  const { form, setForm, next } = state;

  if (state.alreadySignedIn) return <Navigate to={next} replace />;

  return (
    <AuthForm
      intro={t('auth.loginIntro')}
      state={state}
      submitLabel={t('auth.login')}
      busyLabel={t('auth.loggingIn')}
      footer={
        <>
          {t('auth.noAccount')} <Link to={loginPathFor(next, REGISTER_PATH)}>{t('auth.registerLink')}</Link>
        </>
      }
    >
      <TextField
        label={t('auth.contact')}
        hint={t('auth.contactHint')}
        value={form.contact}
        autoComplete="username"
        onChange={(contact) => setForm({ ...form, contact })}
      />
      <TextField
        label={t('auth.password')}
        type="password"
        value={form.password}
        autoComplete="current-password"
        onChange={(password) => setForm({ ...form, password })}
      />
    </AuthForm>
  );
}
