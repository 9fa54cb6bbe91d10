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
    /** `on`: the transaction the account is made in, when more than this row must commit with it. */
    async insertUser(u: NewUser, on: Database = db): Promise<number> {
      const { lastID } = await on.run(
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
    /** Sets the role; an account without a staff pseudonym gets `staffPseudonym`. Answers the one it has. */
    async updateRole(tx: Database, id: number, role: Role, staffPseudonym: string): Promise<string | null> {
      await tx.run('UPDATE users SET role = ?, staff_pseudonym = COALESCE(staff_pseudonym, ?) WHERE id = ?', [role, staffPseudonym, id]);
      const row = await tx.get<{ staff_pseudonym: string }>('SELECT staff_pseudonym FROM users WHERE id = ?', [id]);
      return row?.staff_pseudonym ?? null;
    },
    staffPseudonymTaken(pseudonym: string): Promise<boolean> {
      return db.get('SELECT 1 AS x FROM users WHERE staff_pseudonym = ?', [pseudonym]).then(Boolean);
    },
    /** Sets banned_at (once) and ends every session of the user. */
    async banUser(tx: Database, id: number, nowIso: string): Promise<boolean> {
      const { changes } = await tx.run('UPDATE users SET banned_at = ? WHERE id = ? AND banned_at IS NULL', [nowIso, id]);
      await tx.run('DELETE FROM sessions WHERE user_id = ?', [id]);
      return changes === 1;
    },
  };
}

export type AccountsRepository = ReturnType<typeof createAccountsRepository>;
