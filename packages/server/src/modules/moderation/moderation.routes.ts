import { Router, type NextFunction, type Request, type Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import { routes } from '@cocok/api';
import { parseWith } from '../../http/validate.ts';
import { publicAnswer } from '../../http/cache-policy.ts';
import { streamLines } from '../../http/stream-lines.ts';
import { currentUser, requireRole } from '../accounts/accounts.middleware.ts';
import type { SessionUser } from '../accounts/accounts.service.ts';
import { csvLine } from '../../core/csv.ts';
import { moderationErrors } from './moderation.errors.ts';
import type { ModerationService, publicLogEntry } from './moderation.service.ts';

type LogEntry = ReturnType<typeof publicLogEntry>;

async function* csvRows(entries: AsyncIterable<LogEntry>): AsyncGenerator<string> {
  for await (const e of entries) {
    const row = { ...e, before: e.before && JSON.stringify(e.before), after: e.after && JSON.stringify(e.after) };
    yield csvLine(LOG_CSV_COLUMNS.map((c) => row[c]));
  }
}

async function* jsonItems(entries: AsyncIterable<LogEntry>): AsyncGenerator<string> {
  let first = true;
  for await (const e of entries) {
    yield `${first ? '' : ','}${JSON.stringify(e)}`;
    first = false;
  }
}

export type ModerationRouteSettings = { reportsPerIpPerHour: number };

const staffOnly = requireRole('moderator', 'admin');
const adminOnly = requireRole('admin');
const staff = (req: Request) => currentUser(req) as SessionUser & { role: 'moderator' | 'admin' };
const codeOf = (req: Request) => String(req.params.code).toUpperCase();

/** Columns of the CSV export, in order. */
export const LOG_CSV_COLUMNS = [
  'id',
  'at',
  'action',
  'moderator',
  'role',
  'tps',
  'submissionId',
  'before',
  'after',
  'reason',
] as const;

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

  router.get(routes.userLookup.pattern, adminOnly, async (req, res) => {
    res.json(await moderation.findUser(parseWith(routes.userLookup.query, req.query).contact));
  });
  router.post(routes.userRole.pattern, adminOnly, async (req, res) => {
    const { role } = parseWith(routes.userRole.body, req.body ?? {});
    const { id } = parseWith(routes.userRole.params, req.params);
    res.json(await moderation.setRole(currentUser(req), id, role));
  });
  router.get(routes.moderationQueue.pattern, staffOnly, async (req, res) => {
    res.json(await moderation.queue(parseWith(routes.moderationQueue.query, req.query)));
  });
  router.get(routes.moderationDashboard.pattern, staffOnly, async (_req, res) => {
    res.json(await moderation.dashboard());
  });
  router.post(routes.claim.pattern, staffOnly, async (req, res) => {
    res.json(await moderation.claim(codeOf(req), staff(req)));
  });
  router.post(routes.releaseClaim.pattern, staffOnly, async (req, res) => {
    res.json(await moderation.release(codeOf(req), staff(req)));
  });
  router.get(routes.review.pattern, staffOnly, async (req, res) => {
    res.json(await moderation.review(codeOf(req), staff(req)));
  });
  router.post(routes.decide.pattern, staffOnly, async (req, res) => {
    res
      .status(routes.decide.status)
      .json(await moderation.decide(codeOf(req), staff(req), parseWith(routes.decide.body, req.body ?? {})));
  });
  router.post(routes.takedownPhoto.pattern, staffOnly, async (req, res) => {
    const { reason } = parseWith(routes.takedownPhoto.body, req.body ?? {});
    res
      .status(routes.takedownPhoto.status)
      .json(await moderation.takedownPhoto(String(req.params.sha256), staff(req), reason));
  });

  router.get(routes.tpsHistory.pattern, publicAnswer, async (req, res) => {
    res.json(await moderation.historyOf(codeOf(req)));
  });
  router.post(routes.report.pattern, reportLimit, async (req, res) => {
    const { reason } = parseWith(routes.report.body, req.body ?? {});
    res.status(routes.report.status).json(await moderation.report(codeOf(req), reason));
  });
  router.get(routes.moderationLogCsv.pattern, publicAnswer, async (_req, res) => {
    res.type('text/csv; charset=utf-8').set('Content-Disposition', 'attachment; filename="cocok-moderation-log.csv"');
    await streamLines(res, csvLine(LOG_CSV_COLUMNS), csvRows(moderation.exportLog()), '');
  });
  router.get(routes.moderationLogJson.pattern, publicAnswer, async (_req, res) => {
    res.type('application/json; charset=utf-8');
    await streamLines(res, '{"entries":[', jsonItems(moderation.exportLog()), ']}');
  });
  return router;
}
