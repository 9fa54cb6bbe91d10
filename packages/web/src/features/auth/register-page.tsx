import { Link, Navigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { AuthForm, useAuthForm } from './auth-form.tsx';
import { loginPathFor } from './auth-paths.ts';
import { PASSWORD_MIN, registerProblems } from './auth-validation.ts';
import { TextField } from './form-fields.tsx';

/** `/daftar`: a witness account (name, phone number or e-mail, password); signed in straight away. */
export function RegisterPage() {
  const { t } = useTranslation();
  const state = useAuthForm({
    title: t('auth.registerTitle'),
    initial: { name: '', contact: '', password: '' },
    problemsOf: registerProblems,
    send: (auth, form) => auth.register(form),
  });
  const { form, setForm, next } = state;

  if (state.alreadySignedIn) return <Navigate to={next} replace />;

  return (
    <AuthForm
      intro={t('auth.registerIntro')}
      state={state}
      submitLabel={t('auth.register')}
      busyLabel={t('auth.registering')}
      footer={
        <>
          {t('auth.haveAccount')} <Link to={loginPathFor(next)}>{t('auth.loginLink')}</Link>
        </>
      }
    >
      <TextField
        label={t('auth.name')}
        value={form.name}
        autoComplete="name"
        onChange={(name) => setForm({ ...form, name })}
      />
      <TextField
        label={t('auth.contact')}
        hint={t('auth.contactHint')}
        value={form.contact}
        autoComplete="username"
        onChange={(contact) => setForm({ ...form, contact })}
      />
      <TextField
        label={t('auth.password')}
        hint={t('auth.passwordHint', { n: PASSWORD_MIN })}
        type="password"
        value={form.password}
        autoComplete="new-password"
        onChange={(password) => setForm({ ...form, password })}
      />
    </AuthForm>
  );
}
