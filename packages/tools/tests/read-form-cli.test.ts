import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { PAGE_FIELDS } from '@cocok/domain';
import { PHOTO_TRUTH } from '@cocok/testing';

/**
 * The read-form CLI as other tools run it: `npm run --silent read-form -- --json FILE...` in a child
 * process, on the real fixture photos and a bad file. The contract (issue 3) is checked key by key.
 */
const run = promisify(execFile);
const ROOT = new URL('../../../', import.meta.url).pathname;
const truth = PHOTO_TRUTH;
const photos = Object.keys(truth).map((f) => `packages/testing/fixtures/photos/${f}`);
const files = [
  ...photos,
  'packages/testing/fixtures/bad/text-renamed.jpg',
  'packages/testing/fixtures/bad/no-such-file.jpg',
];

test('--json: one JSON line per file, in the order given, with exactly the documented keys', async () => {
  const { stdout } = await run('npm', ['run', '--silent', 'read-form', '--', '--json', ...files], {
    cwd: ROOT,
    timeout: 180_000,
  });
  const lines = stdout.trim().split('\n');
  assert.equal(lines.length, files.length, stdout);
  lines.forEach((line, i) => {
    const r = JSON.parse(line);
    assert.equal(r.file, files[i]);
    assert.equal(typeof r.ms, 'number');
    assert.ok(Number.isInteger(r.ms) && r.ms >= 0);
    assert.equal(typeof r.review, 'boolean');
    if (i < photos.length) {
      assert.deepEqual(Object.keys(r), ['file', 'page', 'fields', 'review', 'ms']);
      assert.equal(r.page, truth[files[i].split('/').pop()!].page);
      assert.deepEqual(Object.keys(r.fields), [...PAGE_FIELDS[r.page as 1 | 2 | 3]]);
      for (const f of Object.values(r.fields) as { value: unknown; confidence: number; review: boolean }[]) {
        assert.deepEqual(Object.keys(f), ['value', 'confidence', 'review']);
        assert.ok(
          f.value === null || (Number.isInteger(f.value) && (f.value as number) >= 0 && (f.value as number) <= 999),
        );
        assert.ok(f.confidence >= 0 && f.confidence <= 1);
        assert.equal(typeof f.review, 'boolean');
      }
      assert.equal(
        r.review,
        Object.values(r.fields).some((f) => (f as { review: boolean }).review),
      );
      // Every figure as written (issue 3's target for the real photos), blank fields null.
      const written = truth[files[i].split('/').pop()!].fields as Record<string, number>;
      const read = Object.fromEntries(
        Object.entries(r.fields).map(([name, f]) => [name, (f as { value: number | null }).value]),
      );
      assert.deepEqual(
        read,
        Object.fromEntries(Object.keys(r.fields).map((name) => [name, written[name] ?? null])),
        files[i],
      );
    } else {
      assert.equal(r.page, null);
      assert.deepEqual(r.fields, {});
      assert.equal(r.review, true);
      assert.equal(typeof r.reason, 'string');
    }
  });
  assert.equal(JSON.parse(lines[photos.length]).reason, 'not-an-image');
  assert.equal(JSON.parse(lines[photos.length + 1]).reason, 'file-not-found');
});

test('without --json: a readable table naming each file, its page and every field of it', async () => {
  const page3 = 'packages/testing/fixtures/photos/page-3-on-screen.jpg';
  const { stdout } = await run(
    'npm',
    ['run', '--silent', 'read-form', '--', page3, 'packages/testing/fixtures/bad/text-renamed.jpg'],
    { cwd: ROOT, timeout: 120_000 },
  );
  assert.match(stdout, new RegExp(`^${page3}: page 3, \\d+ ms`, 'm'));
  for (const field of PAGE_FIELDS[3]) assert.match(stdout, new RegExp(`^  ${field} +(\\d+|-) +[01]\\.\\d{3}`, 'm'));
  assert.match(stdout, /text-renamed\.jpg: not a readable page \(not-an-image\)/);
});

test('no files: usage on stderr and exit code 1', async () => {
  await assert.rejects(
    run('npm', ['run', '--silent', 'read-form', '--', '--json'], { cwd: ROOT }),
    (err: { code: number; stderr: string }) => {
      assert.equal(err.code, 1);
      assert.match(err.stderr, /Usage: npm run --silent read-form/);
      return true;
    },
  );
});
