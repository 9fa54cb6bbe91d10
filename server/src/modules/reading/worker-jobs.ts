import { parentPort } from 'node:worker_threads';

/** The worker side of `createWorkerPool`: answers each job with the handler's output or its error. */
export function serveWorkerJobs<I, O>(handler: (input: I) => Promise<O>): void {
  if (!parentPort) throw new Error('serveWorkerJobs must run inside a worker thread');
  const port = parentPort;
  port.on('message', async ({ id, input }: { id: number; input: I }) => {
    try {
      port.postMessage({ id, ok: true, output: await handler(input) });
    } catch (err) {
      port.postMessage({ id, ok: false, error: err instanceof Error ? err.message : String(err) });
    }
  });
}
