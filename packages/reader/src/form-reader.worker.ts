import { serveWorkerJobs, workerData } from './worker-jobs.ts';
import { createDigitClassifier } from './digit-classifier.ts';
import { createFormReader } from './form-reader.ts';
import { decodePhoto } from './image-decode.ts';
import type { FormReading } from '@cocok/domain';

/** Reader child process: loads the model once, then reads photos sent by form-reader-pool.ts. */
const { modelPath } = workerData<{ modelPath?: string } | null>() ?? {};
const reader = createDigitClassifier({ modelPath }).then((classifier) =>
  createFormReader({ classifier, decode: (bytes) => decodePhoto(bytes) }),
);

serveWorkerJobs(async ({ bytes }: { bytes: Uint8Array }): Promise<FormReading> => {
  return (await reader).read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
});
