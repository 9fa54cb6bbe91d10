import fs from 'node:fs';
import path from 'node:path';
import { openConnection } from './database.ts';

/**
 * One server per data directory. Two servers on the same database would each run a reading queue, and
 * the second one's start-up puts the first one's running jobs back in the queue: photos read twice,
 * healthy photos ending "interrupted 3 times". So the server takes this lock before it touches
 * anything (migrations, the queue's recovery) and holds it for its lifetime.
 *
 * The lock is SQLite's own: a small database `<database file>.lock` on which a connection holds
 * `BEGIN EXCLUSIVE` in exclusive locking mode. The OS drops that file lock when the process ends in
 * any way (exit, crash, `kill -9`), so there is no stale lock file to clean up, unlike a pid file. It is
 * a separate file so command-line scripts that open the database itself while the server runs
 * (`npm run import-official`, packages/tools/src/cli-support.ts) are not blocked: they never take this lock.
 */
export type InstanceLock = {
  readonly file: string;
  release(): Promise<void>;
};

export class InstanceLockedError extends Error {
  readonly code = 'instance-running';
  constructor(
    readonly dataDir: string,
    readonly lockFile: string,
  ) {
    super(
      `Cocok is already running on this data directory (${dataDir}): another process holds ${lockFile}. Stop it first, or give this one another DATA_DIR.`,
    );
    this.name = 'InstanceLockedError';
  }
}

export function instanceLockFile(databaseFile: string): string {
  return `${databaseFile}.lock`;
}

/** Takes the lock for `databaseFile` or throws InstanceLockedError at once (no waiting) if another process holds it. */
export async function acquireInstanceLock(databaseFile: string): Promise<InstanceLock> {
  const file = instanceLockFile(databaseFile);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const lock = await openConnection(file);
  try {
    // No busy wait (busy_timeout 0): a held lock answers SQLITE_BUSY at once, so a second server stops
    // instead of hanging. No journal file: nothing is ever written, the file only carries the lock.
    await lock.exec(
      'PRAGMA busy_timeout = 0; PRAGMA journal_mode = MEMORY; PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;',
    );
  } catch (err) {
    await lock.close().catch(() => undefined);
    if ((err as { code?: string }).code === 'SQLITE_BUSY')
      throw new InstanceLockedError(path.dirname(databaseFile), file);
    throw err;
  }
  let released = false;
  return {
    file,
    async release() {
      if (released) return;
      released = true;
      await lock.close();
    },
  };
}
