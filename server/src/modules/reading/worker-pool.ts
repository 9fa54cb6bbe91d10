import os from 'node:os';
import { Worker } from 'node:worker_threads';

/**
 * A fixed pool of worker threads running one TypeScript module. Workers only compute; the main thread
 * keeps the database. Jobs queue in order; a job that runs past its time limit or whose worker dies
 * is rejected with a reason and the worker is replaced, so one bad photo never stalls the queue.
 *
 * The worker module must answer `{ id, input }` messages with `{ id, ok: true, output }` or
 * `{ id, ok: false, error }` (see `serveWorkerJobs`).
 */
export type WorkerPool<I, O> = {
  run(input: I, transfer?: ArrayBuffer[]): Promise<O>;
  close(): Promise<void>;
  readonly size: number;
};

export class WorkerJobError extends Error {
  constructor(readonly reason: 'timeout' | 'worker-crashed' | 'failed' | 'pool-closed', message: string) {
    super(message);
  }
}

type Job<I, O> = { id: number; input: I; transfer?: ArrayBuffer[]; resolve(o: O): void; reject(e: Error): void };
type Slot = { worker: Worker; job: Job<unknown, unknown> | null; timer?: NodeJS.Timeout };

// Node 20 ignores `--import tsx` in a worker's execArgv for ES modules, so each worker first registers
// tsx's loader itself and then imports the TypeScript module.
function bootSource(moduleUrl: string): string {
  return `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(moduleUrl)}); })`;
}

export function createWorkerPool<I, O>(moduleUrl: URL, opts: { size?: number; timeoutMs?: number; workerData?: unknown } = {}): WorkerPool<I, O> {
  const size = Math.max(1, opts.size ?? os.availableParallelism());
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const queue: Job<I, O>[] = [];
  const slots: Slot[] = [];
  let nextId = 1;
  let closed = false;

  const spawn = (): Slot => {
    const slot: Slot = { worker: new Worker(bootSource(moduleUrl.href), { eval: true, workerData: opts.workerData }), job: null };
    slot.worker.on('message', (msg: { id: number; ok: boolean; output?: O; error?: string }) => {
      const job = slot.job;
      if (!job || job.id !== msg.id) return;
      finish(slot);
      if (msg.ok) job.resolve(msg.output as O);
      else job.reject(new WorkerJobError('failed', msg.error ?? 'worker job failed'));
      pump();
    });
    slot.worker.on('error', (err) => replace(slot, new WorkerJobError('worker-crashed', `worker crashed: ${err.message}`)));
    slot.worker.on('exit', (code) => {
      if (!closed && slots.includes(slot)) replace(slot, new WorkerJobError('worker-crashed', `worker exited with code ${code}`));
    });
    return slot;
  };

  const finish = (slot: Slot) => {
    clearTimeout(slot.timer);
    slot.job = null;
  };

  const replace = (slot: Slot, err: WorkerJobError) => {
    const job = slot.job;
    finish(slot);
    const i = slots.indexOf(slot);
    if (i === -1) return;
    slots.splice(i, 1);
    void slot.worker.terminate();
    job?.reject(err);
    if (!closed) {
      slots.push(spawn());
      pump();
    }
  };

  const pump = () => {
    for (const slot of slots) {
      if (slot.job || queue.length === 0) continue;
      const job = queue.shift()!;
      slot.job = job as Job<unknown, unknown>;
      slot.timer = setTimeout(() => replace(slot, new WorkerJobError('timeout', `no answer within ${timeoutMs} ms`)), timeoutMs);
      slot.worker.postMessage({ id: job.id, input: job.input }, job.transfer ?? []);
    }
  };

  for (let i = 0; i < size; i++) slots.push(spawn());

  return {
    size,
    run(input, transfer) {
      if (closed) return Promise.reject(new WorkerJobError('pool-closed', 'the reader pool is closed'));
      return new Promise<O>((resolve, reject) => {
        queue.push({ id: nextId++, input, transfer, resolve, reject });
        pump();
      });
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new WorkerJobError('pool-closed', 'the reader pool is closed'));
      await Promise.all(slots.splice(0).map((s) => { finish(s); return s.worker.terminate(); }));
    },
  };
}
