import { Router, type Request, type Response } from 'express';
import { routes } from '@cocok/api';
import type { AuthSettings } from '../../config.ts';
import { parseWith } from '../../http/validate.ts';
import { csrfTokenFor } from './accounts.logic.ts';
import {
  SESSION_COOKIE,
  cookieOptions,
  issueCsrfToken,
  loginRateLimits,
  signupRateLimit,
} from './accounts.middleware.ts';
import type { AccountsService, NewSession, PublicUser } from './accounts.service.ts';

export function accountsRoutes(accounts: AccountsService, settings: AuthSettings): Router {
  const router = Router();
  const limits = loginRateLimits(settings);
  const signupLimit = signupRateLimit(settings);

  // Signing in always starts a fresh session (the old one, if any, ends): no session fixation.
  const signedIn = async (
    req: Request,
    res: Response,
    status: number,
    { user, session }: { user: PublicUser; session: NewSession },
  ) => {
    if (req.auth?.sessionToken) await accounts.logout(req.auth.sessionToken);
    res.cookie(SESSION_COOKIE, session.token, cookieOptions(req, settings.cookieSecure, session.expiresAt));
    res.status(status).json({ user, csrfToken: csrfTokenFor(session.token) });
  };

  router.get(routes.me.pattern, async (req, res) => {
    const user = req.auth?.user ? await accounts.getUser(req.auth.user.id) : null;
    res.json({ user, csrfToken: issueCsrfToken(req, res, settings) });
  });
  router.post(routes.register.pattern, signupLimit, async (req, res) => {
    await signedIn(
      req,
      res,
      routes.register.status,
      await accounts.register(parseWith(routes.register.body, req.body)),
    );
  });
  router.post(routes.login.pattern, limits.perIp, limits.perContact, async (req, res) => {
    await signedIn(req, res, routes.login.status, await accounts.login(parseWith(routes.login.body, req.body)));
  });
  router.post(routes.logout.pattern, async (req, res) => {
    if (req.auth?.sessionToken) await accounts.logout(req.auth.sessionToken);
    req.auth = { user: null };
    res.clearCookie(SESSION_COOKIE, cookieOptions(req, settings.cookieSecure));
    res.json({ ok: true, csrfToken: issueCsrfToken(req, res, settings) });
  });
  return router;
}
