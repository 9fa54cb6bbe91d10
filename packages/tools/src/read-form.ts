/**
 * `npm run --silent read-form -- [--json] [--workers N] FILE...`: reads C.HASIL-PPWP photos.
 * With --json, one line per file, in the order given (a contract other tools rely on):
 *   {"file", "page": 1|2|3|null, "fields": {"<name>": {"value", "confidence", "review"}}, "review", "ms"}
 * plus "reason" (and an Indonesian "message") when the image is not a readable C.HASIL-PPWP page.
 * Without --json, a table per file. Exit code 0 when every file was read, 1 on usage errors.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import { createWorkerPoolReader } from '@cocok/reader';
import type { FormReading } from '@cocok/domain';
import { PAGE_FIELDS } from '@cocok/domain';

const args = process.argv.slice(2);
const json = args.includes('--json');
const workersAt = args.indexOf('--workers');
const workers = workersAt >= 0 ? Number(args[workersAt + 1]) : undefined;
const files = args.filter((a, i) => !a.startsWith('--') && (workersAt < 0 || i !== workersAt + 1));
if (files.length === 0 || (workers !== undefined && !(workers >= 1))) {
  console.error('Usage: npm run --silent read-form -- [--json] [--workers N] FILE...');
  process.exit(1);
}

const reader = createWorkerPoolReader({ size: Math.min(workers ?? os.availableParallelism(), files.length) });
const results = files.map((file) => readOne(file));
for (let i = 0; i < files.length; i++) {
  const line = { file: files[i], ...contract(await results[i]) };
  console.log(json ? JSON.stringify(line) : table(line));
}
await reader.close();

async function readOne(file: string): Promise<FormReading> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'file-not-found' : 'file-unreadable';
    return { page: null, fields: {}, review: true, reason, message: `Berkas tidak dapat dibaca: ${file}`, ms: 0 };
  }
  try {
    return await reader.read(bytes);
  } catch (err) {
    return {
      page: null,
      fields: {},
      review: true,
      reason: 'reader-failed',
      message: `Pembacaan gagal: ${(err as Error).message}`,
      ms: 0,
    };
  }
}

/** Exactly the documented keys, in the documented order. */
function contract(r: FormReading) {
  const fields = Object.fromEntries(
    Object.entries(r.fields).map(([name, f]) => [
      name,
      { value: f!.value, confidence: f!.confidence, review: f!.review },
    ]),
  );
  const base = { page: r.page, fields, review: r.review };
  return r.page === null ? { ...base, reason: r.reason, message: r.message, ms: r.ms } : { ...base, ms: r.ms };
}

function table(line: { file: string } & ReturnType<typeof contract>): string {
  const head = `${line.file}: ${line.page === null ? `not a readable page (${'reason' in line ? line.reason : ''})` : `page ${line.page}`}, ${line.ms} ms${line.review ? ', NEEDS REVIEW' : ''}`;
  if (line.page === null) return head;
  const rows = PAGE_FIELDS[line.page].map((name) => {
    const f = line.fields[name];
    const value = f?.value === null || f === undefined ? '-' : String(f.value);
    return `  ${name.padEnd(24)} ${value.padStart(5)}  ${(f?.confidence ?? 0).toFixed(3)}${f?.review ? '  review' : ''}`;
  });
  return [head, ...rows].join('\n');
}
