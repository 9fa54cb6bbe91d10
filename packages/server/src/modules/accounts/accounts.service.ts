import crypto from 'node:crypto';
import argon2 from 'argon2';
import type { Database } from '../../db/database.ts';
import type { Clock } from '../../core/clock.ts';
import { errors } from '../../core/errors.ts';
import { sha256Hex } from '../../core/hash.ts';
import { accountErrors } from './accounts.errors.ts';
import {
  checkContact,
  expiryFrom,
  normalizeContact,
  pseudonymFromBytes,
  slidExpiry,
  staffPseudonymFromBytes,
  type Role,
} from './accounts.logic.ts';
import { createAccountsRepository, type AccountsRepository, type UserRow } from './accounts.repository.ts';
import type { LoginBody, RegisterBody } from '@cocok/api';

/** What the API says about a user: never the password hash, never the ban reason's internals. */
export type PublicUser = {
  id: number;
  name: string;
  contact: string;
  role: Role;
  pseudonym: string;
  staffPseudonym: string | null;
  createdAt: string;
};
/** The signed-in user as the rest of the server sees it. */
export type SessionUser = { id: number; name: string; role: Role; pseudonym: string };
export type NewSession = { token: string; expiresAt: Date };

/** What another module's transaction may do with accounts (moderation: roles, bans); every query on that transaction. */
export type AccountsInTransaction = {
  findUser(id: number): Promise<(PublicUser & { bannedAt: string | null }) | null>;
  /**
   * Gives the account `role`: answers its staff pseudonym (drawn the first time) and the role it had, or
   * null when there is no such account. Taking the admin role from the last admin who can still log in is
   * refused with `last-admin`; the check is part of the UPDATE itself (see updateRole), so two admins
   * demoting each other at once cannot both pass.
   */
  setRole(id: number, role: Role): Promise<{ staffPseudonym: string | null; previousRole: Role } | null>;
  /** Bans the account and ends its sessions; false when it already was banned. */
  ban(id: number, nowIso: string): Promise<boolean>;
};

export type PasswordHasher = {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
};

export function createArgon2Hasher({ memoryKib, timeCost }: { memoryKib: number; timeCost: number }): PasswordHasher {
  return {
    hash: (password) =>
      argon2.hash(password, { type: argon2.argon2id, memoryCost: memoryKib, timeCost, parallelism: 1 }),
    verify: (hash, password) => argon2.verify(hash, password).catch(() => false),
  };
}

