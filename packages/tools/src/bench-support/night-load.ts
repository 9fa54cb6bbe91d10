/**
 * The load of `npm run bench:night`, over plain node:http with keep-alive (autocannon counts a 304 as non-2xx,
 * and fetch costs the load generator, which shares the machine's cores with the server, more CPU per request):
 * writes offered at a fixed rate (open loop), browser-like readers that revalidate with If-None-Match, and the
 * witness's view of their own write (confirm, then the pages of that TPS).
 */
import http from 'node:http';
import { openLoopStep } from './night.logic.ts';
import type { Moderator, ReadySubmission, Session } from './night-fixtures.ts';

export type Reply = { status: number; etag: string | undefined; body: Buffer };
export type HttpClient = {
  request(method: string, path: string, headers?: Record<string, string>, body?: unknown): Promise<Reply>;
  close(): void;
};

export function httpClient(base: string, sockets: number): HttpClient {
  const url = new URL(base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  return {
    request(method, path, headers = {}, body) {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const all =
        payload === undefined
          ? headers
          : { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) };
      return new Promise((resolve, reject) => {
        const req = http.request({ host: url.hostname, port: url.port, method, path, agent, headers: all }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, etag: res.headers.etag, body: Buffer.concat(chunks) }),
          );
          res.on('error', reject);
        });
        req.on('error', reject);
        req.end(payload);
      });
    },
    close: () => agent.destroy(),
  };
}

/** Outcome counts and timings of one kind of request. */
export class Tally {
  readonly ms: number[] = [];
  readonly statuses = new Map<number, number>();
  errors = 0;
  readonly samples: string[] = [];
  ok = 0;
  add(ms: number, status: number, good: boolean, body?: Buffer): void {
    this.ms.push(ms);
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
    if (good) this.ok++;
    else this.fail(`${status} ${body?.toString('utf8').slice(0, 160) ?? ''}`);
  }
  fail(what: string): void {
    this.errors++;
    if (this.samples.length < 5 && !this.samples.includes(what)) this.samples.push(what);
  }
  count(status: number): number {
    return this.statuses.get(status) ?? 0;
  }
}

/** `spanSeconds`: from the first send to the last answer (at least the offered window; more when answers lag). */
export type WriteRun = {
  tally: Tally;
  offered: number;
  skipped: number;
  seconds: number;
  spanSeconds: number;
  startLagMs: number[];
};

/**
 * `fire(k)` for k = 0 .. rate * seconds - 1, each at its time (open loop), at most `maxInFlight` outstanding.
 * Resolves once every request started has been answered.
 */
export async function openLoop(
  rate: number,
  seconds: number,
  maxInFlight: number,
  fire: (k: number) => Promise<{ status: number; good: boolean; body?: Buffer }>,
): Promise<WriteRun> {
  const total = Math.round(rate * seconds);
  const run: WriteRun = {
    tally: new Tally(),
    offered: total,
    skipped: 0,
    seconds,
    spanSeconds: seconds,
    startLagMs: [],
  };
  const t0 = performance.now();
  let started = 0;
  let inFlight = 0;
  const outstanding = new Set<Promise<void>>();
  while (started + run.skipped < total) {
    const elapsedMs = performance.now() - t0;
    const step = openLoopStep({ elapsedMs, rate, total, started: started + run.skipped, inFlight, maxInFlight });
    run.skipped += step.skip;
    for (let i = 0; i < step.start; i++) {
      const k = started++ + run.skipped;
      const sent = performance.now();
      run.startLagMs.push(Math.max(0, sent - t0 - (k * 1000) / rate));
      inFlight++;
      const p: Promise<void> = fire(k)
        .then((r) => run.tally.add(performance.now() - sent, r.status, r.good, r.body))
        .catch((err: Error) => run.tally.fail(err.message))
        .finally(() => {
          run.spanSeconds = Math.max(run.spanSeconds, (performance.now() - t0) / 1000);
          inFlight--;
          outstanding.delete(p);
        });
      outstanding.add(p);
    }
    await new Promise((r) => setTimeout(r, 2));
  }
  await Promise.all(outstanding);
  return run;
}

export type PageKind = 'national' | 'region' | 'tps';
export const PAGE_KINDS: readonly PageKind[] = ['national', 'region', 'tps'];
/** A national page seen: when it was asked for, and how many TPS it counts with crowd figures. */
export type NationalSeen = { sentAt: number; crowdTps: number };

/** The nation's own crowd count is the last `crowdTps` in its answer (its provinces' come first). */
export function crowdTpsOf(body: Buffer): number {
  const text = body.toString('latin1');
  const at = text.lastIndexOf('"crowdTps":');
  return at < 0 ? Number.NaN : parseInt(text.slice(at + 11, at + 24), 10);
}

export type ReadRun = { tallies: Record<PageKind, Tally>; national: NationalSeen[]; seconds: number };

/**
 * `clients` browsers, each asking for the national page, then a region page, then a TPS page, and again, until
 * `stop()` says so. Each remembers every path's ETag (and what that answer said) and revalidates with it.
 */
