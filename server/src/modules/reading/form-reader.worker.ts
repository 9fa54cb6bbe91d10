import { workerData } from 'node:worker_threads';
import { serveWorkerJobs } from './worker-jobs.ts';
import { createDigitClassifier } from './digit-classifier.ts';
import { createFormReader } from './form-reader.ts';
import { decodePhoto } from './image-decode.ts';
import type { FormReading } from './reading.types.ts';

/** Worker thread: loads the model once, then reads photos sent by form-reader-pool.ts. */
const { modelPath } = (workerData ?? {}) as { modelPath?: string };
const reader = createDigitClassifier({ modelPath }).then((classifier) => createFormReader({ classifier, decode: (bytes) => decodePhoto(bytes) }));

serveWorkerJobs(async ({ bytes }: { bytes: Uint8Array }): Promise<FormReading> => {
  return (await reader).read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
});
