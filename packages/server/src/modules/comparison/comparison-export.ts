import { csvLine } from '../../core/csv.ts';
import { FIELDS } from '@cocok/domain';
import type { ExportRecord } from './comparison.service.ts';

/**
 * Open data formats of GET /api/regions/:code/tps.csv and .json: one TPS per row/object, written as the
 * rows are read. CSV columns: tps_code, tps_name, status, impact, then per form field official_<f>,
 * crowd_<f>, difference_<f> (crowd - official), then crowd_photos_sha256 (space-separated). Empty cell: no figure.
 */
export const CSV_HEADER = [
  'tps_code',
  'tps_name',
  'status',
  'impact',
  ...FIELDS.flatMap((f) => [`official_${f}`, `crowd_${f}`, `difference_${f}`]),
  'crowd_photos_sha256',
].join(',');

/** One TPS as a CSV line (LF-terminated, as this export has always been), through the one CSV writer. */
export function tpsCsvLine(r: ExportRecord): string {
  const values = FIELDS.flatMap((f) => [r.official?.[f], r.crowd[f], r.difference[f]]);
  return csvLine([r.code, r.name, r.status, r.impact, ...values, r.photos.join(' ')], '\n');
}

export function jsonRecord(r: ExportRecord): string {
  return JSON.stringify({
    code: r.code,
    name: r.name,
    status: r.status,
    impact: r.impact,
    official: r.official,
    crowd: r.crowd,
    difference: r.difference,
    photos: r.photos.map((sha256) => ({ sha256 })),
    disputed: r.disputed,
  });
}
