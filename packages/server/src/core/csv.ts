import fs from 'node:fs';
import zlib from 'node:zlib';

/**
 * Reads the registry CSVs (`code,parent_code,name`, RFC 4180 quoting, no line breaks inside fields)
 * from a plain or .gz file, without the header. Hand-rolled rather than a CSV library because the
 * fast path (a line without quotes is a plain split) loads the 822,116 TPS rows in a fraction of the time.
 */
export function readSimpleCsv(file: string): string[][] {
  const raw = fs.readFileSync(file);
  const text = (file.endsWith('.gz') ? zlib.gunzipSync(raw) : raw).toString('utf8');
  const lines = text.split(/\r?\n/);
  const rows: string[][] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (line === '') continue;
    rows.push(line.includes('"') ? parseQuotedLine(line) : line.split(','));
  }
  return rows;
}

export function parseQuotedLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  fields.push(field);
  return fields;
}
