import { fork, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

/**
 * A fixed pool of child processes running one TypeScript module. They only compute; the parent keeps
 * the database. Processes, not worker threads, because a native crash in libvips or onnxruntime
 * (abort, segfault) ends the whole process it happens in: in a child it fails that one job, the pool
 * forks a replacement, and the web server carries on.
 *
 * Jobs queue in order, one at a time per child. A job that runs past its time limit (its child is
 * killed) or whose child dies is rejected with a WorkerJobError naming the reason, so one bad photo
 * never stalls the queue. The module must call `serveWorkerJobs` (worker-jobs.ts), which says when it
 * is ready and answers `{ id, input }` with `{ id, ok: true, output }` or `{ id, ok: false, error }`.
 * Messages use the 'advanced' (structured clone) serialisation, so photo bytes travel as binary.
 */
export type WorkerPool<I, O> = {
  /** `timeoutMs` overrides the pool's limit for this job. */
  run(input: I, opts?: { timeoutMs?: number }): Promise<O>;
  close(): Promise<void>;
  readonly size: number;
};

export class WorkerJobError extends Error {
  constructor(
    readonly reason: 'timeout' | 'worker-crashed' | 'failed' | 'pool-closed',
    message: string,
  ) {
    super(message);
  }
}

export type WorkerPoolOptions = { size?: number; timeoutMs?: number; workerData?: unknown };

type Job<I, O> = { id: number; input: I; timeoutMs: number; resolve(o: O): void; reject(e: Error): void };
type Slot = { child: ChildProcess; ready: boolean; job: Job<unknown, unknown> | null; timer?: NodeJS.Timeout };
type Answer = { ready: true } | { id: number; ok: boolean; output?: unknown; error?: string };

// The child loads tsx by its resolved URL rather than inheriting execArgv: the parent may run under
// `--test`, `--inspect` or `tsx watch`, and a bare `--import tsx` would resolve from the cwd.
const CHILD_EXEC_ARGV = ['--import', import.meta.resolve('tsx')];

export function createWorkerPool<I, O>(moduleUrl: URL, opts: WorkerPoolOptions = {}): WorkerPool<I, O> {
  const size = Math.max(1, opts.size ?? os.availableParallelism());
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const queue: Job<I, O>[] = [];
  const slots: Slot[] = [];
  let nextId = 1;
  let closed = false;

  const spawn = (): Slot => {
    const child = fork(fileURLToPath(moduleUrl), [JSON.stringify(opts.workerData ?? null)], {
      execArgv: CHILD_EXEC_ARGV,
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const slot: Slot = { child, ready: false, job: null };
    child.on('message', (msg: Answer) => onAnswer(slot, msg));
    child.on('error', (err) =>
      replace(slot, new WorkerJobError('worker-crashed', `reader process failed: ${err.message}`)),
    );
    child.on('exit', (code, signal) =>
      replace(
        slot,
        new WorkerJobError(
          'worker-crashed',
          `reader process ${signal ? `ended by ${signal}` : `exited with code ${code}`}`,
        ),
      ),
    );
    slots.push(slot);
    return slot;
  };

  const onAnswer = (slot: Slot, msg: Answer) => {
    if ('ready' in msg) {
      slot.ready = true;
      return pump();
    }
    const job = slot.job;
    if (!job || job.id !== msg.id) return;
    finish(slot);
    if (msg.ok) job.resolve(msg.output as O);
    else job.reject(new WorkerJobError('failed', msg.error ?? 'worker job failed'));
    pump();
  };

  const finish = (slot: Slot) => {
    clearTimeout(slot.timer);
    slot.job = null;
  };

  /** Drops a dead, hung or broken child: its job fails with `err`, and a replacement is forked. */
  const replace = (slot: Slot, err: WorkerJobError) => {
    const i = slots.indexOf(slot);
    if (i === -1) return;
    slots.splice(i, 1);
    const job = slot.job;
    finish(slot);
    slot.child.kill('SIGKILL');
    if (job) job.reject(err);
    // A child that died before it was ready fails the next job instead, so a module that cannot start
    // drains the queue with its error rather than forking forever or leaving jobs waiting.
    else if (!slot.ready)
      queue.shift()?.reject(new WorkerJobError('worker-crashed', `${err.message} before it was ready`));
    if (closed) return;
    if (slot.ready || queue.length > 0) spawn();
    pump();
  };

  const pump = () => {
    if (closed) return;
    if (queue.length > 0) while (slots.length < size) spawn();
    for (const slot of slots) {
      if (!slot.ready || slot.job || queue.length === 0) continue;
      const job = queue.shift()!;
      slot.job = job as Job<unknown, unknown>;
      slot.timer = setTimeout(
        () => replace(slot, new WorkerJobError('timeout', `no answer within ${job.timeoutMs} ms`)),
        job.timeoutMs,
      );
      slot.child.send({ id: job.id, input: job.input }, (err) => {
        if (err)
          replace(
            slot,
            new WorkerJobError('worker-crashed', `could not send the job to the reader process: ${err.message}`),
          );
      });
    }
  };

  for (let i = 0; i < size; i++) spawn();

  return {
    size,
    run(input, runOpts = {}) {
      if (closed) return Promise.reject(new WorkerJobError('pool-closed', 'the reader pool is closed'));
      return new Promise<O>((resolve, reject) => {
        queue.push({ id: nextId++, input, timeoutMs: runOpts.timeoutMs ?? timeoutMs, resolve, reject });
        pump();
      });
    },
    async close() {
      closed = true;
      const closing = new WorkerJobError('pool-closed', 'the reader pool is closed');
      for (const job of queue.splice(0)) job.reject(closing);
      await Promise.all(
        slots.splice(0).map((slot) => {
          const job = slot.job;
          finish(slot);
          job?.reject(closing);
          return stopChild(slot.child);
        }),
      );
    },
  };
}

/** Ends a child and resolves once it has exited (children only compute, so nothing is lost). */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}
