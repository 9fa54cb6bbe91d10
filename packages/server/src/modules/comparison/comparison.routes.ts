import { Router, type Request } from 'express';
import { routes } from '@cocok/api';
import { NATION_CODE } from '@cocok/domain';
import { publicAnswer } from '../../http/cache-policy.ts';
import { parseWith } from '../../http/validate.ts';
import { streamLines } from '../../http/stream-lines.ts';
import type { ComparisonService, ExportRecord } from './comparison.service.ts';
import { CSV_HEADER, jsonRecord, tpsCsvLine } from './comparison-export.ts';
import type { AnswerCache } from '../../http/answer-cache.ts';

/** Mismatch lists are public answers about their region (http/answer-cache.ts); exports stream afresh. */
export function comparisonRoutes(comparison: ComparisonService, answers: AnswerCache): Router {
  const router = Router();
  const regionOf = (req: Request) => (typeof req.query.region === 'string' ? req.query.region : NATION_CODE);
  router.get(
    routes.mismatches.pattern,
    answers.route(regionOf, (req) => comparison.listMismatches(parseWith(routes.mismatches.query, req.query))),
  );
  router.get(routes.regionTpsCsv.pattern, publicAnswer, async (req, res) => {
    const { region, chunks } = await comparison.exportTps(String(req.params.code));
    res.type('text/csv; charset=utf-8').attachment(`cocok-tps-${region.code}.csv`);
    await streamLines(res, `${CSV_HEADER}\n`, textOf(chunks, tpsCsvLine, ''), '');
  });
  router.get(routes.regionTpsJson.pattern, publicAnswer, async (req, res) => {
    const { region, chunks } = await comparison.exportTps(String(req.params.code));
    res.type('application/json; charset=utf-8').attachment(`cocok-tps-${region.code}.json`);
    const open = `{"region":${JSON.stringify(region)},"tps":[\n`;
    await streamLines(res, open, textOf(chunks, jsonRecord, ',\n'), '\n]}\n');
  });
  return router;
}

/** The export's records as text, one string per chunk read, `between` separating records. */
async function* textOf(
  chunks: AsyncGenerator<ExportRecord[]>,
  line: (r: ExportRecord) => string,
  between: string,
): AsyncGenerator<string> {
  let first = true;
  for await (const rows of chunks) {
    yield rows
      .map((r) => {
        const s = (first ? '' : between) + line(r);
        first = false;
        return s;
      })
      .join('');
  }
}