export async function readPages(
  client: HttpClient,
  clients: number,
  regionPaths: string[],
  tpsPaths: string[],
  stop: () => boolean,
): Promise<ReadRun> {
  const tallies = { national: new Tally(), region: new Tally(), tps: new Tally() };
  const national: NationalSeen[] = [];
  const t0 = performance.now();
  const browser = async (n: number) => {
    const cache = new Map<string, { etag: string; crowdTps: number }>();
    for (let i = n; !stop(); i += clients) {
      for (const [kind, path] of [
        ['national', '/api/regions'],
        ['region', regionPaths[i % regionPaths.length]],
        ['tps', tpsPaths[i % tpsPaths.length]],
      ] as const) {
        const known = cache.get(path);
        const sentAt = performance.now();
        try {
          const r = await client.request('GET', path, known ? { 'if-none-match': known.etag } : {});
          const good = r.status === 200 || (r.status === 304 && known !== undefined);
          tallies[kind].add(performance.now() - sentAt, r.status, good, r.body);
          const crowdTps =
            r.status === 304 ? (known?.crowdTps ?? Number.NaN) : kind === 'national' ? crowdTpsOf(r.body) : Number.NaN;
          if (r.status === 200 && r.etag) cache.set(path, { etag: r.etag, crowdTps });
          if (kind === 'national' && good) national.push({ sentAt, crowdTps });
        } catch (err) {
          tallies[kind].fail((err as Error).message);
        }
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, n) => browser(n)));
  return { tallies, national, seconds: (performance.now() - t0) / 1000 };
}

/** The pages a witness looks at after confirming: the TPS, its village, district, regency, province, the nation. */
export function pagesOfTps(code: string): [PageKind, string][] {
  return [
    ['tps', `/api/tps/${code}`],
    ...[10, 6, 4, 2].map((n): [PageKind, string] => ['region', `/api/regions/${code.slice(0, n)}`]),
    ['national', '/api/regions'],
  ];
}

const asUser = (s: Session) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf });

/** The witness confirms every field of the three pages (POST /api/submissions/:id/confirm, 200). */
export async function confirm(client: HttpClient, sub: ReadySubmission) {
  const r = await client.request('POST', `/api/submissions/${sub.id}/confirm`, asUser(sub.witness), {
    fields: sub.fields,
  });
  return { ...r, good: r.status === 200 };
}

/** Decision k of a moderator: set-verified on a TPS of its share, or every so often an escalation (201). */
export async function decide(client: HttpClient, mod: Moderator, k: number) {
  const escalating = k % 10 === 9;
  const tps = escalating ? mod.escalate[k % mod.escalate.length] : mod.verify[k % mod.verify.length];
  const body = escalating
    ? { kind: 'escalate', reason: 'bench: perlu keputusan admin' }
    : { kind: 'set-verified', figures: { suara_paslon_1: 100 + (k % 50) }, reason: 'bench: foto jelas' };
  const r = await client.request('POST', `/api/moderation/tps/${tps}/decisions`, asUser(mod), body);
  return { ...r, good: r.status === 201 };
}

export type OwnWriteRun = {
  confirms: Tally;
  tallies: Record<PageKind, Tally>;
  national: NationalSeen[];
  tpsWithoutIt: number;
};

/**
 * The uncached pages: each of `queues.length` witnesses confirms a submission, then at once asks for that
 * TPS's pages (no If-None-Match: the write has just changed them), and again with its next submission.
 * `onAck` hears when each confirm was answered. Counts TPS pages that did not yet show the witness's confirm.
 */
export async function afterOwnWrite(
  client: HttpClient,
  queues: ReadySubmission[][],
  onAck: (at: number) => void,
): Promise<OwnWriteRun> {
  const run: OwnWriteRun = {
    confirms: new Tally(),
    tallies: { national: new Tally(), region: new Tally(), tps: new Tally() },
    national: [],
    tpsWithoutIt: 0,
  };
  const witness = async (queue: ReadySubmission[]) => {
    for (const sub of queue) {
      const sent = performance.now();
      const c = await confirm(client, sub).catch((err: Error) => (run.confirms.fail(err.message), undefined));
      if (!c) continue;
      run.confirms.add(performance.now() - sent, c.status, c.good, c.body);
      if (c.good) onAck(performance.now());
      for (const [kind, path] of pagesOfTps(sub.tps)) {
        const sentAt = performance.now();
        try {
          const r = await client.request('GET', path);
          run.tallies[kind].add(performance.now() - sentAt, r.status, r.status === 200, r.body);
          if (kind === 'national' && r.status === 200) run.national.push({ sentAt, crowdTps: crowdTpsOf(r.body) });
          if (kind === 'tps' && !/"submissions":[1-9]/.test(r.body.toString('utf8'))) run.tpsWithoutIt++;
        } catch (err) {
          run.tallies[kind].fail((err as Error).message);
        }
      }
    }
  };
  await Promise.all(queues.map(witness));
  return run;
}
