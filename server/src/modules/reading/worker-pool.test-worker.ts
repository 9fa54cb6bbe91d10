import { serveWorkerJobs } from './worker-jobs.ts';

/** A worker for worker-pool.test.ts: echoes, fails, hangs or crashes on request. */
serveWorkerJobs(async (input: { op: 'double' | 'fail' | 'hang' | 'crash'; n: number }) => {
  if (input.op === 'fail') throw new Error(`cannot do ${input.n}`);
  if (input.op === 'hang') await new Promise(() => setInterval(() => undefined, 1000));
  if (input.op === 'crash') process.exit(3);
  return input.n * 2;
});
