/**
 * A parent process for worker-pool.test.ts: starts a one-process pool, gives its child a job that never
 * ends, prints the child's pid and waits to be killed. Usage: node --import tsx packages/reader/tests/helpers/worker-pool-parent.ts
 */
import { createWorkerPool } from '../../src/worker-pool.ts';
import type { TestJob } from './worker-pool-test-worker.ts';

const pool = createWorkerPool<TestJob, unknown>(new URL('./worker-pool-test-worker.ts', import.meta.url), {
  size: 1,
  timeoutMs: 3_600_000,
});
const pid = await pool.run({ op: 'pid' });
void pool.run({ op: 'hang' });
process.stdout.write(`child ${pid}\n`);
