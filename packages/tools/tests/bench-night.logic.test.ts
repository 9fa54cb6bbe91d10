import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  openLoopStep,
  percentile,
  stalenessMs,
  summarize,
  verdict,
  writesVerdict,
} from '../src/bench-support/night.logic.ts';

test('percentile is the nearest rank of sorted values', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
  const cases: [number[], number, number][] = [
    [hundred, 0.5, 50],
    [hundred, 0.95, 95],
    [hundred, 0.99, 99],
    [hundred, 1, 100],
    [[7], 0.5, 7],
    [[7], 0.99, 7],
    [[1, 2], 0.5, 1],
    [[1, 2], 0.95, 2],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.95, 10],
  ];
  for (const [values, p, want] of cases)
    assert.equal(percentile(values, p), want, `p${p * 100} of ${values.length} values`);
  assert.ok(Number.isNaN(percentile([], 0.5)));
});

test('summarize sorts a copy and leaves its input alone', () => {
  const values = [30, 10, 20];
  assert.deepEqual(summarize(values), { n: 3, p50: 20, p95: 30, p99: 30 });
  assert.deepEqual(values, [30, 10, 20]);
});

test('openLoopStep starts what is due, and skips what the in-flight cap holds back', () => {
  const base = { rate: 100, total: 1000, started: 0, inFlight: 0, maxInFlight: 50 };
  const cases: [Partial<typeof base> & { elapsedMs: number }, { start: number; skip: number }][] = [
    [{ elapsedMs: 0 }, { start: 1, skip: 0 }], // request 0 is due at once
    [{ elapsedMs: 9.99 }, { start: 1, skip: 0 }],
    [{ elapsedMs: 10 }, { start: 2, skip: 0 }], // 100/s: one every 10 ms
    [
      { elapsedMs: 10, started: 2 },
      { start: 0, skip: 0 },
    ], // nothing new due
    [
      { elapsedMs: 250, started: 20 },
      { start: 6, skip: 0 },
    ], // the timer was late: catch up what is due
    [
      { elapsedMs: 1000, started: 0, inFlight: 45 },
      { start: 5, skip: 96 },
    ], // cap: 5 sent, the rest fell behind
    [
      { elapsedMs: 1000, started: 0, inFlight: 60 },
      { start: 0, skip: 101 },
    ], // over the cap (cap lowered): none
    [
      { elapsedMs: 60_000, started: 995 },
      { start: 5, skip: 0 },
    ], // never past total
    [
      { elapsedMs: 90_000, started: 1000 },
      { start: 0, skip: 0 },
    ],
    [
      { elapsedMs: 500, rate: 20, started: 10 },
      { start: 1, skip: 0 },
    ],
  ];
  for (const [given, want] of cases) assert.deepEqual(openLoopStep({ ...base, ...given }), want, JSON.stringify(given));
});

test('stalenessMs: a page is as old as the earliest answered confirm it does not show', () => {
  const acks = [100, 200, 300, 400];
  const cases: [number, number, number][] = [
    // [sentAt, confirms the page shows, age]
    [50, 0, 0], // nothing answered yet
    [100, 0, 0], // answered at the very moment it was asked: not counted as missed
    [150, 1, 0],
    [150, 0, 50], // misses the confirm answered at 100
    [450, 4, 0],
    [450, 2, 150], // shows two, misses the one answered at 300
    [450, 0, 350],
    [450, 6, 0], // shows more than were answered (confirms committed, answer still on its way)
    [450, -3, 350], // a count below the baseline is taken as none shown
  ];
  for (const [sentAt, reflected, want] of cases)
    assert.equal(stalenessMs(acks, sentAt, reflected), want, `sent ${sentAt}, shows ${reflected}`);
  assert.equal(stalenessMs([], 1000, 0), 0);
});

test('verdicts: bounds are inclusive; no measurement or any error misses', () => {
  assert.equal(verdict(20, 20), 'met');
  assert.equal(verdict(20.1, 20), 'MISSED');
  assert.equal(verdict(Number.NaN, 20), 'MISSED');
  assert.equal(writesVerdict({ offered: 100, achieved: 95, errors: 0 }), 'met');
  assert.equal(writesVerdict({ offered: 100, achieved: 94.9, errors: 0 }), 'MISSED');
  assert.equal(writesVerdict({ offered: 100, achieved: 100, errors: 1 }), 'MISSED');
});
