import type { ErrorEnvelope } from '../../../server/src/core/errors.ts';

/** A failed API call: `status` 0 means the server was not reached at all (network down, server stopped). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly messageEn: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get isNotFound(): boolean {
    return this.status === 404 || this.code === 'invalid-code';
  }
}

/** GETs a JSON resource from the API and turns the server's error envelope into an ApiError. */
export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { signal, headers: { accept: 'application/json' } });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ApiError(0, 'network-error', 'Tidak dapat menghubungi server.', 'Could not reach the server.');
  }
  const body: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    const e = (body as Partial<ErrorEnvelope> | undefined)?.error;
    throw new ApiError(res.status, e?.code ?? 'http-error', e?.message ?? `HTTP ${res.status}`, e?.messageEn ?? `HTTP ${res.status}`);
  }
  if (body === undefined) {
    // A proxy page or a half-written response: treat like a network failure so the user can retry.
    throw new ApiError(res.status, 'bad-response', 'Jawaban server tidak dapat dibaca.', 'The server response could not be read.');
  }
  return body as T;
}
