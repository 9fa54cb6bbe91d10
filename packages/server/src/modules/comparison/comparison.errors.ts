import { AppError } from '../../core/errors.ts';

/** Refusals of the comparison routes (malformed codes and unknown regions use the shared errors). */
export const comparisonErrors = {
  invalidCursor: () =>
    new AppError(
      'invalid-cursor',
      400,
      'Penanda halaman tidak valid. Muat ulang daftar dari awal.',
      'Invalid cursor: pass back the nextCursor of the previous page unchanged, or omit it for the first page.',
    ),
};
