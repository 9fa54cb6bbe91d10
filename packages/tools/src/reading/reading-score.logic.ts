/**
 * How well a set of readings matches its ground truth: the figures `npm run bench:read` prints and the
 * targets of issue 3 are stated in. Pure, so the scoring rules are tested as a table.
 *
 * A field counts as right only when its value is exactly the truth (null included: a blank field read as
 * 0 is wrong). "Wrong and not flagged" is the dangerous case: a wrong value the witness is not asked to
 * check. A photo whose page is misread makes every field of its true page wrong.
 */
export type ReadField = { value: number | null; review: boolean };
export type ScoredPhoto = {
  file: string;
  truth: { page: 1 | 2 | 3 | null; fields: Record<string, number | null> };
  read: { page: 1 | 2 | 3 | null; fields: Record<string, ReadField | undefined>; review: boolean; ms: number };
};
export type FieldMiss = {
  file: string;
  field: string;
  truth: number | null;
  read: number | null | undefined;
  review: boolean;
};
export type ReadingScore = {
  photos: number;
  pagesRight: number;
  fields: number;
  fieldsRight: number;
  autoAccepted: number;
  wrongNotFlagged: number;
  misses: FieldMiss[];
  ms: { median: number; p95: number };
};

export function scoreReadings(photos: readonly ScoredPhoto[]): ReadingScore {
  const misses: FieldMiss[] = [];
  let fields = 0;
  let fieldsRight = 0;
  let autoAccepted = 0;
  let wrongNotFlagged = 0;
  let pagesRight = 0;
  for (const p of photos) {
    const samePage = p.read.page === p.truth.page;
    if (samePage) pagesRight++;
    for (const [field, truth] of Object.entries(p.truth.fields)) {
      fields++;
      const got = samePage ? p.read.fields[field] : undefined;
      const review = got?.review ?? true;
      if (!review) autoAccepted++;
      if (got !== undefined && got.value === truth) {
        fieldsRight++;
        continue;
      }
      if (!review) wrongNotFlagged++;
      misses.push({ file: p.file, field, truth, read: got?.value, review });
    }
  }
  const ms = photos.map((p) => p.read.ms);
  return {
    photos: photos.length,
    pagesRight,
    fields,
    fieldsRight,
    autoAccepted,
    wrongNotFlagged,
    misses,
    ms: { median: percentile(ms, 0.5), p95: percentile(ms, 0.95) },
  };
}

/** Nearest-rank percentile (0 for no values). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}
