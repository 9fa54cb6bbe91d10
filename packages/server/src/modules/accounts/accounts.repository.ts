import type { Database } from '../../db/database.ts';
import type { Role } from './accounts.logic.ts';

export type UserRow = {
  id: number;
  name: string;
  contact: string;
  contact_kind: 'phone' | 'email';
  password_hash: string;
  role: Role;
  pseudonym: string;
  /** Set the first time the account is given a role (migration 0008); null for witnesses. */
  staff_pseudonym: string | null;
  created_at: string;
  banned_at: string | null;
};

export type NewUser = Pick<UserRow, 'name' | 'contact' | 'contact_kind' | 'password_hash' | 'pseudonym' | 'created_at'>;

export function createAccountsRepository(db: Database) {
  return {
    findUserByContact(contact: string): Promise<UserRow | undefined> {
      return db.get('SELECT * FROM users WHERE contact = ?', [contact]);
    },
    findUserById(id: number): Promise<UserRow | undefined> {
      return db.get('SELECT * FROM users WHERE id = ?', [id]);
    },
    listUsers(ids: readonly number[]): Promise<Pick<UserRow, 'id' | 'pseudonym'>[]> {
      if (ids.length === 0) return Promise.resolve([]);
      return db.all(`SELECT id, pseudonym FROM users WHERE id IN (${ids.map(() => '?').join(',')})`, ids);
    },
    pseudonymTaken(pseudonym: string): Promise<boolean> {
      return db.get('SELECT 1 AS x FROM users WHERE pseudonym = ?', [pseudonym]).then(Boolean);
    },
    async insertUser(u: NewUser): Promise<number> {
      const { lastID } = await db.run(
        'INSERT INTO users (name, contact, contact_kind, password_hash, pseudonym, created_at) VALUES (?, ?, ?, ?, ?, ?)',
        [u.name, u.contact, u.contact_kind, u.password_hash, u.pseudonym, u.created_at],
      );
      return lastID;
    },
    async insertSession(tokenHash: string, userId: number, createdAt: string, expiresAt: string): Promise<void> {
      await db.run('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)', [
        tokenHash,
        userId,
        createdAt,
        expiresAt,
      ]);
    },
    findSession(tokenHash: string): Promise<{ user_id: number; expires_at: string } | undefined> {
      return db.get('SELECT user_id, expires_at FROM sessions WHERE token_hash = ?', [tokenHash]);
    },
    async extendSession(tokenHash: string, expiresAt: string): Promise<void> {
      await db.run('UPDATE sessions SET expires_at = ? WHERE token_hash = ?', [expiresAt, tokenHash]);
    },
    async deleteSession(tokenHash: string): Promise<void> {
      await db.run('DELETE FROM sessions WHERE token_hash = ?', [tokenHash]);
    },
    async deleteExpiredSessions(nowIso: string): Promise<void> {
      await db.run('DELETE FROM sessions WHERE expires_at <= ?', [nowIso]);
    },
    /**
     * Sets the role; an account without a staff pseudonym gets `staffPseudonym`. Answers the pseudonym it
     * has and the role it had; 'no-user' when there is no such account; 'last-admin' (nothing changed)
     * when this would take the admin role from the last admin who is not banned.
     *
     * Run it inside a transaction. The last-admin check is a condition of the UPDATE itself, so it is
     * decided by the same statement that writes: SQLite has one writer at a time, so of two admins
     * demoting each other at once the second sees the first's change and is refused. On PostgreSQL
     * (READ COMMITTED) the EXISTS would read a snapshot in which both are still admins: there, lock the
     * admin rows first (`SELECT id FROM users WHERE role = 'admin' FOR UPDATE`) or run SERIALIZABLE.
     */
    async updateRole(
      id: number,
      role: Role,
      staffPseudonym: string,
    ): Promise<{ staffPseudonym: string | null; previousRole: Role } | 'no-user' | 'last-admin'> {
      const before = await db.get<{ role: Role }>('SELECT role FROM users WHERE id = ?', [id]);
      if (!before) return 'no-user';
      const { changes } = await db.run(
        `UPDATE users SET role = ?, staff_pseudonym = COALESCE(staff_pseudonym, ?)
          WHERE id = ?
            AND (? = 'admin' OR role <> 'admin'
                 OR EXISTS (SELECT 1 FROM users AS other WHERE other.role = 'admin' AND other.banned_at IS NULL AND other.id <> users.id))`,
        [role, staffPseudonym, id, role],
      );
      if (changes === 0) return 'last-admin';
      const row = await db.get<{ staff_pseudonym: string | null }>('SELECT staff_pseudonym FROM users WHERE id = ?', [
        id,
      ]);
      return { staffPseudonym: row?.staff_pseudonym ?? null, previousRole: before.role };
    },
    staffPseudonymTaken(pseudonym: string): Promise<boolean> {
      return db.get('SELECT 1 AS x FROM users WHERE staff_pseudonym = ?', [pseudonym]).then(Boolean);
    },
    /** Sets banned_at (once) and ends every session of the user. */
    async banUser(tx: Database, id: number, nowIso: string): Promise<boolean> {
      const { changes } = await tx.run('UPDATE users SET banned_at = ? WHERE id = ? AND banned_at IS NULL', [
        nowIso,
        id,
      ]);
      await tx.run('DELETE FROM sessions WHERE user_id = ?', [id]);
      return changes === 1;
    },
  };
}

export type AccountsRepository = ReturnType<typeof createAccountsRepository>;
