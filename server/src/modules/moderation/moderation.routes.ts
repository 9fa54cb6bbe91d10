import { Router, type NextFunction, type Request, type Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import { parseWith } from '../../http/validate.ts';
import { currentUser, requireRole } from '../accounts/accounts.middleware.ts';
import type { SessionUser } from '../accounts/accounts.service.ts';
import { csvLine } from './moderation.logic.ts';
import { moderationErrors } from './moderation.errors.ts';
import { decisionBody, queueQuery, reportBody, roleBody, userIdParam, userLookupQuery } from './moderation.schemas.ts';
import type { ModerationService } from './moderation.service.ts';

export type ModerationRouteSettings = { reportsPerIpPerHour: number };

const staffOnly = requireRole('moderator', 'admin');
const adminOnly = requireRole('admin');
const staff = (req: Request) => currentUser(req) as SessionUser & { role: 'moderator' | 'admin' };
const codeOf = (req: Request) => String(req.params.code).toUpperCase();

/** Columns of the CSV export, in order. */
export const LOG_CSV_COLUMNS = ['id', 'at', 'action', 'moderator', 'role', 'tps', 'submissionId', 'before', 'after', 'reason'] as const;

/**
 * Moderation routes. Staff routes check the role on the server (requireRole) before anything else; the
 * TPS history, the log export and reports are public.
 */
export function moderationRoutes(moderation: ModerationService, settings: ModerationRouteSettings): Router {
  const router = Router();
  const reportLimit = rateLimit({
    windowMs: 3_600_000,
    limit: settings.reportsPerIpPerHour,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    handler: (_req: Request, _res: Response, next: NextFunction) => next(moderationErrors.tooManyReports()),
  });

  router.get('/admin/users', adminOnly, async (req, res) => {
    res.set('Cache-Control', 'no-store').json(await moderation.findUser(parseWith(userLookupQuery, req.query).contact));
  });
  router.post('/admin/users/:id/role', adminOnly, async (req, res) => {
    const { role } = parseWith(roleBody, req.body ?? {});
    res.json(await moderation.setRole(currentUser(req), parseWith(userIdParam, req.params.id), role));
  });
  router.get('/moderation/queue', staffOnly, async (req, res) => {
    res.json(await moderation.queue(parseWith(queueQuery, req.query)));
  });
  router.get('/moderation/dashboard', staffOnly, async (_req, res) => {
    res.json(await moderation.dashboard());
  });
  router.post('/moderation/tps/:code/claim', staffOnly, async (req, res) => {
    res.json(await moderation.claim(codeOf(req), staff(req)));
  });
  router.get('/moderation/tps/:code', staffOnly, async (req, res) => {
    res.set('Cache-Control', 'no-store').json(await moderation.review(codeOf(req), staff(req)));
  });
  router.post('/moderation/tps/:code/decisions', staffOnly, async (req, res) => {
    res.status(201).json(await moderation.decide(codeOf(req), staff(req), parseWith(decisionBody, req.body ?? {})));
  });

  router.get('/tps/:code/moderation', async (req, res) => {
    res.json(await moderation.historyOf(codeOf(req)));
  });
  router.post('/tps/:code/reports', reportLimit, async (req, res) => {
    const { reason } = parseWith(reportBody, req.body ?? {});
    res.status(201).json(await moderation.report(codeOf(req), reason));
  });
  router.get('/moderation/log.csv', async (_req, res) => {
    res.type('text/csv; charset=utf-8').set('Content-Disposition', 'attachment; filename="cocok-moderation-log.csv"');
    res.write(csvLine(LOG_CSV_COLUMNS));
    for await (const e of moderation.exportLog()) {
      const row = { ...e, before: e.before && JSON.stringify(e.before), after: e.after && JSON.stringify(e.after) };
      if (!res.write(csvLine(LOG_CSV_COLUMNS.map((c) => row[c])))) await new Promise((r) => res.once('drain', r));
    }
    res.end();
  });
  router.get('/moderation/log.json', async (_req, res) => {
    res.type('application/json; charset=utf-8');
    res.write('{"entries":[');
    let first = true;
    for await (const e of moderation.exportLog()) {
      if (!res.write(`${first ? '' : ','}${JSON.stringify(e)}`)) await new Promise((r) => res.once('drain', r));
      first = false;
    }
    res.end(']}');
  });
  return router;
}
