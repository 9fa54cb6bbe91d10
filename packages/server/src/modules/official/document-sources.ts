import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';

/** One document to import: where it came from (shown in reports) and its raw text. */
export type SourceDocument = { name: string; text: string };
export type SourceProblem = { name: string; reason: string };

/**
 * Expands the paths given to `import-official` into documents: JSON files as they are, directories
 * recursively, zips entry by entry (fflate: pure JS, no native build). A path that cannot be read is
 * reported, never fatal, so one bad file does not sink a batch.
 */
export function collectDocuments(paths: readonly string[]): { documents: SourceDocument[]; problems: SourceProblem[] } {
  const documents: SourceDocument[] = [];
  const problems: SourceProblem[] = [];
  const visit = (p: string) => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      problems.push({ name: p, reason: 'no such file or directory' });
      return;
    }
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(p).sort()) visit(path.join(p, entry));
    } else if (p.toLowerCase().endsWith('.zip')) {
      readZip(p, documents, problems);
    } else if (p.toLowerCase().endsWith('.json')) {
      documents.push({ name: p, text: fs.readFileSync(p, 'utf8') });
    } else {
      problems.push({ name: p, reason: 'not a .json file, a directory or a .zip' });
    }
  };
  paths.forEach(visit);
  return { documents, problems };
}

function readZip(file: string, documents: SourceDocument[], problems: SourceProblem[]): void {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(fs.readFileSync(file), { filter: (f) => f.name.toLowerCase().endsWith('.json') });
  } catch (err) {
    problems.push({ name: file, reason: `not a readable zip (${(err as Error).message})` });
    return;
  }
  const decoder = new TextDecoder('utf-8');
  for (const name of Object.keys(entries).sort()) {
    documents.push({ name: `${path.basename(file)}:${name}`, text: decoder.decode(entries[name]) });
  }
}
