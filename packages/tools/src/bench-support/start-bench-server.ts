import fs from 'node:fs';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ServerStats } from './server-probes.ts';

const SERVER_SCRIPT = fileURLToPath(new URL('./bench-server.ts', import.meta.url));

/** `stats()` (started with `probes`): what the server measured inside itself (server-probes.ts) since the previous call, or since it started. */
export type BenchServer = { base: string; pid: number; stop(): Promise<void>; stats(): Promise<ServerStats> };

/** Starts `bench-server.ts` on the database file in a child process and resolves once it listens. */
export function startBenchServer(
  dbFile: string,
  opts: { cache?: boolean; probes?: boolean } = {},
): Promise<BenchServer> {
  const args = [
    '--import',
    'tsx',
    SERVER_SCRIPT,
    '--db',
    dbFile,
    ...(opts.cache === false ? ['--no-cache'] : []),
    ...(opts.probes ? ['--probes'] : []),
  ];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let out = '';
    child.once('exit', (code) => reject(new Error(`bench server exited with code ${code} before listening`)));
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const port = /listening (\d+)/.exec(out)?.[1];
      if (!port) return;
      child.stdout.removeAllListeners('data');
      let waiting: ((s: ServerStats) => void)[] = [];
      let rest = '';
      child.stdout.on('data', (more: Buffer) => {
        rest += more.toString();
        for (let nl = rest.indexOf('\n'); nl >= 0; nl = rest.indexOf('\n')) {
          const line = rest.slice(0, nl);
          rest = rest.slice(nl + 1);
          if (line.startsWith('stats ')) waiting.shift()?.(JSON.parse(line.slice(6)) as ServerStats);
        }
      });
      resolve({
        base: `http://127.0.0.1:${port}`,
        pid: child.pid!,
        stop: () => {
          child.kill('SIGTERM');
          return exited;
        },
        stats: () =>
          new Promise((answer, refuse) => {
            // Without probes the server has no SIGUSR2 handler, and the signal would end it.
            if (!opts.probes) return refuse(new Error('the bench server was started without probes'));
            waiting = [...waiting, answer];
            child.kill('SIGUSR2');
          }),
      });
    });
  });
}

/** Resident memory of a process in bytes (Linux /proc), for the server's memory during a download. */
export function residentBytes(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return kb ? Number(kb) * 1024 : 0;
}

/** CPU time (user + system) a process has used so far, in seconds (Linux /proc; clock ticks of 1/100 s). */
export function cpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}
