import { test } from 'node:test';
import assert from 'node:assert/strict';
import { failedChecks, runChecks } from '@cocok/domain';
import { FIELDS } from '@cocok/domain';
import { applyHomography } from '@cocok/reader/tooling';
import {
  boxMarks,
  createRng,
  generateTpsValues,
  injectInconsistency,
  photoGeometry,
  tallyStrokes,
  type BoxMark,
  type LeadingStyle,
} from './photo-simulator.logic.ts';

test('the generator is deterministic by seed and differs across seeds', () => {
  const a = createRng(7);
  const b = createRng(7);
  const c = createRng(8);
  const seqA = Array.from({ length: 5 }, () => a.next());
  assert.deepEqual(
    seqA,
    Array.from({ length: 5 }, () => b.next()),
  );
  assert.notDeepEqual(
    seqA,
    Array.from({ length: 5 }, () => c.next()),
  );
});

test('500 generated TPS pass every consistency check, with every field filled and at most 300 voters', () => {
  const rng = createRng(1);
  for (let i = 0; i < 500; i++) {
    const v = generateTpsValues(rng);
    for (const f of FIELDS)
      assert.ok(Number.isInteger(v[f]) && (v[f] as number) >= 0 && (v[f] as number) <= 999, `${f}=${v[f]}`);
    const failed = failedChecks(runChecks(v, { overseas: false }));
    assert.deepEqual(
      failed.map((r) => r.id),
      [],
      JSON.stringify(v),
    );
  }
});

test('an injected inconsistency fails at least one check', () => {
  const rng = createRng(2);
  for (let i = 0; i < 100; i++) {
    const v = generateTpsValues(rng);
    injectInconsistency(v, rng);
    assert.ok(failedChecks(runChecks(v, { overseas: false })).length > 0);
  }
});

const D = (digit: number): BoxMark => ({ kind: 'digit', digit });
const X: BoxMark = { kind: 'cross' };
const E: BoxMark = { kind: 'empty' };
const markCases: { value: number; leading: LeadingStyle; expect: BoxMark[] }[] = [
  { value: 427, leading: 'cross', expect: [D(4), D(2), D(7)] },
  { value: 32, leading: 'cross', expect: [X, D(3), D(2)] },
  { value: 3, leading: 'cross', expect: [X, X, D(3)] },
  { value: 3, leading: 'empty', expect: [E, E, D(3)] },
  { value: 3, leading: 'zero', expect: [D(0), D(0), D(3)] },
  { value: 0, leading: 'cross', expect: [X, X, D(0)] },
  { value: 105, leading: 'empty', expect: [D(1), D(0), D(5)] },
  { value: 40, leading: 'empty', expect: [E, D(4), D(0)] },
];
for (const c of markCases) {
  test(`boxMarks(${c.value}, ${c.leading})`, () => assert.deepEqual(boxMarks(c.value, c.leading), c.expect));
}

test('boxMarks refuses what three boxes cannot hold', () => {
  assert.throws(() => boxMarks(1000, 'cross'));
  assert.throws(() => boxMarks(-1, 'cross'));
});

const tallyCases: { votes: number; head: number[]; total: number }[] = [
  { votes: 0, head: [0, 0], total: 0 },
  { votes: 3, head: [3, 0], total: 3 },
  { votes: 5, head: [5, 0], total: 5 },
  { votes: 12, head: [5, 5, 2, 0], total: 12 },
  { votes: 300, head: [5, 5], total: 300 },
];
for (const c of tallyCases) {
  test(`tallyStrokes(${c.votes})`, () => {
    const t = tallyStrokes(c.votes);
    assert.equal(t.length, 60);
    assert.deepEqual(t.slice(0, c.head.length), c.head);
    assert.equal(
      t.reduce((a, b) => a + b, 0),
      c.total,
    );
  });
}

test('simulated photo geometry keeps the whole page inside the frame at 2-12 MP', () => {
  const rng = createRng(3);
  for (let i = 0; i < 200; i++) {
    const g = photoGeometry(rng, { width: 2363, height: 3544 });
    const mp = (g.width * g.height) / 1e6;
    assert.ok(mp >= 1.9 && mp <= 12.1, `${mp} MP`);
    for (const p of [
      { x: 0, y: 0 },
      { x: 2363, y: 0 },
      { x: 2363, y: 3544 },
      { x: 0, y: 3544 },
    ]) {
      const q = applyHomography(g.homography, p);
      assert.ok(
        q.x > 0 && q.y > 0 && q.x < g.width && q.y < g.height,
        `corner ${JSON.stringify(q)} outside ${g.width}x${g.height}`,
      );
    }
  }
});
