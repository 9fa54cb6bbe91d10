import { Router } from 'express';
import { z } from 'zod';
import { errors } from '../../core/errors.ts';
import { jsonRoute } from '../../http/async-route.ts';
import { NATION_CODE } from './regions.logic.ts';
import type { RegionsService } from './regions.service.ts';
import type { AnswerCache } from '../../http/answer-cache.ts';

const searchQuery = z.object({ q: z.string().max(100).default(''), limit: z.coerce.number().int().min(1).max(50).default(20) });

/** With `cache`, region pages are served from the answer micro-cache (see http/answer-cache.ts). */
export function regionsRoutes(regions: RegionsService, cache?: AnswerCache): Router {
  const router = Router();
  const page = cache ? cache.route : jsonRoute;
  router.get('/regions', page(() => regions.getRegion(NATION_CODE)));
  router.get('/regions/:code', page((req) => regions.getRegion(String(req.params.code))));
  router.get(
    '/search',
    jsonRoute((req) => {
      const parsed = searchQuery.safeParse(req.query);
      if (!parsed.success) throw errors.badRequest({ issues: parsed.error.issues.map((i) => i.message) });
      return regions.search(parsed.data.q, parsed.data.limit);
    }),
  );
  return router;
}
