import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import readline from 'node:readline';
import { createWorkerPool, WorkerJobError, type WorkerPool } from './worker-pool.ts';
import type { TestJob } from '../tests/helpers/worker-pool-test-worker.ts';

const workerUrl = new URL('../tests/helpers/worker-pool-test-worker.ts', import.meta.url);
const parentScript = new URL('../tests/helpers/worker-pool-parent.ts', import.meta.url);
// Only a failure guard for jobs that should answer: no test waits for it to pass.
const GUARD_MS = 120_000;

const isJobError = (reason: WorkerJobError['reason'], message?: RegExp) => (e: unknown) =>
  e instanceof WorkerJobError && e.reason === reason && (!message || message.test(e.message));

async function withPool(size: number, body: (pool: WorkerPool<TestJob, unknown>) => Promise<void>): Promise<void> {
  const pool = createWorkerPool<TestJob, unknown>(workerUrl, {
    size,
    timeoutMs: GUARD_MS,
    workerData: { model: 'candidate.onnx' },
  });
  try {
    await body(pool);
  } finally {
    await pool.close();
  }
}

test('worker pool: answers jobs in order of submission, passes workerData, and a failing job fails alone', async () => {
  await withPool(2, async (pool) => {
    assert.deepEqual(await Promise.all([1, 2, 3, 4, 5].map((n) => pool.run({ op: 'double', n }))), [2, 4, 6, 8, 10]);
    assert.deepEqual(await pool.run({ op: 'data' }), { model: 'candidate.onnx' });
    await assert.rejects(pool.run({ op: 'fail', n: 7 }), isJobError('failed', /cannot do 7/));
    assert.equal(await pool.run({ op: 'double', n: 21 }), 42);
  });
});

test('worker pool: two jobs run at the same time in two processes (each waits for the other)', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cocok-pool-meet-'));
  try {
    await withPool(2, async (pool) => {
      const pids = await Promise.all([
        pool.run({ op: 'meet', dir, me: 'a', other: 'b' }),
        pool.run({ op: 'meet', dir, me: 'b', other: 'a' }),
      ]);
      assert.notEqual(pids[0], pids[1], 'two child processes');
      assert.ok(!pids.includes(process.pid), 'not in this process');
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('worker pool: photo bytes arrive in the child as binary, whole', async () => {
  await withPool(1, async (pool) => {
    const bytes = Buffer.alloc(12 * 1024 * 1024, 7);
    bytes[0] = 0xff;
    bytes[bytes.length - 1] = 0xd9;
    assert.deepEqual(await pool.run({ op: 'bytes', bytes }), {
      isUint8Array: true,
      length: bytes.length,
      first: 0xff,
      last: 0xd9,
    });
    // A view into a larger buffer carries only its own bytes.
    assert.deepEqual(await pool.run({ op: 'bytes', bytes: bytes.subarray(1, 11) }), {
      isUint8Array: true,
      length: 10,
      first: 7,
      last: 7,
    });
  });
});

test('worker pool: a job that never answers fails with a timeout, its process is replaced and the pool serves the next job', async () => {
  await withPool(1, async (pool) => {
    const before = await pool.run({ op: 'pid' });
    await assert.rejects(
      pool.run({ op: 'hang' }, { timeoutMs: 200 }),
      isJobError('timeout', /no answer within 200 ms/),
    );
    assert.equal(await pool.run({ op: 'double', n: 4 }), 8);
    assert.notEqual(await pool.run({ op: 'pid' }), before, 'the hung process was replaced');
  });
});

for (const [op, how] of [
  ['abort', /ended by SIGABRT/],
  ['sigkill', /ended by SIGKILL/],
  ['exit', /exited with code 3/],
] as const) {
  test(`worker pool: a child that dies (${op}) fails only its job; a new process takes the next jobs and this process lives on`, async () => {
    await withPool(2, async (pool) => {
      const [crashed, ...others] = await Promise.allSettled([
        pool.run({ op }),
        ...[1, 2, 3].map((n) => pool.run({ op: 'double', n })),
      ]);
      assert.equal(crashed.status, 'rejected');
      assert.ok(
        isJobError('worker-crashed', how)((crashed as PromiseRejectedResult).reason),
        String((crashed as PromiseRejectedResult).reason),
      );
      assert.deepEqual(
        others.map((o) => (o.status === 'fulfilled' ? o.value : o.reason)),
        [2, 4, 6],
      );
      // Both slots serve again: two jobs that need each other complete.
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cocok-pool-meet-'));
      try {
        await Promise.all([
          pool.run({ op: 'meet', dir, me: 'a', other: 'b' }),
          pool.run({ op: 'meet', dir, me: 'b', other: 'a' }),
        ]);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}

test('worker pool: close rejects queued and running jobs, ends the children, and refuses new jobs', async () => {
  const pool = createWorkerPool<TestJob, number>(workerUrl, { size: 1, timeoutMs: GUARD_MS });
  const pid = await pool.run({ op: 'pid' });
  const outcomes = [
    assert.rejects(pool.run({ op: 'hang' }), isJobError('pool-closed')),
    assert.rejects(pool.run({ op: 'double', n: 1 }), isJobError('pool-closed')),
  ];
  await pool.close();
  await Promise.all(outcomes);
  await assert.rejects(pool.run({ op: 'double', n: 1 }), isJobError('pool-closed'));
  assert.throws(() => process.kill(pid, 0), { code: 'ESRCH' }, 'the child process has ended');
});

test('worker pool: a module that cannot start fails the jobs with its exit instead of forking forever', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cocok-pool-broken-'));
  const broken = path.join(dir, 'broken.ts');
  fs.writeFileSync(broken, "throw new Error('model file missing');\n");
  const pool = createWorkerPool<TestJob, number>(new URL(`file://${broken}`), { size: 2, timeoutMs: GUARD_MS });
  try {
    const results = await Promise.allSettled([1, 2, 3].map((n) => pool.run({ op: 'double', n })));
    for (const r of results)
      assert.ok(
        r.status === 'rejected' && isJobError('worker-crashed', /exited with code 1 before it was ready/)(r.reason),
        String((r as PromiseRejectedResult).reason),
      );
  } finally {
    await pool.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('worker pool: when the parent is killed (kill -9), a child busy with a job ends too instead of living on', async () => {
  const parent = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(parentScript)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = readline.createInterface({ input: parent.stdout });
  const first = await Promise.race([
    once(lines, 'line').then(([line]) => String(line)),
    once(parent, 'exit').then(([code]) => assert.fail(`the parent exited (${code}) before its child took the job`)),
  ]);
  const childPid = Number(/^child (\d+)$/.exec(first)?.[1]);
  assert.ok(childPid > 0, first);
  parent.kill('SIGKILL');
  await once(parent, 'exit');
  // The child is not ours to wait for: poll until it is gone; the bound only turns a hang into a failure.
  try {
    for (let i = 0; isRunning(childPid); i++) {
      assert.ok(i < 6000, `reader process ${childPid} outlived its parent`);
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    if (isRunning(childPid)) process.kill(childPid, 'SIGKILL');
  }
});

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // Linux: a zombie waiting for its new parent to reap it has ended too.
  const stat = fs.existsSync(`/proc/${pid}/stat`) ? fs.readFileSync(`/proc/${pid}/stat`, 'utf8') : '';
  return !/^\d+ \(.*\) Z/.test(stat);
}
