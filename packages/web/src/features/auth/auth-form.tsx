import { useState, type FormEvent, type ReactNode } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../common/page-header.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useAuth, type AuthValue } from './auth-context.tsx';
import { safeNext } from './auth-paths.ts';
import type { AuthFormError } from './auth-validation.ts';
import { FormProblems } from './form-fields.tsx';
import { errorText } from '../../lib/error-text.ts';

/**
 * State and sending of the login and sign-up forms: problems found in the browser are shown without
 * asking the server; the server's refusal is shown in the reader's language; on success, back to `?lanjut=`.
 */
export function useAuthForm<F>(opts: {
  title: string;
  initial: F;
  problemsOf: (form: F) => AuthFormError[];
  send: (auth: AuthValue, form: F) => Promise<unknown>;
}) {
  const { initial, problemsOf, send } = opts;
  const { t, i18n } = useTranslation();
  const auth = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('lanjut'));
  const [form, setForm] = useState(initial);
  const [problems, setProblems] = useState<AuthFormError[]>([]);
  const [serverError, setServerError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useDocumentTitle(opts.title);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found = problemsOf(form);
    setProblems(found);
    setServerError(null);
    if (found.length > 0) return;
    setBusy(true);
    try {
      await send(auth, form);
      navigate(next, { replace: true });
    } catch (err) {
      setServerError(errorText(err, { lang: i18n.language, t }));
      setBusy(false);
    }
  }

  // While busy the user was just signed in by this form, and submit() itself goes on to `next`.
  const alreadySignedIn = auth.user !== null && !busy;
  return { title: opts.title, form, setForm, problems, serverError, busy, next, submit, alreadySignedIn };
}

type AuthFormProps = {
  intro: string;
  state: Pick<ReturnType<typeof useAuthForm>, 'title' | 'problems' | 'serverError' | 'busy' | 'submit'>;
  submitLabel: string;
  busyLabel: string;
  /** The fields, between the intro and the problems. */
  children: ReactNode;
  /** The line under the button (a link to the other form). */
  footer: ReactNode;
};

/** The page around the login and sign-up forms: heading, intro, fields, problems, the send button. */
export function AuthForm({ intro, state, submitLabel, busyLabel, children, footer }: AuthFormProps) {
  const { t } = useTranslation();
  return (
    <div className="narrow">
      <PageHeader kicker={t('auth.kicker')} title={state.title} />
      <form className="form panel" onSubmit={state.submit} noValidate>
        <p className="muted">{intro}</p>
        {children}
        <FormProblems problems={state.problems} serverError={state.serverError} />
        <button type="submit" className="button button--wide" disabled={state.busy}>
          {state.busy ? busyLabel : submitLabel}
        </button>
        <p>{footer}</p>
      </form>
    </div>
  );
}
