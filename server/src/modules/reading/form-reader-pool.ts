import { createWorkerPool } from './worker-pool.ts';
import type { FormReader, FormReading } from './reading.types.ts';

/**
 * The production FormReader: photos are read in worker threads (one per core by default) so reading
 * never blocks requests. The server and the read-form CLI share it.
 */
export function createWorkerPoolReader(opts: { size?: number; timeoutMs?: number; modelPath?: string } = {}): FormReader & { close(): Promise<void>; size: number } {
  const pool = createWorkerPool<{ bytes: Uint8Array }, FormReading>(new URL('./form-reader.worker.ts', import.meta.url), {
    size: opts.size,
    timeoutMs: opts.timeoutMs ?? 60_000,
    // A candidate digit model (bench:read --model); the committed one otherwise.
    workerData: { modelPath: opts.modelPath },
  });
  return {
    size: pool.size,
    read(photo: Buffer) {
      // Copy into a buffer of its own so it can be transferred to the worker without cloning.
      const bytes = new Uint8Array(photo.byteLength);
      bytes.set(photo);
      return pool.run({ bytes }, [bytes.buffer]);
    },
    close: () => pool.close(),
  };
}
