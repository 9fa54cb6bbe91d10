import { loadConfigOrExit, type Config } from '../server/src/config.ts';
import { openDatabase, type Database } from '../server/src/db/database.ts';
import { migrate } from '../server/src/db/migrate.ts';

/** Config and a migrated database for command-line scripts; a bad setting ends the script with its message. */
export async function openConfiguredDatabase(): Promise<{ config: Config; db: Database }> {
  const config = loadConfigOrExit();
  const db = await openDatabase(config.databaseFile);
  await migrate(db);
  return { config, db };
}
