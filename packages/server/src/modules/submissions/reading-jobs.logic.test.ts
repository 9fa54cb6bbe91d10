import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_READ_ATTEMPTS, afterFailure, describeFailure, retryDelayMs } from './reading-jobs.logic.ts';

const attempts: [number, 'retry' | 'failed'][] = [
  [1, 'retry'],
  [2, 'retry'],
  [3, 'failed'],
  [4, 'failed'],
];
for (const [n, expected] of attempts) {
  test(`after failed attempt ${n} of ${MAX_READ_ATTEMPTS}: ${expected}`, () => assert.equal(afterFailure(n), expected));
}

test('retry delays double from the base', () => {
  assert.deepEqual(
    [1, 2, 3].map((n) => retryDelayMs(n, 1000)),
    [1000, 2000, 4000],
  );
  assert.equal(retryDelayMs(0, 1000), 1000);
});

test('failure reasons keep the worker pool tag and are bounded', () => {
  assert.equal(
    describeFailure(Object.assign(new Error('worker exited with code 1'), { reason: 'worker-crashed' })),
    'worker-crashed: worker exited with code 1',
  );
  assert.equal(describeFailure(new Error('boom')), 'boom');
  assert.equal(describeFailure('plain'), 'plain');
  assert.equal(describeFailure(new Error('x'.repeat(2000))).length, 500);
});