export function createAccountsService({
  db,
  clock,
  hasher,
  sessionDays,
}: {
  db: Database;
  clock: Clock;
  hasher: PasswordHasher;
  sessionDays: number;
}) {
  const repo = createAccountsRepository(db);
  // Verifying against a throw-away hash when the contact is unknown keeps both answers equally slow,
  // so response times do not tell which contacts are registered.
  let dummyHash: Promise<string> | undefined;

  async function newPseudonym(): Promise<string> {
    for (;;) {
      const candidate = pseudonymFromBytes(crypto.randomBytes(8));
      if (!(await repo.pseudonymTaken(candidate))) return candidate;
    }
  }

  async function newStaffPseudonym(on: AccountsRepository = repo): Promise<string> {
    for (;;) {
      const candidate = staffPseudonymFromBytes(crypto.randomBytes(8));
      if (!(await on.staffPseudonymTaken(candidate))) return candidate;
    }
  }

  async function startSession(userId: number): Promise<NewSession> {
    const token = crypto.randomBytes(32).toString('base64url');
    const now = clock.now();
    const expiresAt = expiryFrom(now, sessionDays);
    await repo.deleteExpiredSessions(now.toISOString());
    await repo.insertSession(sha256Hex(token), userId, now.toISOString(), expiresAt.toISOString());
    return { token, expiresAt };
  }

  return {
    async register(body: RegisterBody): Promise<{ user: PublicUser; session: NewSession }> {
      const contact = contactOrThrow(body.contact);
      if (await repo.findUserByContact(contact.value)) throw accountErrors.contactTaken();
      const passwordHash = await hasher.hash(body.password);
      const row = {
        name: body.name,
        contact: contact.value,
        contact_kind: contact.kind,
        password_hash: passwordHash,
        pseudonym: await newPseudonym(),
        created_at: clock.now().toISOString(),
      };
      const id = await repo.insertUser(row).catch((err: unknown) => {
        // Two sign-ups with the same contact at once: the unique index decides.
        if (String((err as Error).message).includes('UNIQUE constraint failed: users.contact'))
          throw accountErrors.contactTaken();
        throw err;
      });
      return {
        user: toPublicUser({ ...row, id, role: 'witness', staff_pseudonym: null, banned_at: null }),
        session: await startSession(id),
      };
    },

    async login(body: LoginBody): Promise<{ user: PublicUser; session: NewSession }> {
      const contact = normalizeContact(body.contact);
      const user = contact ? await repo.findUserByContact(contact.value) : undefined;
      if (!user) {
        dummyHash ??= hasher.hash(crypto.randomBytes(16).toString('hex'));
        await hasher.verify(await dummyHash, body.password);
        throw accountErrors.wrongCredentials();
      }
      if (!(await hasher.verify(user.password_hash, body.password))) throw accountErrors.wrongCredentials();
      if (user.banned_at) throw accountErrors.banned();
      return { user: toPublicUser(user), session: await startSession(user.id) };
    },

    async logout(token: string): Promise<void> {
      await repo.deleteSession(sha256Hex(token));
    },

    /** The user behind a session cookie, sliding the expiry forward; null when unknown, expired or banned. */
    async resolveSession(token: string): Promise<{ user: SessionUser; expiresAt: Date; extended: boolean } | null> {
      const hash = sha256Hex(token);
      const session = await repo.findSession(hash);
      const now = clock.now();
      if (!session || new Date(session.expires_at) <= now) return null;
      const user = await repo.findUserById(session.user_id);
      if (!user || user.banned_at) return null;
      const slid = slidExpiry(new Date(session.expires_at), now, sessionDays);
      if (slid) await repo.extendSession(hash, slid.toISOString());
      return { user: toSessionUser(user), expiresAt: slid ?? new Date(session.expires_at), extended: slid !== null };
    },

    async getUser(id: number): Promise<PublicUser> {
      const user = await repo.findUserById(id);
      if (!user) throw errors.loginRequired();
      return toPublicUser(user);
    },

    /** Admin hooks (moderation module, create-admin script). */
    findUser: (id: number) => findUserOn(repo, id),
    async findUserByContact(contact: string): Promise<PublicUser | null> {
      const user = await repo.findUserByContact(contact);
      return user ? toPublicUser(user) : null;
    },
    /** Accounts inside the caller's transaction `tx` (a unit of work's part: db/unit-of-work.ts). */
    inTransaction(tx: Database): AccountsInTransaction {
      const onTx = createAccountsRepository(tx);
      return {
        findUser: (id) => findUserOn(onTx, id),
        async setRole(id, role) {
          const result = await onTx.updateRole(id, role, await newStaffPseudonym(onTx));
          if (result === 'last-admin') throw accountErrors.lastAdmin();
          return result === 'no-user' ? null : result;
        },
        ban: (id, nowIso) => onTx.banUser(tx, id, nowIso),
      };
    },
    /** An account made from the command line: no session is started. `contact-taken` when it exists. */
    async createAccount(body: RegisterBody, role: Role): Promise<PublicUser> {
      const contact = contactOrThrow(body.contact);
      if (await repo.findUserByContact(contact.value)) throw accountErrors.contactTaken();
      const row = {
        name: body.name,
        contact: contact.value,
        contact_kind: contact.kind,
        password_hash: await hasher.hash(body.password),
        pseudonym: await newPseudonym(),
        created_at: clock.now().toISOString(),
      };
      const staffCandidate = role === 'witness' ? null : await newStaffPseudonym();
      // The account and its role commit together: no half-made admin is left by a crash in between.
      const { id, staffPseudonym } = await db.transaction(async (tx) => {
        const onTx = createAccountsRepository(tx);
        const id = await onTx.insertUser(row);
        if (!staffCandidate) return { id, staffPseudonym: null };
        const changed = await onTx.updateRole(id, role, staffCandidate);
        // A new account is made staff, nobody loses a role: neither refusal can happen here.
        if (typeof changed === 'string') throw new Error(`giving the new account ${id} the role ${role}: ${changed}`);
        return { id, staffPseudonym: changed.staffPseudonym };
      });
      return toPublicUser({ ...row, id, role, staff_pseudonym: staffPseudonym, banned_at: null });
    },

    /** Public pseudonyms of users, for lists the public sees. */
    async pseudonymsOf(ids: readonly number[]): Promise<Map<number, string>> {
      const rows = await repo.listUsers([...new Set(ids)]);
      return new Map(rows.map((r) => [r.id, r.pseudonym]));
    },
  };
}

async function findUserOn(
  repo: AccountsRepository,
  id: number,
): Promise<(PublicUser & { bannedAt: string | null }) | null> {
  const user = Number.isSafeInteger(id) ? await repo.findUserById(id) : undefined;
  return user ? { ...toPublicUser(user), bannedAt: user.banned_at } : null;
}

function contactOrThrow(raw: string) {
  const checked = checkContact(raw);
  if (!checked.ok) throw accountErrors.invalidContact(raw, checked.problem);
  return checked.contact;
}

function toPublicUser(u: UserRow): PublicUser {
  return {
    id: u.id,
    name: u.name,
    contact: u.contact,
    role: u.role,
    pseudonym: u.pseudonym,
    staffPseudonym: u.staff_pseudonym,
    createdAt: u.created_at,
  };
}

function toSessionUser(u: UserRow): SessionUser {
  return { id: u.id, name: u.name, role: u.role, pseudonym: u.pseudonym };
}

export type AccountsService = ReturnType<typeof createAccountsService>;
