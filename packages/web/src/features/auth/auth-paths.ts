/** URLs of the witness pages, and where to go back to after logging in. */
export const LOGIN_PATH = '/masuk';
export const REGISTER_PATH = '/daftar';
export const UPLOAD_PATH = '/unggah';
export const MY_SUBMISSIONS_PATH = '/kiriman';

export function submissionPath(id: number | string): string {
  return `/kiriman/${encodeURIComponent(String(id))}`;
}

/** `/masuk?lanjut=/unggah`: the login page returns to the page that asked for it. */
export function loginPathFor(next: string, base = LOGIN_PATH): string {
  return `${base}?lanjut=${encodeURIComponent(next)}`;
}

/**
 * The page to open after logging in. Only a path on this site is followed (`/unggah`), never an
 * absolute or protocol-relative URL (`//evil.example`, `https://…`), so the link cannot send a witness
 * who just typed a password to another site.
 */
export function safeNext(next: string | null | undefined, fallback = UPLOAD_PATH): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  if (next.startsWith(LOGIN_PATH) || next.startsWith(REGISTER_PATH)) return fallback;
  return next;
}
