import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN, type AuthFormError } from './auth-validation.ts';

/** A labelled text input with an optional hint, the label and hint tied to it for screen readers. */
export function TextField(props: {
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'password';
  autoComplete?: string;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      {props.hint && (
        <span id={`${id}-hint`} className="field__hint">
          {props.hint}
        </span>
      )}
      <input
        id={id}
        type={props.type ?? 'text'}
        value={props.value}
        autoComplete={props.autoComplete}
        aria-describedby={props.hint ? `${id}-hint` : undefined}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </div>
  );
}

/** What is wrong with the form (checked here) or what the server refused, announced when it appears. */
export function FormProblems({ problems, serverError }: { problems: AuthFormError[]; serverError: string | null }) {
  const { t } = useTranslation();
  if (problems.length === 0 && !serverError) return null;
  return (
    <div className="form-error" role="alert">
      {problems.map((p) => (
        <p key={p}>{t(`auth.problems.${p}`, { n: PASSWORD_MIN })}</p>
      ))}
      {serverError && <p>{serverError}</p>}
    </div>
  );
}
