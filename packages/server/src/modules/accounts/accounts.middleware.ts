import crypto from 'node:crypto';
import type { CookieOptions, NextFunction, Request, RequestHandler, Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import { errors } from '../../core/errors.ts';
import type { AuthSettings } from '../../config.ts';
import { accountErrors } from './accounts.errors.ts';
import { csrfTokenFor, hasRole, normalizeContact, tokensMatch, type Role } from './accounts.logic.ts';
import type { AccountsService, SessionUser } from './accounts.service.ts';

export const SESSION_COOKIE = 'cocok_session';
export const CSRF_COOKIE = 'cocok_csrf';
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

declare global {
  namespace Express {
    interface Request {
      /** Set by `sessionMiddleware` on every /api request. */
      auth?: { user: SessionUser | null; sessionToken?: string };
    }
  }
}

export function cookieOptions(req: Request, secure: AuthSettings['cookieSecure'], expires?: Date): CookieOptions {
  const isSecure = secure === 'always' || (secure === 'auto' && req.secure);
  return { httpOnly: true, sameSite: 'lax', secure: isSecure, path: '/', ...(expires ? { expires } : {}) };
}

/** Loads the signed-in user from the session cookie (sliding its expiry), or marks the request anonymous. */
export function sessionMiddleware(accounts: AccountsService, settings: AuthSettings): RequestHandler {
  return async (req, res, next) => {
    const token = req.cookies?.[SESSION_COOKIE];
    req.auth = { user: null };
    if (typeof token === 'string' && token.length > 0) {
      const session = await accounts.resolveSession(token);
      if (session) {
        req.auth = { user: session.user, sessionToken: token };
        if (session.extended)
          res.cookie(SESSION_COOKIE, token, cookieOptions(req, settings.cookieSecure, session.expiresAt));
      } else {
        res.clearCookie(SESSION_COOKIE, cookieOptions(req, settings.cookieSecure));
      }
    }
    next();
  };
}

/** The secret the CSRF token of this request derives from: the session, or the anonymous cookie. */
function csrfSecretOf(req: Request): string | undefined {
  const anon = req.cookies?.[CSRF_COOKIE];
  return req.auth?.sessionToken ?? (typeof anon === 'string' && anon.length > 0 ? anon : undefined);
}

/** The token for the client to send back; sets the anonymous cookie first when there is no secret yet. */
export function issueCsrfToken(req: Request, res: Response, settings: AuthSettings): string {
  let secret = csrfSecretOf(req);
  if (!secret) {
    secret = crypto.randomBytes(32).toString('base64url');
    res.cookie(CSRF_COOKIE, secret, cookieOptions(req, settings.cookieSecure));
  }
  return csrfTokenFor(secret);
}

/** Every state-changing request must carry the token in X-CSRF-Token (login and sign-up included). */
export function csrfGuard(): RequestHandler {
  return (req, _res, next) => {
    if (!UNSAFE_METHODS.has(req.method)) return next();
    const secret = csrfSecretOf(req);
    if (!secret || !tokensMatch(csrfTokenFor(secret), req.get('x-csrf-token'))) throw errors.csrfInvalid();
    next();
  };
}

export function requireUser(req: Request, _res: Response, next: NextFunction): void {
  if (!req.auth?.user) throw errors.loginRequired();
  next();
}

export function requireRole(...roles: Role[]): RequestHandler {
  return (req, _res, next) => {
    const user = req.auth?.user;
    if (!user) throw errors.loginRequired();
    if (!hasRole(user.role, roles)) throw errors.forbidden();
    next();
  };
}

/** The user of a request that passed `requireUser`. */
export function currentUser(req: Request): SessionUser {
  const user = req.auth?.user;
  if (!user) throw errors.loginRequired();
  return user;
}

/** Reads the reset time express-rate-limit puts on the request; the window when there is none. */
function secondsUntilReset(req: Request, windowMs: number): number {
  const reset = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
  return reset ? Math.ceil((reset.getTime() - Date.now()) / 1000) : windowMs / 1000;
}

/**
 * Failed logins are limited per IP and per contact (successful ones are not counted, so many witnesses
 * behind one carrier address can still log in). Sign-ups have their own limit (signupRateLimit).
 */
export function loginRateLimits(settings: AuthSettings): { perIp: RequestHandler; perContact: RequestHandler } {
  const windowMs = settings.loginLimitWindowMinutes * 60_000;
  const common = {
    windowMs,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-7' as const,
    legacyHeaders: false,
    handler: (req: Request, _res: Response, next: NextFunction) =>
      next(errors.tooManyAttempts(secondsUntilReset(req, windowMs))),
  };
  return {
    perIp: rateLimit({ ...common, limit: settings.loginLimitPerIp }),
    perContact: rateLimit({
      ...common,
      limit: settings.loginLimitPerContact,
      skip: (req) => typeof req.body?.contact !== 'string',
      keyGenerator: (req) =>
        `contact:${normalizeContact(String(req.body.contact))?.value ?? String(req.body.contact).trim().toLowerCase()}`,
    }),
  };
}

/**
 * Sign-ups per IP per hour, every attempt counted, successful ones too: a new account is what an
 * abuser wants, so skipping successes (as the login limits do) would leave sign-up unlimited. The
 * answer over the limit is 429 `too-many-signups` with Retry-After (set by express-rate-limit).
 */
export function signupRateLimit(settings: AuthSettings): RequestHandler {
  const windowMs = 3_600_000;
  return rateLimit({
    windowMs,
    limit: settings.signupsPerIpPerHour,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    handler: (req: Request, _res: Response, next: NextFunction) =>
      next(accountErrors.tooManySignups(secondsUntilReset(req, windowMs))),
  });
}
