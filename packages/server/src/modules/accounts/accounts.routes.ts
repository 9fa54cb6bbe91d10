import { Router, type Request, type Response } from 'express';
import type { AuthSettings } from '../../config.ts';
import { parseWith } from '../../http/validate.ts';
import { csrfTokenFor } from './accounts.logic.ts';
import { SESSION_COOKIE, cookieOptions, issueCsrfToken, loginRateLimits, signupRateLimit } from './accounts.middleware.ts';
import { loginBody, registerBody } from './accounts.schemas.ts';
import type { AccountsService, NewSession, PublicUser } from './accounts.service.ts';

export function accountsRoutes(accounts: AccountsService, settings: AuthSettings): Router {
  const router = Router();
  const limits = loginRateLimits(settings);
  const signupLimit = signupRateLimit(settings);

  // Signing in always starts a fresh session (the old one, if any, ends): no session fixation.
  const signedIn = async (req: Request, res: Response, status: number, { user, session }: { user: PublicUser; session: NewSession }) => {
    if (req.auth?.sessionToken) await accounts.logout(req.auth.sessionToken);
    res.cookie(SESSION_COOKIE, session.token, cookieOptions(req, settings.cookieSecure, session.expiresAt));
    res.status(status).json({ user, csrfToken: csrfTokenFor(session.token) });
  };

  router.get('/auth/me', async (req, res) => {
    const user = req.auth?.user ? await accounts.getUser(req.auth.user.id) : null;
    res.json({ user, csrfToken: issueCsrfToken(req, res, settings) });
  });
  router.post('/auth/register', signupLimit, async (req, res) => {
    await signedIn(req, res, 201, await accounts.register(parseWith(registerBody, req.body)));
  });
  router.post('/auth/login', limits.perIp, limits.perContact, async (req, res) => {
    await signedIn(req, res, 200, await accounts.login(parseWith(loginBody, req.body)));
  });
  router.post('/auth/logout', async (req, res) => {
    if (req.auth?.sessionToken) await accounts.logout(req.auth.sessionToken);
    req.auth = { user: null };
    res.clearCookie(SESSION_COOKIE, cookieOptions(req, settings.cookieSecure));
    res.json({ ok: true, csrfToken: issueCsrfToken(req, res, settings) });
  });
  return router;
}
