/**
 * `npm run create-admin -- --name NAME --contact PHONE_OR_EMAIL [--password PASSWORD] [--promote]`:
 * makes the first admin (admins then make moderators and admins through POST /api/admin/users/:id/role).
 * Without --password the password is read from stdin (first line), so it stays out of the shell history:
 *   printf '%s\n' "$PASS" | npm run create-admin -- --name "Admin" --contact admin@example.org
 * An existing account is refused unless --promote is given, which makes that account an admin.
 */
import { parseArgs } from 'node:util';
import { AppError } from '@cocok/server';
import { systemClock } from '@cocok/server';
import { normalizeContact } from '@cocok/server';
import { registerBody } from '@cocok/api';
import { createAccountsService, createArgon2Hasher } from '@cocok/server';
import { openConfiguredDatabase } from './cli-support.ts';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

async function readStdinLine(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password: ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

const { values } = parseArgs({
  options: {
    name: { type: 'string' },
    contact: { type: 'string' },
    password: { type: 'string' },
    promote: { type: 'boolean', default: false },
  },
});
if (!values.contact) fail('Give --contact (phone number or e-mail) and --name.');
const { config, db } = await openConfiguredDatabase();
const accounts = createAccountsService({
  db,
  clock: systemClock,
  hasher: createArgon2Hasher({ memoryKib: config.auth.argon2MemoryKib, timeCost: config.auth.argon2TimeCost }),
  sessionDays: config.auth.sessionDays,
});
try {
  const contact = normalizeContact(values.contact);
  const existing = contact ? await accounts.findUserByContact(contact.value) : null;
  if (existing) {
    if (!values.promote)
      fail(
        `An account with ${existing.contact} exists (id ${existing.id}, ${existing.role}); add --promote to make it an admin.`,
      );
    const changed = await db.transaction((tx) => accounts.inTransaction(tx).setRole(existing.id, 'admin'));
    console.log(
      `Account ${existing.id} (${existing.contact}) is now an admin; the public log names it ${changed?.staffPseudonym}.`,
    );
  } else {
    const parsed = registerBody.safeParse({
      name: values.name,
      contact: values.contact,
      password: values.password ?? (await readStdinLine()),
    });
    if (!parsed.success)
      fail(`Invalid input: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    const user = await accounts.createAccount(parsed.data, 'admin');
    console.log(
      `Created admin ${user.id} (${user.contact}) in ${config.databaseFile}; the public log names it ${user.staffPseudonym}.`,
    );
  }
} catch (err) {
  if (err instanceof AppError) fail(err.messageEn);
  throw err;
} finally {
  await db.close();
}
