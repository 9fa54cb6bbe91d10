import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Database } from '@cocok/server';

/** A consistent copy of a database (even with a WAL beside it) in a fresh temp folder, so a benchmark may write to it. */
export async function copyForBench(source: string, prefix: string): Promise<{ dir: string; file: string }> {
  if (!fs.existsSync(source))
    throw new Error(`${source} is missing: run \`npm run seed:scale\` first (or pass --db FILE)`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const file = path.join(dir, 'cocok.sqlite');
  const src = await openDatabase(source);
  await src.exec(`VACUUM INTO '${file.replace(/'/g, "''")}'`);
  await src.close();
  return { dir, file };
}

/** Region pages spread over the country: every province, and random regencies, districts and villages. */
export async function sampleRegionPages(db: Database): Promise<string[]> {
  const sample = async (sql: string) => (await db.all<{ code: string }>(sql)).map((r) => `/api/regions/${r.code}`);
  return [
    ...(await sample('SELECT code FROM regions WHERE level = 1')),
    ...(await sample('SELECT code FROM regions WHERE level = 2 ORDER BY random() LIMIT 100')),
    ...(await sample('SELECT code FROM regions WHERE level = 3 ORDER BY random() LIMIT 200')),
    ...(await sample('SELECT code FROM regions WHERE level = 4 ORDER BY random() LIMIT 400')),
  ];
}

/**
 * Signs a moderator up over HTTP and gives the role (and a staff pseudonym) in SQL, as `npm run create-admin`
 * would; answers the cookie and CSRF token for later requests.
 */
export async function moderatorSession(base: string, db: Database): Promise<{ cookie: string; csrf: string }> {
  const me = await fetch(`${base}/api/auth/me`);
  const anon = me.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken, cookie: anon },
    body: JSON.stringify({
      name: 'Bench Moderator',
      contact: `bench-${Date.now()}@example.org`,
      password: 'rahasia-bench-1',
    }),
  });
  if (res.status !== 201) throw new Error(`register: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { user: { id: number }; csrfToken: string };
  await db.run(
    `UPDATE users SET role = 'moderator', staff_pseudonym = COALESCE(staff_pseudonym, 'Moderator-B' || id) WHERE id = ?`,
    [body.user.id],
  );
  return {
    cookie: res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; '),
    csrf: body.csrfToken,
  };
}
