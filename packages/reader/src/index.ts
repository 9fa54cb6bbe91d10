/**
 * The C1 reader as a library. The product needs one thing: `createWorkerPoolReader()`, a `FormReader`
 * that reads each photo in a pool of child processes (so a native crash costs one photo, not the server).
 * The worker pool itself and the HEIC converter are exported for the server's reading queue and uploads.
 * Benchmarks, the simulator and training use `@cocok/reader/tooling` instead.
 */
export { createWorkerPoolReader, type FormReader } from './form-reader-pool.ts';
export { createWorkerPool, WorkerJobError, type WorkerPool, type WorkerPoolOptions } from './worker-pool.ts';
export { heicToJpeg } from './heic-decode.ts';
// The one image-type sniffer and pixel limit: uploads refuse exactly what the reader cannot read.
export { MAX_INPUT_PIXELS, sniffFormat, type SniffedFormat } from './image-decode.logic.ts';
