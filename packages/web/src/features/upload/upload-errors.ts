import type { ApiError } from '../../lib/api-client.ts';
import type { Translate } from '../../lib/translate.ts';
import { errorText } from '../../lib/error-text.ts';

/**
 * What to tell the witness when an upload fails, and what they can do: send the same photos again
 * (`retry`), replace the photo named (`replace`), or log in again (`login`).
 */
export type UploadFailure = { text: string; action: 'retry' | 'replace' | 'login'; file: string | null };

/** Codes whose Indonesian message came from our server (not a proxy page or a lost connection). */
const OWN_ENVELOPE = (code: string) => code !== 'http-error' && code !== 'bad-response' && code !== 'network-error';

export function describeUploadFailure(
  err: ApiError,
  ctx: { t: Translate; lang: string; online: boolean },
): UploadFailure {
  const { t } = ctx;
  const file = typeof err.details.file === 'string' ? err.details.file : null;
  if (err.code === 'aborted') return { text: t('upload.errors.cancelled'), action: 'retry', file: null };
  if (err.status === 0)
    return { text: t(ctx.online ? 'upload.errors.network' : 'upload.errors.offline'), action: 'retry', file: null };
  if (err.status === 401) return { text: t('upload.errors.loginAgain'), action: 'login', file: null };
  const action = file !== null && [413, 415, 422].includes(err.status) ? 'replace' : 'retry';
  if (OWN_ENVELOPE(err.code)) return { text: errorText(err, ctx), action, file };
  // No envelope: a proxy or gateway answered before our server could.
  const byStatus: Record<number, 'tooLarge' | 'unsupported' | 'unreadable' | 'tooMany'> = {
    413: 'tooLarge',
    415: 'unsupported',
    422: 'unreadable',
    429: 'tooMany',
  };
  const key = byStatus[err.status] ?? (err.status >= 500 ? 'server' : 'unknown');
  return { text: t(`upload.errors.${key}`, { status: err.status }), action: 'retry', file: null };
}
