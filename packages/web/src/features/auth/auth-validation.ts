/** The same limit as the contract's registerBody (@cocok/api accounts.ts); not imported, so zod stays out of the bundle. */
export const PASSWORD_MIN = 8;

export type AuthFormError = 'nameMissing' | 'contactMissing' | 'passwordShort' | 'passwordMissing';

/**
 * Checked before sending so a witness gets a precise message (the server would only say the request
 * is not valid); the server checks again and has the last word (e.g. on the contact's format).
 */
export function registerProblems(form: { name: string; contact: string; password: string }): AuthFormError[] {
  const problems: AuthFormError[] = [];
  if (!form.name.trim()) problems.push('nameMissing');
  if (form.contact.trim().length < 3) problems.push('contactMissing');
  if (form.password.length < PASSWORD_MIN) problems.push('passwordShort');
  return problems;
}

export function loginProblems(form: { contact: string; password: string }): AuthFormError[] {
  const problems: AuthFormError[] = [];
  if (!form.contact.trim()) problems.push('contactMissing');
  if (!form.password) problems.push('passwordMissing');
  return problems;
}
