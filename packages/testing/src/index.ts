export * from './fixtures.ts';
export * from './images.ts';
export * from './photo-truth.ts';
export * from './seeded-random.ts';
