import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { openDatabase, type Database } from '../../src/db/database.ts';
import { migrate } from '../../src/db/migrate.ts';

/** A migrated database in a fresh temp directory, removed by `cleanup`. */
export async function createTempDatabase(
  prefix = 'cocok-test-',
): Promise<{ db: Database; dir: string; cleanup(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const db = await openDatabase(path.join(dir, 'test.sqlite'));
  await migrate(db);
  return {
    db,
    dir,
    async cleanup() {
      await db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Writes a tiny registry in the KPU format: one province, regency, district, two villages, with the
 * given TPS per village. Codes follow the real scheme (province 31 ... TPS 13 digits).
 */
export function writeTinyRegistry(dir: string, tpsPerVillage: [number, number] = [3, 2]): string {
  const regDir = path.join(dir, 'regions');
  fs.mkdirSync(regDir, { recursive: true });
  const header = 'code,parent_code,name\n';
  fs.writeFileSync(path.join(regDir, 'provinces.csv'), `${header}31,,DKI JAKARTA\n`);
  fs.writeFileSync(path.join(regDir, 'regencies.csv'), `${header}3101,31,ADM. KEP. SERIBU\n`);
  fs.writeFileSync(path.join(regDir, 'districts.csv'), `${header}310101,3101,KEPULAUAN SERIBU UTARA\n`);
  const villages = ['3101011001', '3101011003'];
  writeGz(
    path.join(regDir, 'villages.csv.gz'),
    `${header}3101011001,310101,PULAU PANGGANG\n3101011003,310101,"PULAU HARAPAN, UTARA"\n`,
  );
  const tps = villages.flatMap((v, i) =>
    Array.from(
      { length: tpsPerVillage[i] },
      (_, n) => `${v}${String(n + 1).padStart(3, '0')},${v},TPS ${String(n + 1).padStart(3, '0')}`,
    ),
  );
  writeGz(path.join(regDir, 'tps.csv.gz'), header + tps.join('\n') + '\n');
  return regDir;
}

function writeGz(file: string, text: string): void {
  fs.writeFileSync(file, zlib.gzipSync(Buffer.from(text, 'utf8')));
}

/** A Sirekap hhcw document in its published shape, with overridable parts. */
export function sirekapDoc(
  over: Partial<{ chart: unknown; administrasi: unknown; ts: unknown; images: unknown }> = {},
): string {
  return JSON.stringify({
    chart: { null: null, '100025': 10, '100026': 20, '100027': 30 },
    images: ['https://example.invalid/p1.jpg', null, 'https://example.invalid/p3.jpg'],
    administrasi: {
      suara_sah: 60,
      suara_tidak_sah: 2,
      suara_total: 62,
      pemilih_dpt_j: 100,
      pemilih_dpt_l: 50,
      pemilih_dpt_p: 50,
      pengguna_dpt_j: 60,
      pengguna_dpt_l: 30,
      pengguna_dpt_p: 30,
      pengguna_dptb_j: 1,
      pengguna_dptb_l: 1,
      pengguna_dptb_p: 0,
      pengguna_non_dpt_j: 1,
      pengguna_non_dpt_l: 0,
      pengguna_non_dpt_p: 1,
      pengguna_total_j: 62,
      pengguna_total_l: 31,
      pengguna_total_p: 31,
    },
    psu: null,
    ts: '2024-02-15 10:00:00',
    status_suara: true,
    status_adm: true,
    ...over,
  });
}
