import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createWorkerPool, WorkerJobError } from './worker-pool.ts';

type Input = { op: 'double' | 'fail' | 'hang' | 'crash'; n: number };
const workerUrl = new URL('./worker-pool.test-worker.ts', import.meta.url);

test('worker pool: runs jobs in parallel workers and survives failures, hangs and crashes', async () => {
  const pool = createWorkerPool<Input, number>(workerUrl, { size: 2, timeoutMs: 3000 });
  try {
    assert.deepEqual(await Promise.all([1, 2, 3, 4, 5].map((n) => pool.run({ op: 'double', n }))), [2, 4, 6, 8, 10]);
    await assert.rejects(pool.run({ op: 'fail', n: 7 }), (e: unknown) => e instanceof WorkerJobError && e.reason === 'failed' && /cannot do 7/.test(e.message));
    await assert.rejects(pool.run({ op: 'hang', n: 0 }), (e: unknown) => e instanceof WorkerJobError && e.reason === 'timeout');
    await assert.rejects(pool.run({ op: 'crash', n: 0 }), (e: unknown) => e instanceof WorkerJobError && e.reason === 'worker-crashed');
    assert.equal(await pool.run({ op: 'double', n: 21 }), 42, 'replaced workers take new jobs');
  } finally {
    await pool.close();
  }
  await assert.rejects(pool.run({ op: 'double', n: 1 }), (e: unknown) => e instanceof WorkerJobError && e.reason === 'pool-closed');
});
