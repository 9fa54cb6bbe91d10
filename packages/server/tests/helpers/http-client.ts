import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Express } from 'express';

/** An app listening on a loopback port of its own, for tests that need real sockets and real concurrency. */
export async function listenOnLoopback(app: Express): Promise<{ baseUrl: string; close(): Promise<void> }> {
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(0, '127.0.0.1', (err?: Error) => (err ? reject(err) : resolve(s)));
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// Tests read answers of every route, like supertest's `body: any`; each test asserts the fields it needs.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Answer = { status: number; body: any };

/**
 * One browser's worth of HTTP: a cookie jar and the CSRF token, over fetch. Each client is a person; many
 * clients at once are many people.
 */
export class HttpClient {
  private cookies = new Map<string, string>();
  csrf = '';

  constructor(private readonly baseUrl: string) {}

  async request(method: string, path: string, body?: unknown): Promise<Answer> {
    const headers: Record<string, string> = { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET') headers['x-csrf-token'] = this.csrf;
    const res = await fetch(this.baseUrl + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      const value = pair.slice(at + 1);
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(pair.slice(0, at));
      else this.cookies.set(pair.slice(0, at), value);
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: the raw text is the body
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see Answer
    const answer = { status: res.status, body: parsed as any };
    if (answer.body && typeof answer.body === 'object' && typeof answer.body.csrfToken === 'string')
      this.csrf = answer.body.csrfToken;
    return answer;
  }

  get(path: string): Promise<Answer> {
    return this.request('GET', path);
  }

  post(path: string, body: unknown = {}): Promise<Answer> {
    return this.request('POST', path, body);
  }
}

/** A seeded PRNG (the seed generator's mulberry32), so a concurrency test interleaves the same way on every run. */
export { rng as seededRandom } from '@cocok/testing';

/** Runs `tasks` with at most `width` at once, in order of the array. */
export async function runWithWidth<T>(tasks: (() => Promise<T>)[], width: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(width, tasks.length) }, async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]();
    }
  });
  await Promise.all(lanes);
  return results;
}
