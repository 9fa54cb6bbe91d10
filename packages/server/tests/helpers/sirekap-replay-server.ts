/**
 * A local stand-in for KPU's public Sirekap hosts (a test helper, not product): real HTTP on 127.0.0.1
 * serving the shipped documents at KPU's paths (region lists under /wilayah, per-TPS documents and
 * region aggregates under /pemilu/hhcw), page images under /formc (the documents' image URLs are
 * rewritten to it), strong ETags with If-None-Match, and a fault plan switchable per path.
 * Every request is recorded and announced ('request' event), so tests wait for events, never for time.
 */
import crypto from 'node:crypto';
import { EventEmitter, once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { KPU_PHOTO_HOST, type ReplayData } from './sirekap-replay-data.ts';

export type Fault =
  | { kind: 'slow'; ms: number }
  | { kind: 'status'; status: number; retryAfter?: string }
  | { kind: 'drop' } // the socket is destroyed before any answer
  | { kind: 'drop-mid-body' } // headers and half the promised body, then the socket is destroyed
  | { kind: 'truncate' } // a complete HTTP answer whose JSON stops half-way
  | { kind: 'html' } // an HTML error page with status 200 and a JSON content type
  | { kind: 'redirect-loop' };
/** A fault for the next `times` requests of a path (default: every request until cleared). */
export type FaultRule = Fault & { times?: number };

export type RequestRecord = {
  seq: number;
  path: string;
  status: number;
  conditional: boolean;
  bodyBytes: number;
  at: number;
};

export type ReplayServer = {
  url: string;
  requests: RequestRecord[];
  /** Paths in the order requests arrived (a slow answer is recorded in `requests` only once it is sent). */
  arrivals: string[];
  events: EventEmitter;
  fault(path: string, rule: FaultRule): void;
  clearFaults(): void;
  /** Replaces a TPS's document (KPU correcting it); the next request gets the new text and a new ETag. */
  setDocument(tps: string, text: string): void;
  /** The document as served now (image URLs rewritten to this server). */
  documentText(tps: string): string;
  /** New bytes under the same image URL (KPU re-uploading without changing the name). */
  replaceImage(path: string): void;
  /** Bodies served (status 200) per path; 304s and faults do not count. */
  bodiesServed(path: string): number;
  close(): Promise<void>;
};

// KPU's URL scheme written out here on purpose, not imported from official-sync.logic.ts: the replay server is
// the test's oracle, so a wrong path in the follower fails the tests instead of agreeing with itself.
export const documentPath = (tps: string) => `/pemilu/hhcw/ppwp/${segments(tps)}.json`;
export const regionListPath = (code: string) => `/wilayah/pemilu/ppwp/${code === '0' ? '0' : segments(code)}.json`;
export const aggregatePath = (code: string) =>
  code === '0' ? '/pemilu/hhcw/ppwp.json' : `/pemilu/hhcw/ppwp/${segments(code)}.json`;

function segments(code: string): string {
  return [2, 4, 6, 10, 13]
    .filter((n) => n <= code.length)
    .map((n) => code.slice(0, n))
    .join('/');
}

const HTML_ERROR =
  '<!DOCTYPE html><html><head><title>503 Service Temporarily Unavailable</title></head><body><center><h1>503 Service Temporarily Unavailable</h1></center><hr><center>nginx</center></body></html>';

export async function startReplayServer(data: ReplayData): Promise<ReplayServer> {
  const documents = new Map(data.documents);
  const imageVersions = new Map<string, number>();
  const imageCache = new Map<string, Buffer>();
  const faults = new Map<string, FaultRule>();
  const requests: RequestRecord[] = [];
  const arrivals: string[] = [];
  const events = new EventEmitter();
  let base = '';

  const routes = new Map<string, () => string>();
  for (const region of data.regions.values()) {
    if (region.code.length === 13) {
      routes.set(documentPath(region.code), () => rewriteImages(documents.get(region.code)!, base));
      continue;
    }
    routes.set(regionListPath(region.code), () =>
      JSON.stringify(
        region.children.map((c, i) => ({
          nama: data.regions.get(c)!.name,
          id: 100000 + i,
          kode: c,
          tingkat: c.length === 13 ? 5 : [2, 4, 6, 10].indexOf(c.length) + 1,
        })),
      ),
    );
    routes.set(aggregatePath(region.code), () => JSON.stringify(aggregateOf(region.code, data, documents)));
  }

  const record = (path: string, status: number, conditional: boolean, bodyBytes: number) => {
    const r = { seq: requests.length + 1, path, status, conditional, bodyBytes, at: performance.now() };
    requests.push(r);
    events.emit('request', r);
  };

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', base);
    const path = url.pathname;
    arrivals.push(path);
    const conditional = req.headers['if-none-match'] !== undefined;
    const rule = faults.get(path);
    if (rule) {
      if (rule.times !== undefined && --rule.times <= 0) faults.delete(path);
      if (rule.kind === 'slow') await new Promise((r) => setTimeout(r, rule.ms));
      else if (applyFault(rule, req, res, url, (status) => record(path, status, conditional, 0))) return;
    }
    let body: Buffer | null = null;
    let type = 'application/json';
    const route = routes.get(path);
    if (route) body = Buffer.from(route());
    else if (path.startsWith('/formc/')) {
      body = await imageBytes(path);
      type = 'image/jpeg';
    }
    if (!body) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"not found"}');
      return record(path, 404, conditional, 0);
    }
    if (rule?.kind === 'truncate' || rule?.kind === 'html' || rule?.kind === 'drop-mid-body')
      return damaged(rule.kind, body, res, () => record(path, 200, conditional, 0));
    const etag = `"${crypto.createHash('sha1').update(body).digest('hex')}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag }).end();
      return record(path, 304, conditional, 0);
    }
    res.writeHead(200, { 'content-type': type, 'content-length': body.length, etag }).end(body);
    record(path, 200, conditional, body.length);
  });

  async function imageBytes(path: string): Promise<Buffer | null> {
    const image = path.slice('/formc'.length);
    if (!isKnownImage(image)) return null;
    const key = `${image}#${imageVersions.get(path) ?? 0}`;
    if (!imageCache.has(key)) imageCache.set(key, await tinyJpeg(key));
    return imageCache.get(key)!;
  }

  function isKnownImage(image: string): boolean {
    return [...documents.values()].some((text) => text.includes(`${KPU_PHOTO_HOST}${image}`));
  }

  server.keepAliveTimeout = 60_000; // longer than any test: a socket closed by the server between requests would be a fault nobody planned
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: base,
    requests,
    arrivals,
    events,
    fault: (path, rule) => faults.set(path, { ...rule }),
    clearFaults: () => faults.clear(),
    setDocument: (tps, text) => void documents.set(tps, text),
    documentText: (tps) => rewriteImages(documents.get(tps)!, base),
    replaceImage: (path) => void imageVersions.set(path, (imageVersions.get(path) ?? 0) + 1),
    bodiesServed: (path) => requests.filter((r) => r.path === path && r.status === 200 && r.bodyBytes > 0).length,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Answers the request for the status, drop and redirect faults; false when the answer goes on (slow, damaged bodies). */
