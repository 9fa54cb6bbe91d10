import { Router, type Request, type Response } from 'express';
import { NATION_CODE } from '@cocok/domain';
import { publicAnswer } from '../../http/cache-policy.ts';
import { parseWith } from '../../http/validate.ts';
import { mismatchQuery } from './comparison.schemas.ts';
import type { ComparisonService, ExportRecord } from './comparison.service.ts';
import { CSV_HEADER, csvLine, jsonRecord } from './comparison-export.ts';
import type { AnswerCache } from '../../http/answer-cache.ts';

/** Mismatch lists are public answers about their region (http/answer-cache.ts); exports stream afresh. */
export function comparisonRoutes(comparison: ComparisonService, answers: AnswerCache): Router {
  const router = Router();
  const regionOf = (req: Request) => (typeof req.query.region === 'string' ? req.query.region : NATION_CODE);
  router.get('/mismatches', answers.route(regionOf, (req) => comparison.listMismatches(parseWith(mismatchQuery, req.query))));
  router.get('/regions/:code/tps.csv', publicAnswer, async (req, res) => {
    const { region, chunks } = await comparison.exportTps(String(req.params.code));
    res.type('text/csv; charset=utf-8').attachment(`cocok-tps-${region.code}.csv`);
    await writeStreamed(res, chunks, { open: `${CSV_HEADER}\n`, line: (r) => `${csvLine(r)}\n`, between: '', close: '' });
  });
  router.get('/regions/:code/tps.json', publicAnswer, async (req, res) => {
    const { region, chunks } = await comparison.exportTps(String(req.params.code));
    res.type('application/json; charset=utf-8').attachment(`cocok-tps-${region.code}.json`);
    const open = `{"region":${JSON.stringify(region)},"tps":[\n`;
    await writeStreamed(res, chunks, { open, line: jsonRecord, between: ',\n', close: '\n]}\n' });
  });
  return router;
}

type Format = { open: string; line: (r: ExportRecord) => string; between: string; close: string };

/**
 * Writes chunk by chunk, waiting for the socket to drain when its buffer is full, so a download of the
 * whole country holds one chunk in memory however slow the client. A client that goes away stops the reads.
 */
async function writeStreamed(res: Response, chunks: AsyncGenerator<ExportRecord[]>, f: Format): Promise<void> {
  try {
    await writeAll(res, chunks, f);
  } catch (err) {
    // Rows are already on the wire: no error envelope can follow, so the download is cut off (the client
    // sees an incomplete file, not a complete-looking one) and the error goes to the handler for logging.
    res.destroy(err as Error);
    throw err;
  }
}

async function writeAll(res: Response, chunks: AsyncGenerator<ExportRecord[]>, f: Format): Promise<void> {
  let first = true;
  res.write(f.open);
  for await (const rows of chunks) {
    if (res.destroyed) return void (await chunks.return(undefined));
    const text = rows.map((r) => {
      const s = (first ? '' : f.between) + f.line(r);
      first = false;
      return s;
    }).join('');
    if (!res.write(text)) await new Promise<void>((resolve) => {
      const done = () => { res.off('drain', done); res.off('close', done); resolve(); };
      res.on('drain', done).on('close', done);
    });
  }
  res.end(f.close);
}
