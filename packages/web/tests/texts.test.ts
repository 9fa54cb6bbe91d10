/**
 * The UI texts as a whole: both languages hold the same keys with the same {{variables}}, each top-level
 * group belongs to one feature, and every key is used somewhere in src (a dead key fails here, so texts
 * cannot outlive the code that showed them). The type checker covers the other direction: a key used in
 * src but missing from the texts does not compile.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FEATURE_TEXTS, en, id } from '../src/i18n/texts.ts';

const SRC = path.join(path.dirname(fileURLToPath(import.meta.url)), '../src');
const PLURAL = /_(zero|one|two|few|many|other)$/;

function leaves(texts: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(texts)) {
    if (typeof v === 'object' && v !== null) for (const [kk, vv] of leaves(v, `${prefix}${k}.`)) out.set(kk, vv);
    else out.set(`${prefix}${k}`, String(v));
  }
  return out;
}

const variables = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort();

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.texts.ts') ? [p] : [];
  });
}

/**
 * How src names keys: whole string literals ('tps.code'), and template literals whose `${…}` parts stand
 * for one key segment each (`comparison.status.${s}` covers comparison.status.match, …). A plural key
 * (x_one, x_other) is used when its base x is.
 */
function unusedKeys(keys: Iterable<string>, sources: readonly string[]): string[] {
  const literals = new Set<string>();
  const patterns: RegExp[] = [];
  for (const s of sources) {
    for (const m of s.matchAll(/'([^'\n]*)'|"([^"\n]*)"/g)) literals.add(m[1] ?? m[2]);
    for (const m of s.matchAll(/`([^`]*)`/g)) {
      if (!m[1].includes('${')) literals.add(m[1]);
      else
        patterns.push(
          new RegExp(
            `^${m[1]
              .split(/\$\{[^}]*\}/)
              .map((p) => p.replace(/[.*+?^$()[\]{}|\\]/g, '\\$&'))
              .join('[^.]+')}$`,
          ),
        );
    }
  }
  const bases = new Set([...keys].map((k) => k.replace(PLURAL, '')));
  return [...bases].filter((k) => !literals.has(k) && !patterns.some((p) => p.test(k)));
}

test('Indonesian and English hold the same keys, feature by feature, with the same {{variables}}', () => {
  for (const texts of FEATURE_TEXTS)
    assert.deepEqual([...leaves(texts.en).keys()].sort(), [...leaves(texts.id).keys()].sort());
  const idLeaves = leaves(id);
  const enLeaves = leaves(en);
  assert.deepEqual([...enLeaves.keys()].sort(), [...idLeaves.keys()].sort());
  const differing = [...idLeaves]
    .filter(([k, text]) => variables(text).join() !== variables(enLeaves.get(k)!).join())
    .map(([k]) => k);
  assert.deepEqual(differing, []);
  assert.deepEqual(
    [...idLeaves].filter(([, text]) => text.trim() === '').map(([k]) => k),
    [],
    'no empty Indonesian text',
  );
  assert.deepEqual(
    [...enLeaves].filter(([, text]) => text.trim() === '').map(([k]) => k),
    [],
    'no empty English text',
  );
});

test('each top-level group of keys belongs to exactly one feature', () => {
  const owners = new Map<string, number>();
  for (const texts of FEATURE_TEXTS)
    for (const group of Object.keys(texts.id)) owners.set(group, (owners.get(group) ?? 0) + 1);
  assert.deepEqual(
    [...owners].filter(([, n]) => n > 1).map(([g]) => g),
    [],
  );
  assert.equal(Object.keys(id).length, owners.size);
});

test('every text key is used somewhere in src', () => {
  const sources = sourceFiles(SRC).map((f) => fs.readFileSync(f, 'utf8'));
  assert.ok(sources.length > 50, `found the source files (${sources.length})`);
  assert.deepEqual(unusedKeys(leaves(id).keys(), sources), []);
});

test('the usage scan: literals, template parts as one segment, plural bases', () => {
  const keys = ['a.b', 'a.c_one', 'a.c_other', 'x.y.z', 'x.w', 'dead.key', 'tpl.only'];
  const sources = ["t('a.b')", 't(`a.c`, { count })', 't(`x.${g}.${k}`)', "t(`tpl.${'only'}x`)"];
  assert.deepEqual(unusedKeys(keys, sources), ['x.w', 'dead.key', 'tpl.only']);
});
