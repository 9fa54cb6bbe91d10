import { createWorkerPool } from './worker-pool.ts';
import type { FormReading } from '@cocok/domain';

/** The adapter services use to read photos (the worker pool in production). */
export type FormReader = { read(photo: Buffer): Promise<FormReading> };

/**
 * The production FormReader: photos are read in child processes (one per core by default), so reading
 * never blocks requests and a native crash while reading one photo fails only that photo. The server
 * and the read-form CLI share it.
 */
export function createWorkerPoolReader(
  opts: { size?: number; timeoutMs?: number; modelPath?: string } = {},
): FormReader & { close(): Promise<void>; size: number } {
  const pool = createWorkerPool<{ bytes: Uint8Array }, FormReading>(
    new URL('./form-reader.worker.ts', import.meta.url),
    {
      size: opts.size,
      timeoutMs: opts.timeoutMs ?? 60_000,
      // A candidate digit model (bench:read --model); the committed one otherwise.
      workerData: { modelPath: opts.modelPath },
    },
  );
  return {
    size: pool.size,
    // The bytes are copied once into the IPC message (structured clone keeps them binary).
    read: (photo: Buffer) => pool.run({ bytes: photo }),
    close: () => pool.close(),
  };
}
