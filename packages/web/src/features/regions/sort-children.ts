import type { RegionChild } from '@cocok/api';

export const SORT_KEYS = [
  'name',
  'code',
  'tps',
  'coverage',
  'crowd',
  'paslon1',
  'paslon2',
  'paslon3',
  'sah',
  'flagged',
  'mismatch',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'ascending' | 'descending';
export type SortState = { key: SortKey; direction: SortDirection };

export const DEFAULT_SORT: SortState = { key: 'code', direction: 'ascending' };

const value: Record<SortKey, (r: RegionChild) => number | string> = {
  name: (r) => r.name,
  code: (r) => r.code,
  tps: (r) => r.totals.tpsCount,
  coverage: (r) => (r.totals.tpsCount ? r.totals.officialTps / r.totals.tpsCount : -1),
  paslon1: (r) => r.totals.fields.suara_paslon_1,
  paslon2: (r) => r.totals.fields.suara_paslon_2,
  paslon3: (r) => r.totals.fields.suara_paslon_3,
  sah: (r) => r.totals.fields.suara_sah,
  flagged: (r) => r.totals.flaggedTps,
  crowd: (r) => (r.comparison && r.totals.tpsCount ? r.comparison.crowdTps / r.totals.tpsCount : -1),
  // A TPS row sorts by its impact; a region row by how many of its TPS mismatch.
  mismatch: (r) =>
    !r.comparison ? -1 : 'impact' in r.comparison ? r.comparison.impact : r.comparison.statusCounts.mismatch,
};

const collator = new Intl.Collator('id', { numeric: true, sensitivity: 'base' });

/** Sorted copy; ties fall back to the code so the order never depends on the previous sort. */
export function sortChildren(rows: readonly RegionChild[], { key, direction }: SortState): RegionChild[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const get = value[key];
  return [...rows].sort((a, b) => {
    const va = get(a);
    const vb = get(b);
    const c = typeof va === 'number' && typeof vb === 'number' ? va - vb : collator.compare(String(va), String(vb));
    return c !== 0 ? sign * c : collator.compare(a.code, b.code);
  });
}

/** Clicking the sorted column flips it; a new column starts with its most useful direction (big numbers first). */
export function nextSort(current: SortState, key: SortKey): SortState {
  if (current.key === key) return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { key, direction: key === 'name' || key === 'code' ? 'ascending' : 'descending' };
}
