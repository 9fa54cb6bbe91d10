import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, setRole, signUp, type Agent, type TestApp } from '../helpers/api-app.ts';

/**
 * Two admins demoting each other at the same moment used to leave no admin at all (7 rounds of 10 in
 * the abuse probe). Over HTTP, of the two requests the one that runs second is refused: 409 last-admin
 * when its session was read while it still was an admin (the race the fix closes), or 403 forbidden
 * when the other demotion had already ended before its request was even read. Never both through.
 */
let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.cleanup());

type Admin = { agent: Agent; csrf: string; id: number };
async function admin(): Promise<Admin> {
  const agent = request.agent(t.app);
  const { user, csrf } = await signUp(agent);
  await setRole(t.db, user.id, 'admin');
  return { agent, csrf, id: user.id };
}
const demote = (actor: Admin, target: Admin) =>
  actor.agent.post(`/api/admin/users/${target.id}/role`).set('X-CSRF-Token', actor.csrf).send({ role: 'witness' });
const adminCount = async () =>
  (await t.db.get<{ n: number }>("SELECT count(*) AS n FROM users WHERE role = 'admin'"))!.n;

test('two admins demote each other at once, 10 rounds: one admin always remains, the refusal is last-admin (or forbidden when already demoted)', async (tc) => {
  const refusals: string[] = [];
  for (let round = 0; round < 10; round++) {
    await t.db.run("UPDATE users SET role = 'witness' WHERE role = 'admin'");
    const [a, b] = [await admin(), await admin()];
    const results = await Promise.all([demote(a, b), demote(b, a)]);
    const ok = results.filter((r) => r.status === 200);
    const refused = results.filter((r) => r.status !== 200);
    assert.equal(
      ok.length,
      1,
      `round ${round}: ${results.map((r) => `${r.status} ${r.body.error?.code ?? ''}`).join(', ')}`,
    );
    const [no] = refused;
    assert.ok(
      (no.status === 409 && no.body.error.code === 'last-admin') ||
        (no.status === 403 && no.body.error.code === 'forbidden'),
      `round ${round}: ${no.status} ${no.body.error?.code}`,
    );
    if (no.status === 409) assert.match(no.body.error.message, /admin terakhir/);
    refusals.push(no.body.error.code);
    assert.equal(await adminCount(), 1, `round ${round}: one admin is left`);
    const log = await t.db.get<{ n: number }>(
      "SELECT count(*) AS n FROM moderation_log WHERE action = 'set-role' AND subject_user_id IN (?, ?)",
      [a.id, b.id],
    );
    assert.equal(log?.n, 1, `round ${round}: only the demotion that happened is in the log`);
  }
  tc.diagnostic(`refusals: ${refusals.join(', ')}`);
});
