/**
 * What the Sirekap replay server (sirekap-replay-server.ts) serves: the real per-TPS documents shipped in
 * server/assets/sirekap, the real names of the regions they cover (server/assets/regions), and a registry
 * of just those regions for a test database, so the importer knows every TPS the server lists.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { DEMO_SIREKAP_DIR, REGIONS_DIR } from '../../src/core/paths.ts';
import { collectDocuments } from '../../src/modules/official/document-sources.ts';
import { tpsCodeFromFileName } from '../../src/modules/official/sirekap-document.logic.ts';

export type ReplayRegion = { code: string; name: string; parent: string | null; children: string[] };
export type ReplayData = {
  /** TPS code -> the document's text as KPU served it (image URLs still KPU's; the server rewrites them). */
  documents: Map<string, string>;
  /** Every region from the nation ('0', KPU's root) down to the TPS, by code. */
  regions: Map<string, ReplayRegion>;
};

export const KPU_PHOTO_HOST = 'https://sirekap-obj-formc.kpu.go.id';
const LEVELS = [2, 4, 6, 10, 13];

/** The parent of a region code in KPU's tree ('0' is the root list of provinces). */
export function parentCode(code: string): string {
  const i = LEVELS.indexOf(code.length);
  return i <= 0 ? '0' : code.slice(0, LEVELS[i - 1]);
}

/**
 * The shipped documents of TPS whose code starts with `prefix` ('' = all 1,000). Both zips hold the same
 * 53 TPS of 310101 (the 1,000-TPS zip is two days newer and identical in content), so each TPS is kept once.
 */
export function loadReplayData(prefix = ''): ReplayData {
  const documents = new Map<string, string>();
  for (const doc of collectDocuments([DEMO_SIREKAP_DIR]).documents) {
    const tps = tpsCodeFromFileName(doc.name);
    if (tps && tps.startsWith(prefix)) documents.set(tps, doc.text);
  }
  const names = readNames(new Set([...documents.keys()].flatMap((t) => LEVELS.map((n) => t.slice(0, n)))));
  const regions = new Map<string, ReplayRegion>([['0', { code: '0', name: 'Indonesia', parent: null, children: [] }]]);
  for (const tps of [...documents.keys()].sort()) {
    for (const n of LEVELS) {
      const code = tps.slice(0, n);
      if (regions.has(code)) continue;
      const parent = parentCode(code);
      regions.set(code, { code, name: names.get(code) ?? code, parent, children: [] });
      regions.get(parent)!.children.push(code);
    }
  }
  return { documents, regions };
}

/** Real names from the registry CSVs, for the codes wanted only (the TPS file has 822,116 rows). */
function readNames(wanted: Set<string>): Map<string, string> {
  const names = new Map<string, string>();
  for (const file of ['provinces.csv', 'regencies.csv', 'districts.csv', 'villages.csv.gz', 'tps.csv.gz']) {
    const raw = fs.readFileSync(path.join(REGIONS_DIR, file));
    const text = (file.endsWith('.gz') ? zlib.gunzipSync(raw) : raw).toString('utf8');
    for (const line of text.split('\n')) {
      const code = line.slice(0, line.indexOf(','));
      if (!wanted.has(code)) continue;
      const name = line.slice(line.indexOf(',', code.length + 1) + 1).trim();
      names.set(code, name.startsWith('"') ? name.slice(1, -1).replaceAll('""', '"') : name);
    }
  }
  return names;
}

/** Writes a registry (the import-regions format) of exactly the regions in `data`; answers its folder. */
export function writeReplayRegistry(dir: string, data: ReplayData): string {
  const out = path.join(dir, 'replay-regions');
  fs.mkdirSync(out, { recursive: true });
  const csv = (n: number) =>
    'code,parent_code,name\n' +
    [...data.regions.values()]
      .filter((r) => r.code.length === n)
      .map((r) => `${r.code},${n === 2 ? '' : r.parent},"${r.name.replaceAll('"', '""')}"`)
      .join('\n') +
    '\n';
  fs.writeFileSync(path.join(out, 'provinces.csv'), csv(2));
  fs.writeFileSync(path.join(out, 'regencies.csv'), csv(4));
  fs.writeFileSync(path.join(out, 'districts.csv'), csv(6));
  fs.writeFileSync(path.join(out, 'villages.csv.gz'), zlib.gzipSync(csv(10)));
  fs.writeFileSync(path.join(out, 'tps.csv.gz'), zlib.gzipSync(csv(13)));
  return out;
}