function applyFault(
  rule: Fault,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
  record: (status: number) => void,
): boolean {
  if (rule.kind === 'status') {
    res
      .writeHead(rule.status, {
        'content-type': 'application/json',
        ...(rule.retryAfter ? { 'retry-after': rule.retryAfter } : {}),
      })
      .end('{}');
    record(rule.status);
    return true;
  }
  if (rule.kind === 'drop') {
    req.socket.destroy();
    record(0);
    return true;
  }
  if (rule.kind === 'redirect-loop') {
    // Two URLs pointing at each other, as a misconfigured CDN does.
    const next = url.searchParams.has('hop') ? url.pathname : `${url.pathname}?hop=1`;
    res.writeHead(302, { location: next }).end();
    record(302);
    return true;
  }
  return false;
}

function damaged(
  kind: 'truncate' | 'html' | 'drop-mid-body',
  body: Buffer,
  res: http.ServerResponse,
  record: () => void,
): void {
  record();
  if (kind === 'html') {
    res.writeHead(200, { 'content-type': 'application/json' }).end(HTML_ERROR);
  } else if (kind === 'truncate') {
    const half = body.subarray(0, Math.floor(body.length / 2));
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': half.length }).end(half);
  } else {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
    res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.socket?.destroy());
  }
}

function rewriteImages(text: string, base: string): string {
  return text.replaceAll(KPU_PHOTO_HOST, `${base}/formc`);
}

/** KPU's aggregate of a region: candidate sums and progress over its TPS documents, a row per child. */
function aggregateOf(code: string, data: ReplayData, documents: Map<string, string>) {
  const under = (c: string) => [...documents.keys()].filter((t) => c === '0' || t.startsWith(c));
  const sum = (tpsCodes: string[]) => {
    const out: Record<string, number> = { '100025': 0, '100026': 0, '100027': 0 };
    let reported = 0;
    for (const t of tpsCodes) {
      const chart = JSON.parse(documents.get(t)!).chart as Record<string, number | null> | null;
      if (!chart) continue;
      reported += 1;
      for (const k of Object.keys(out)) out[k] += chart[k] ?? 0;
    }
    return {
      votes: out,
      persen: tpsCodes.length ? Math.round((reported / tpsCodes.length) * 10000) / 100 : 0,
      reported,
    };
  };
  const all = under(code);
  const total = sum(all);
  const table = Object.fromEntries(
    data.regions.get(code)!.children.map((child) => {
      const s = sum(under(child));
      return [child, { psu: 'Reguler', ...s.votes, persen: s.persen, status_progress: s.reported > 0 }];
    }),
  );
  const ts =
    all
      .map((t) => JSON.parse(documents.get(t)!).ts as string)
      .sort()
      .at(-1) ?? null;
  return {
    ts,
    psu: 'Reguler',
    mode: 'hhcw',
    chart: { ...total.votes, persen: total.persen },
    table,
    progres: { total: all.length, progres: total.reported },
  };
}

/** An 8 x 8 JPEG whose pixels come from the key: different keys give different bytes, the same key the same. */
async function tinyJpeg(key: string): Promise<Buffer> {
  const seed = crypto.createHash('sha512').update(key).digest();
  const pixels = Buffer.alloc(8 * 8 * 3);
  for (let i = 0; i < pixels.length; i++) pixels[i] = seed[i % seed.length] ^ (i * 7);
  return sharp(pixels, { raw: { width: 8, height: 8, channels: 3 } })
    .jpeg({ quality: 90 })
    .toBuffer();
}
