import { Router, type Request } from 'express';
import { z } from 'zod';
import { errors } from '../../core/errors.ts';
import { jsonRoute } from '../../http/async-route.ts';
import { NATION_CODE } from '@cocok/domain';
import type { RegionsService } from './regions.service.ts';
import type { AnswerCache } from '../../http/answer-cache.ts';
import { publicAnswer } from '../../http/cache-policy.ts';

const searchQuery = z.object({ q: z.string().max(100).default(''), limit: z.coerce.number().int().min(1).max(50).default(20) });

/** Who answers region pages: the page assembler (modules/pages), which adds the crowd's side to this module's figures. */
export type RegionPages = { regionPage(code: string): Promise<unknown> };

/** Region pages are public answers (http/answer-cache.ts), each about its own region. */
export function regionsRoutes(regions: RegionsService, pages: RegionPages, answers: AnswerCache): Router {
  const router = Router();
  const codeOf = (req: Request) => String(req.params.code);
  router.get('/regions', answers.route(() => NATION_CODE, () => pages.regionPage(NATION_CODE)));
  router.get('/regions/:code', answers.route(codeOf, (req) => pages.regionPage(codeOf(req))));
  router.get(
    '/search',
    publicAnswer,
    jsonRoute((req) => {
      const parsed = searchQuery.safeParse(req.query);
      if (!parsed.success) throw errors.badRequest({ issues: parsed.error.issues.map((i) => i.message) });
      return regions.search(parsed.data.q, parsed.data.limit);
    }),
  );
  return router;
}
