import { Router, type Request } from 'express';
import { routes } from '@cocok/api';
import { parseWith } from '../../http/validate.ts';
import { jsonRoute } from '../../http/async-route.ts';
import { NATION_CODE } from '@cocok/domain';
import type { RegionsService } from './regions.service.ts';
import type { AnswerCache } from '../../http/answer-cache.ts';
import { publicAnswer } from '../../http/cache-policy.ts';

/** Who answers region pages: the page assembler (modules/pages), which adds the crowd's side to this module's figures. */
export type RegionPages = { regionPage(code: string): Promise<unknown> };

/** Region pages are public answers (http/answer-cache.ts), each about its own region. */
export function regionsRoutes(regions: RegionsService, pages: RegionPages, answers: AnswerCache): Router {
  const router = Router();
  const codeOf = (req: Request) => String(req.params.code);
  router.get(
    routes.nation.pattern,
    answers.route(
      () => NATION_CODE,
      () => pages.regionPage(NATION_CODE),
    ),
  );
  router.get(
    routes.region.pattern,
    answers.route(codeOf, (req) => pages.regionPage(codeOf(req))),
  );
  router.get(
    routes.search.pattern,
    publicAnswer,
    jsonRoute((req) => {
      const { q, limit } = parseWith(routes.search.query, req.query);
      return regions.search(q, limit);
    }),
  );
  return router;
}
