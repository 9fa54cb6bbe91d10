/**
 * Pure decisions of the reading queue. A job's `attempts` counts how often it was started, so the
 * same rule covers a reader that throws and a process that died while reading.
 */
export const MAX_READ_ATTEMPTS = 3;

export type JobOutcome =
  { outcome: 'done' } | { outcome: 'retry'; reason: string } | { outcome: 'failed'; reason: string };

/** After a failed attempt: try again, or give up once `attempts` reached the maximum. */
export function afterFailure(attempts: number, maxAttempts = MAX_READ_ATTEMPTS): 'retry' | 'failed' {
  return attempts >= maxAttempts ? 'failed' : 'retry';
}

/** Waits between attempts grow: base, 2 x base, 4 x base... */
export function retryDelayMs(attempts: number, baseMs: number): number {
  return baseMs * 2 ** Math.max(0, attempts - 1);
}

/** A readable reason from whatever the reader threw (the worker pool tags its errors with a `reason`). */
export function describeFailure(err: unknown): string {
  if (err instanceof Error) {
    const tag = (err as Error & { reason?: unknown }).reason;
    return (typeof tag === 'string' ? `${tag}: ${err.message}` : err.message).slice(0, 500);
  }
  return String(err).slice(0, 500);
}
