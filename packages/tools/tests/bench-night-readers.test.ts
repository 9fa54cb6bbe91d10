import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { crowdTpsOf, httpClient, readPages } from '../src/bench-support/night-load.ts';

/** A server that answers as the portal will with HTTP caching: an ETag per answer, 304 to a matching If-None-Match. */
async function revalidatingServer(): Promise<{
  base: string;
  seen: { path: string; inm: string | undefined }[];
  close(): Promise<void>;
}> {
  const seen: { path: string; inm: string | undefined }[] = [];
  const server = http.createServer((req, res) => {
    const path = req.url ?? '';
    const inm = req.headers['if-none-match'];
    seen.push({ path, inm });
    const etag = `"v1-${path.length}"`;
    if (inm === etag) return void res.writeHead(304, { etag }).end();
    // The nation's count comes last, after its provinces' (as in the real answer).
    const body =
      path === '/api/regions'
        ? '{"children":[{"comparison":{"crowdTps":3}}],"comparison":{"crowdTps":41}}'
        : '{"ok":true}';
    res.writeHead(200, { etag, 'content-type': 'application/json' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

test('readers revalidate with the ETag they were given, count 304 as success and keep what the cached answer said', async () => {
  const server = await revalidatingServer();
  const client = httpClient(server.base, 2);
  try {
    const run = await readPages(
      client,
      2,
      ['/api/regions/11', '/api/regions/1101'],
      ['/api/tps/1101012001001'],
      () => server.seen.length >= 60,
    );
    assert.equal(run.tallies.national.errors + run.tallies.region.errors + run.tallies.tps.errors, 0);
    assert.equal(run.tallies.national.count(200), 2, 'each browser fetched the national page once');
    assert.ok(
      run.tallies.national.count(304) >= 8,
      `then revalidated it: ${run.tallies.national.count(304)} times 304`,
    );
    assert.ok(run.tallies.tps.count(304) > 0);
    assert.ok(run.national.length >= 10);
    assert.ok(
      run.national.every((n) => n.crowdTps === 41),
      'a 304 stands for the answer the browser holds',
    );
    // Each browser asks for a path without a validator once, and with the ETag it was given after that.
    for (const path of new Set(server.seen.map((s) => s.path))) {
      const asks = server.seen.filter((s) => s.path === path);
      assert.ok(
        asks.filter((s) => s.inm === undefined).length <= 2,
        `${path}: at most one unconditional request per browser`,
      );
      assert.ok(
        asks.every((s) => s.inm === undefined || s.inm === `"v1-${path.length}"`),
        `${path}: the validator is the ETag`,
      );
    }
  } finally {
    client.close();
    await server.close();
  }
});

test("crowdTpsOf reads the nation's own count, not a province's", () => {
  assert.equal(
    crowdTpsOf(Buffer.from('{"children":[{"comparison":{"crowdTps":3}}],"comparison":{"crowdTps":41}}')),
    41,
  );
  assert.equal(crowdTpsOf(Buffer.from('{"comparison":{"crowdTps":642274,"comparedTps":1}}')), 642274);
  assert.ok(Number.isNaN(crowdTpsOf(Buffer.from('{"error":{"code":"internal"}}'))));
});
