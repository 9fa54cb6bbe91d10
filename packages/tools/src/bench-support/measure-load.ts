import autocannon from 'autocannon';

/** One load measurement: `connections` clients for `seconds`, each request to the next of `paths`. */
export type LoadRow = {
  name: string;
  target: number | null;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  pages: number;
};

/** Each page once before the clock runs, so every run starts from the same warm disk cache. */
async function warm(base: string, paths: string[]): Promise<void> {
  for (const p of new Set(paths)) await (await fetch(base + p)).arrayBuffer();
}

/** autocannon on loopback; percentiles from every response time (autocannon's own are bucketed). */
export async function measureLoad(
  base: string,
  name: string,
  paths: string[],
  target: number | null,
  { connections, seconds }: { connections: number; seconds: number },
): Promise<LoadRow> {
  await warm(base, paths);
  let i = 0;
  const times: number[] = [];
  let finish!: (r: autocannon.Result) => void;
  let fail!: (e: unknown) => void;
  const done = new Promise<autocannon.Result>((resolve, reject) => ((finish = resolve), (fail = reject)));
  const options = {
    url: base,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'GET' as const,
        setupRequest: (req: autocannon.Request) => ({ ...req, path: paths[i++ % paths.length] }),
      },
    ],
  };
  const instance = autocannon(options, (err, res) => (err ? fail(err) : finish(res)));
  instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
  const result = await done;
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${name}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  times.sort((a, b) => a - b);
  const pct = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
  return {
    name,
    target,
    rps: Math.round(result.requests.average),
    p50: pct(0.5),
    p95: pct(0.95),
    p99: pct(0.99),
    pages: new Set(paths).size,
  };
}

/** The Markdown table both load benchmarks print. */
export function loadTable(heading: string, rows: readonly LoadRow[]): string {
  const lines = [
    `| ${heading} | pages | req/s | p50 ms | p95 ms | p99 ms | target p95 |`,
    '|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    const verdict = r.target === null ? '-' : `${r.p95 <= r.target ? 'met' : 'MISSED'} (<= ${r.target} ms)`;
    lines.push(
      `| ${r.name} | ${r.pages} | ${r.rps} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${verdict} |`,
    );
  }
  return lines.join('\n');
}
