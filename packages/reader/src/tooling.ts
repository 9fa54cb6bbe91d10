/**
 * The reader's inner stages, for tooling only (photo simulator, benchmarks, training, their tests): the
 * product reads through `@cocok/reader` and never needs these.
 */
export * from './box-snap.ts';
export * from './digit-classifier.ts';
export * from './gray-image.ts';
export * from './homography.ts';
export * from './image-decode.ts';
export * from './page-layout.ts';
export * from './page-locator.ts';
export * from './warp.ts';
// gray-image.ts and digit-classifier.ts (via @cocok/domain) both name these two same-shaped types.
export type { BoxImage, Rect } from './gray-image.ts';
