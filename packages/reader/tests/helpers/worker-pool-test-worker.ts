/**
 * A job module for worker-pool.test.ts and the reading-queue crash test, run in the pool's child
 * processes: answers, fails, hangs, dies in the ways a native library can, or meets another job.
 */
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { serveWorkerJobs, workerData } from '../../src/worker-jobs.ts';

export type TestJob =
  | { op: 'double'; n: number }
  | { op: 'pid' }
  | { op: 'data' }
  | { op: 'bytes'; bytes: Uint8Array }
  | { op: 'echo'; value: unknown }
  | { op: 'fail'; n: number }
  | { op: 'hang' }
  | { op: 'exit' }
  | { op: 'abort' }
  | { op: 'sigkill' }
  /** Writes `dir/me`, then waits for `dir/other`: both can finish only if they run at the same time. */
  | { op: 'meet'; dir: string; me: string; other: string };

serveWorkerJobs(async (job: TestJob): Promise<unknown> => {
  switch (job.op) {
    case 'double':
      return job.n * 2;
    case 'pid':
      return process.pid;
    case 'data':
      return workerData();
    case 'bytes':
      return {
        isUint8Array: job.bytes instanceof Uint8Array,
        length: job.bytes.byteLength,
        first: job.bytes[0],
        last: job.bytes[job.bytes.byteLength - 1],
      };
    case 'echo':
      return job.value;
    case 'fail':
      throw new Error(`cannot do ${job.n}`);
    case 'hang':
      return new Promise(() => setInterval(() => undefined, 1000));
    case 'exit':
      return process.exit(3);
    case 'abort':
      // What a failed assertion inside libvips or onnxruntime does: SIGABRT, no JavaScript runs after it.
      return process.abort();
    case 'sigkill':
      return process.kill(process.pid, 'SIGKILL');
    case 'meet':
      fs.writeFileSync(path.join(job.dir, job.me), String(process.pid));
      // Waiting on the other job's file; the pool's time limit is what ends this if it never comes.
      while (!fs.existsSync(path.join(job.dir, job.other))) await sleep(10);
      return process.pid;
  }
});
