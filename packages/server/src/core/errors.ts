import type { ErrorEnvelope } from '@cocok/api';

/**
 * One error model for the whole server. Every expected failure is an AppError with a kebab-case code,
 * an HTTP status and a message a person can act on: `message` in Indonesian (what the UI shows),
 * `messageEn` in English for API clients and logs. Anything else is a bug: a 500 `internal-error`
 * whose body says nothing about the internals.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly messageEn: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** The JSON body of every error answer: the wire contract's (@cocok/api), built by toEnvelope below. */
export type { ErrorEnvelope } from '@cocok/api';

/** What an error is about, named in both languages. */
export type Thing = { id: string; en: string };
export const THINGS = {
  region: { id: 'wilayah', en: 'region' },
  tps: { id: 'TPS', en: 'TPS' },
  submission: { id: 'kiriman', en: 'submission' },
  photo: { id: 'foto', en: 'photo' },
} satisfies Record<string, Thing>;

export const errors = {
  badRequest: (details: Record<string, unknown>, en = 'The request is not valid.') =>
    new AppError('bad-request', 400, 'Permintaan tidak valid.', en, details),
  invalidCode: (what: Thing, code: string) =>
    new AppError('invalid-code', 400, `Kode ${what.id} tidak valid: ${code}`, `Invalid ${what.en} code: ${code}`, {
      code,
    }),
  notFound: (what: Thing, code: string) =>
    new AppError('not-found', 404, `Tidak ada ${what.id} dengan kode ${code}.`, `No ${what.en} with code ${code}.`, {
      code,
    }),
  routeNotFound: (path: string) =>
    new AppError('route-not-found', 404, 'Alamat API tidak dikenal.', `Unknown API route: ${path}`, { path }),
  loginRequired: () => new AppError('login-required', 401, 'Silakan masuk terlebih dahulu.', 'You need to log in.'),
  forbidden: () =>
    new AppError('forbidden', 403, 'Anda tidak berhak melakukan ini.', 'You are not allowed to do this.'),
  csrfInvalid: () =>
    new AppError(
      'csrf-invalid',
      403,
      'Sesi formulir tidak valid. Muat ulang halaman lalu coba lagi.',
      'Missing or invalid CSRF token (get one from GET /api/auth/me and send it in X-CSRF-Token).',
    ),
  tooManyAttempts: (retryAfterSeconds: number) =>
    new AppError(
      'too-many-attempts',
      429,
      `Terlalu banyak percobaan masuk. Coba lagi dalam ${Math.max(1, Math.ceil(retryAfterSeconds / 60))} menit.`,
      'Too many login attempts. Try again later.',
      { retryAfterSeconds },
    ),
};

export function toEnvelope(err: unknown): { status: number; body: ErrorEnvelope } {
  if (err instanceof AppError) {
    const { code, message, messageEn, details } = err;
    return { status: err.status, body: { error: { code, message, messageEn, details } } };
  }
  const status = httpStatusOf(err);
  if (status !== undefined && status >= 400 && status < 500) {
    // body-parser and friends throw errors carrying a 4xx status (malformed JSON, payload too large).
    return {
      status,
      body: {
        error: { code: 'bad-request', message: 'Permintaan tidak valid.', messageEn: String((err as Error).message) },
      },
    };
  }
  return {
    status: 500,
    body: { error: { code: 'internal-error', message: 'Terjadi kesalahan di server.', messageEn: 'Internal error.' } },
  };
}

function httpStatusOf(err: unknown): number | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const e = err as { status?: unknown; statusCode?: unknown };
  const s = e.status ?? e.statusCode;
  return typeof s === 'number' ? s : undefined;
}
