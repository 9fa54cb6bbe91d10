import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeCursor, encodeCursor } from './moderation-cursor.ts';

test('cursors round-trip; garbage is refused, none means the start', () => {
  assert.equal(decodeCursor(encodeCursor(150)), 150);
  assert.equal(decodeCursor(undefined), 0);
  assert.equal(decodeCursor('bm9wZQ'), null);
  assert.equal(decodeCursor(Buffer.from('o:-1').toString('base64url')), null);
});
