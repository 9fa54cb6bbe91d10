import { Router, type Request } from 'express';
import { routes } from '@cocok/api';
import type { OfficialService } from './official.service.ts';
import type { AnswerCache } from '../../http/answer-cache.ts';

/** TPS pages are public answers (http/answer-cache.ts), each about its own TPS. */
export function officialRoutes(official: OfficialService, answers: AnswerCache): Router {
  const router = Router();
  const codeOf = (req: Request) => String(req.params.code);
  router.get(routes.tps.pattern, answers.route(codeOf, (req) => official.getTps(codeOf(req))));
  return router;
}
