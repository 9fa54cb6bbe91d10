/**
 * The child side of `createWorkerPool` (worker-pool.ts): says it is ready, then answers each job with
 * the handler's output or its error, one message per job.
 */
export function serveWorkerJobs<I, O>(handler: (input: I) => Promise<O>): void {
  const send = process.send?.bind(process);
  if (!send) throw new Error('serveWorkerJobs must run in a process forked by createWorkerPool');
  process.on('message', async ({ id, input }: { id: number; input: I }) => {
    try {
      send({ id, ok: true, output: await handler(input) });
    } catch (err) {
      send({ id, ok: false, error: err instanceof Error ? err.message : String(err) });
    }
  });
  // The parent ended (exit, crash, kill -9): the IPC channel closes and nobody is left to answer.
  process.on('disconnect', () => process.exit(0));
  // Jobs are sent only after this: a message that came before the listener above would be lost.
  send({ ready: true });
}

/** The `workerData` the pool was created with (passed as the child's first argument). */
export function workerData<T>(): T {
  return JSON.parse(process.argv[2] ?? 'null') as T;
}
