import { Router } from 'express';
import { jsonRoute } from '../../http/async-route.ts';
import type { OfficialService } from './official.service.ts';
import type { AnswerCache } from '../../http/answer-cache.ts';

/** With `cache`, TPS pages are served from the answer micro-cache (see http/answer-cache.ts). */
export function officialRoutes(official: OfficialService, cache?: AnswerCache): Router {
  const router = Router();
  router.get('/tps/:code', (cache ? cache.route : jsonRoute)((req) => official.getTps(String(req.params.code))));
  return router;
}
