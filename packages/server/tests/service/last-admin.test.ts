import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { createTempDatabase } from '../helpers/temp-db.ts';
import type { Database } from '../../src/db/database.ts';
import { fixedClock } from '../../src/core/clock.ts';
import { AppError } from '../../src/core/errors.ts';
import { createAccountsService, createArgon2Hasher } from '../../src/modules/accounts/accounts.service.ts';

/**
 * accounts.setRole on real SQLite: the admin role is never taken from the last admin who can log in,
 * and the check is part of the write, so two transactions demoting the two last admins at once cannot
 * both pass (whichever the single writer runs second is refused).
 */
let ctx: Awaited<ReturnType<typeof createTempDatabase>>;
let db: Database;
let accounts: ReturnType<typeof createAccountsService>;
const clock = fixedClock('2026-11-20T10:00:00Z');

before(async () => {
  ctx = await createTempDatabase('cocok-last-admin-');
  db = ctx.db;
  accounts = createAccountsService({
    db,
    clock,
    hasher: createArgon2Hasher({ memoryKib: 1024, timeCost: 1 }),
    sessionDays: 30,
  });
});
after(() => ctx.cleanup());

let next = 0;
async function user(role: 'witness' | 'moderator' | 'admin', banned = false): Promise<number> {
  next += 1;
  const { lastID } = await db.run(
    `INSERT INTO users (name, contact, contact_kind, password_hash, role, pseudonym, staff_pseudonym, created_at, banned_at) VALUES (?, ?, 'email', 'x', ?, ?, ?, ?, ?)`,
    [
      `Orang ${next}`,
      `u${next}@example.org`,
      role,
      `Saksi-L${next}`,
      role === 'witness' ? null : `Moderator-L${next}`,
      clock.now().toISOString(),
      banned ? clock.now().toISOString() : null,
    ],
  );
  return lastID;
}
const admins = async () =>
  (await db.all<{ id: number }>("SELECT id FROM users WHERE role = 'admin' AND banned_at IS NULL ORDER BY id")).map(
    (r) => r.id,
  );
const demote = (id: number) => db.transaction((tx) => accounts.inTransaction(tx).setRole(id, 'witness'));
const codeOf = (r: PromiseSettledResult<unknown>) =>
  r.status === 'fulfilled'
    ? 'ok'
    : r.reason instanceof AppError
      ? `${r.reason.status} ${r.reason.code}`
      : String(r.reason);

beforeEach(async () => {
  await db.run('DELETE FROM users');
});

test('the last admin cannot be demoted to moderator or witness: 409 last-admin, the role stays', async () => {
  const only = await user('admin');
  for (const role of ['witness', 'moderator'] as const) {
    await assert.rejects(
      db.transaction((tx) => accounts.inTransaction(tx).setRole(only, role)),
      (err: AppError) => err.code === 'last-admin' && err.status === 409,
    );
  }
  assert.deepEqual(await admins(), [only]);
});

test('a banned admin does not count as the other admin', async () => {
  const active = await user('admin');
  await user('admin', true);
  await assert.rejects(demote(active), (err: AppError) => err.code === 'last-admin');
  assert.deepEqual(await admins(), [active]);
});

test('with another admin the demotion goes through and answers the role it had; promoting and demoting non-admins is never refused', async () => {
  const [a, b] = [await user('admin'), await user('admin')];
  const mod = await user('moderator');
  const witness = await user('witness');
  assert.deepEqual(await demote(b), { staffPseudonym: `Moderator-L${next - 2}`, previousRole: 'admin' });
  assert.deepEqual(await admins(), [a]);
  assert.equal(
    (await db.transaction((tx) => accounts.inTransaction(tx).setRole(mod, 'witness')))?.previousRole,
    'moderator',
  );
  assert.equal(
    (await db.transaction((tx) => accounts.inTransaction(tx).setRole(witness, 'admin')))?.previousRole,
    'witness',
  );
  assert.equal(
    (await db.transaction((tx) => accounts.inTransaction(tx).setRole(a, 'admin')))?.previousRole,
    'admin',
    'an admin "made admin" again is no demotion',
  );
  assert.equal(
    await db.transaction((tx) => accounts.inTransaction(tx).setRole(99_999, 'witness')),
    null,
    'no such account',
  );
});

test('two last admins demoted at once, 10 rounds: every round exactly one goes through, the other is 409 last-admin', async () => {
  for (let round = 0; round < 10; round++) {
    await db.run('DELETE FROM users');
    const [a, b] = [await user('admin'), await user('admin')];
    const results = await Promise.allSettled([demote(a), demote(b)]);
    assert.deepEqual(results.map(codeOf).sort(), ['409 last-admin', 'ok'], `round ${round}`);
    assert.equal((await admins()).length, 1, `round ${round}: one admin is left`);
  }
});
