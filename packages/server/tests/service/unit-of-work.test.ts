import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { confirmPage2, createComparisonServices, type ComparisonServices } from '../helpers/comparison-services.ts';
import { insertReadPage2Submission } from '../helpers/read-submission.ts';
import { fixedClock } from '../../src/core/clock.ts';
import { createUnitOfWork } from '../../src/db/unit-of-work.ts';
import type { SessionUser } from '../../src/modules/accounts/accounts.service.ts';

/**
 * Transactions that span modules as units of work (db/unit-of-work.ts), on real SQLite: the parts each module
 * binds to the transaction (accounts, submissions, regions, comparison) read that transaction's own writes,
 * commit together, and all roll back when a later step fails; no part takes a `tx`.
 */
const TPS = '3101011001001';
const clock = fixedClock('2026-11-20T10:00:00Z');
let services: ComparisonServices;
const witness: SessionUser = { id: 1, name: 'Orang 1', role: 'witness', pseudonym: 'Saksi-U1' };
let unit: ReturnType<typeof unitOn>;

const unitOn = (s: ComparisonServices) =>
  createUnitOfWork(s.db, (tx) => ({
    accounts: s.accounts.inTransaction(tx),
    submissions: s.submissions.inTransaction(tx),
    regions: s.regions.inTransaction(tx),
    refreshComparison: (codes: readonly string[]) => s.comparison.refreshTps(tx, codes),
  }));

before(async () => {
  services = await createComparisonServices('cocok-uow-', clock);
  await services.db.run(
    `INSERT INTO users (id, name, contact, contact_kind, password_hash, role, pseudonym, created_at) VALUES (1, 'Orang 1', 'u1@example.org', 'email', 'x', 'witness', 'Saksi-U1', ?)`,
    [clock.now().toISOString()],
  );
  unit = unitOn(services);
});
after(() => services.cleanup());

const stateOf = async (submissionId: number) => ({
  banned: (await services.accounts.findUser(witness.id))?.bannedAt ?? null,
  status: (await services.submissions.findSubmission(submissionId))?.status,
  crowd:
    (await services.db.get<{ status: string }>('SELECT status FROM tps_comparisons WHERE tps_code = ?', [TPS]))
      ?.status ?? 'no_crowd',
});

test("a ban and a withdrawal through the parts, with the comparison refresh: each part sees the unit's writes, all commit together", async () => {
  const id = await confirmPage2(services, clock, TPS, witness, [10, 20, 30]);
  assert.deepEqual(await stateOf(id), { banned: null, status: 'confirmed', crowd: 'no_official' });
  const seen = await unit.run(async (uow) => {
    await uow.accounts.ban(witness.id, clock.now().toISOString());
    const withdrawn = await uow.submissions.withdrawByModerator(id, clock.now().toISOString());
    await uow.refreshComparison([TPS]);
    return {
      withdrawn,
      banned: (await uow.accounts.findUser(witness.id))?.bannedAt,
      status: (await uow.submissions.find(id))?.status,
      active: await uow.submissions.listActiveOfUser(witness.id),
    };
  });
  assert.deepEqual(seen, { withdrawn: true, banned: clock.now().toISOString(), status: 'withdrawn', active: [] });
  assert.deepEqual(await stateOf(id), { banned: clock.now().toISOString(), status: 'withdrawn', crowd: 'no_crowd' });
});

test("a step failing after the parts wrote rolls every module's write back", async () => {
  await services.db.run('UPDATE users SET banned_at = NULL WHERE id = 1');
  const id = await confirmPage2(services, clock, TPS, witness, [10, 20, 30]);
  const before = await stateOf(id);
  await assert.rejects(
    unit.run(async (uow) => {
      await uow.accounts.ban(witness.id, clock.now().toISOString());
      await uow.submissions.withdrawByModerator(id, clock.now().toISOString());
      await uow.refreshComparison([TPS]);
      await uow.regions.requireTps('3101011001099'); // no such TPS: 404, after everything else was written
    }),
    (err: { code?: string }) => err.code === 'not-found',
  );
  assert.deepEqual(await stateOf(id), before);
  assert.deepEqual(before, { banned: null, status: 'confirmed', crowd: 'no_official' });
});

test('a pending submission moved and read back through the part lands on the other TPS only when the unit commits', async () => {
  const id = await insertReadPage2Submission(services.db, TPS, witness.id, clock.now().toISOString());
  const other = '3101011001002';
  await assert.rejects(
    unit.run(async (uow) => {
      await uow.submissions.moveToTps(id, other);
      assert.equal((await uow.submissions.find(id))?.tps_code, other);
      throw new Error('the decision is refused after all');
    }),
  );
  assert.equal((await services.submissions.findSubmission(id))?.tps_code, TPS);
  await unit.run((uow) => uow.submissions.moveToTps(id, other));
  assert.equal((await services.submissions.findSubmission(id))?.tps_code, other);
});
