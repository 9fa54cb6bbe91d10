import { Router, type Request } from 'express';
import { routes } from '@cocok/api';
import type { AnswerCache } from '../../http/answer-cache.ts';

/** Who answers TPS pages: the page assembler (modules/pages), which adds the crowd's side to this module's figures. */
export type TpsPages = { tpsPage(code: string): Promise<unknown> };

/** TPS pages are public answers (http/answer-cache.ts), each about its own TPS. */
export function officialRoutes(pages: TpsPages, answers: AnswerCache): Router {
  const router = Router();
  const codeOf = (req: Request) => String(req.params.code);
  router.get(
    routes.tps.pattern,
    answers.route(codeOf, (req) => pages.tpsPage(codeOf(req))),
  );
  return router;
}
