import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../../src/db/database.ts';
import { migrate } from '../../src/db/migrate.ts';
import { importRegistry } from '../../src/modules/regions/registry-import.service.ts';
import { writeTinyRegistry } from './temp-db.ts';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const MAIN = path.join(REPO_ROOT, 'packages/server/src/main.ts');

export type Exit = { code: number | null; signal: NodeJS.Signals | null };
/** What a server process did first: listen (on which port) or end. */
export type Start = { listening: number } | { exited: Exit };

export type ServerProcess = {
  child: ChildProcess;
  started: Promise<Start>;
  exited: Promise<Exit>;
  stderr(): string;
  kill(signal: NodeJS.Signals): Promise<Exit>;
};

/**
 * `node --import tsx packages/server/src/main.ts` as `npm start` runs it, with its settings in `env` (DATA_DIR,
 * PORT...). One reader process and no demo data keep it light. `started` settles on the first event:
 * the "listening" log line or the process's exit.
 */
export function startServer(env: Record<string, string>): ServerProcess {
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    HOST: '127.0.0.1',
    LOAD_DEMO_DATA: 'false',
    READER_CONCURRENCY: '1',
    LOG_LEVEL: 'info',
    ...env,
  };
  delete childEnv.NODE_TEST_CONTEXT; // set by the test runner; the server is not a test file
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    cwd: REPO_ROOT,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  const exited = once(child, 'exit').then(([code, signal]) => ({ code, signal }) as Exit);
  const started = new Promise<Start>((resolve) => {
    let pending = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        const url = listeningUrl(line);
        if (url) resolve({ listening: Number(new URL(url).port) });
      }
    });
    void exited.then((exit) => resolve({ exited: exit }));
  });
  child.stdout!.resume();
  return {
    child,
    started,
    exited,
    stderr: () => err,
    kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

function listeningUrl(line: string): string | undefined {
  try {
    const entry = JSON.parse(line) as { msg?: string; url?: string };
    return entry.msg === 'Cocok portal listening' ? entry.url : undefined;
  } catch {
    return undefined;
  }
}

/** A data directory whose database is migrated and holds the tiny registry, so start-up skips the real one. */
export async function seedDataDir(dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'cocok.sqlite');
  const db = await openDatabase(file);
  try {
    await migrate(db);
    await importRegistry(db, writeTinyRegistry(dataDir));
  } finally {
    await db.close();
  }
  return file;
}
