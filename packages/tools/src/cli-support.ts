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

/**
 * The value after `--name` on the command line, or undefined when the flag is absent, last, followed by
 * another flag, or given an empty value: the caller's default applies then (so `--db --seconds 5` does
 * not open a database file called "--seconds", and `--seconds ''` is not 0 seconds).
 */
export function arg(name: string, argv: readonly string[] = process.argv): string | undefined {
  const i = argv.indexOf(name);
  const value = i > 0 ? argv[i + 1] : undefined;
  return value === undefined || value === '' || value.startsWith('--') ? undefined : value;
}
