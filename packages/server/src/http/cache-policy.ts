import type { RequestHandler, Response } from 'express';

/**
 * What browsers and a CDN in front of Cocok may keep, per kind of answer (docs/http-caching.md lists the
 * routes). Public pages: fresh for 2 s and served stale while revalidating for 3 s more, so no cache shows
 * totals older than 5 s (the election-night promise); stale for up to 10 minutes only if the server is failing
 * (RFC 5861 stale-if-error: an old page beats an error page on a night when the origin is overloaded).
 * Everything else under /api is private and never stored: sessions, a witness's own data, moderation.
 */
export const CACHE_CONTROL = {
  publicPage: 'public, max-age=2, stale-while-revalidate=3, stale-if-error=600',
  private: 'private, no-store',
} as const;

/** For /api as a whole: private unless a route says otherwise (a forgotten route leaks nothing to a cache). */
export const privateByDefault: RequestHandler = (_req, res, next) => {
  res.set('Cache-Control', CACHE_CONTROL.private);
  next();
};

/**
 * The Cache-Control of a public answer: public, unless this response also sets a cookie (a signed-in reader's
 * sliding session): a shared cache must never store, and hand to others, someone's session.
 */
export function publicCacheControl(res: Response): string {
  return res.getHeader('Set-Cookie') ? CACHE_CONTROL.private : CACHE_CONTROL.publicPage;
}

/** For a public GET route that is not an answer-cache page (exports, search, the public log): the same public policy. */
export const publicAnswer: RequestHandler = (_req, res, next) => {
  res.set('Cache-Control', publicCacheControl(res));
  next();
};
