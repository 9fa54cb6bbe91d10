import { loadConfigOrExit, type Config } from '@cocok/server';
import { openDatabase, type Database } from '@cocok/server';
import { migrate } from '@cocok/server';

/** Config and a migrated database for command-line scripts; a bad setting ends the script with its message. */
export async function openConfiguredDatabase(): Promise<{ config: Config; db: Database }> {
  const config = loadConfigOrExit();
  const db = await openDatabase(config.databaseFile);
  await migrate(db);
  return { config, db };
}
