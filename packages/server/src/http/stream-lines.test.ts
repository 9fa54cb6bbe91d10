import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { streamLines } from './stream-lines.ts';

/** A real writable with a 16-byte buffer whose consumer takes each chunk on a later turn: a slow client. */
function slowClient() {
  const received: string[] = [];
  const sink = new Writable({
    highWaterMark: 16,
    decodeStrings: false,
    write(chunk: string, _enc, done) {
      received.push(chunk);
      setImmediate(done);
    },
  });
  return { sink, received };
}

async function* numbered(n: number): AsyncGenerator<string> {
  for (let i = 0; i < n; i++) yield `line ${i}\n`;
}

test('streamLines: every line arrives in order between first and last, waiting for a slow client', async () => {
  const { sink, received } = slowClient();
  const finished = new Promise((resolve) => sink.on('finish', resolve));
  await streamLines(sink, 'first\n', numbered(200), 'last\n');
  await finished;
  assert.equal(received.join(''), `first\n${Array.from({ length: 200 }, (_, i) => `line ${i}\n`).join('')}last\n`);
});

test('streamLines: waiting for drain 200 times leaves no drain or close listeners behind', async () => {
  const { sink } = slowClient();
  const before = [sink.listenerCount('drain'), sink.listenerCount('close')];
  const warnings: Error[] = [];
  const onWarning = (w: Error) => warnings.push(w);
  process.on('warning', onWarning);
  await streamLines(sink, '', numbered(200), '');
  await new Promise((resolve) => setImmediate(resolve));
  process.off('warning', onWarning);
  assert.deepEqual([sink.listenerCount('drain'), sink.listenerCount('close')], before);
  assert.deepEqual(
    warnings.filter((w) => w.name === 'MaxListenersExceededWarning'),
    [],
  );
});

test('streamLines: a client that goes away stops the reads (the lines are closed)', async () => {
  const { sink } = slowClient();
  sink.on('error', () => {});
  let read = 0;
  let closed = false;
  async function* lines(): AsyncGenerator<string> {
    try {
      for (;;) {
        read += 1;
        if (read === 5) sink.destroy();
        yield `line ${read}\n`;
      }
    } finally {
      closed = true;
    }
  }
  await streamLines(sink, '', lines(), '');
  assert.equal(closed, true);
  assert.ok(read <= 6, `stopped reading after the client left (read ${read})`);
});

test('streamLines: a failure mid-stream cuts the download and is thrown on for the error handler to log', async () => {
  const { sink, received } = slowClient();
  const destroyedWith = new Promise<Error>((resolve) => sink.on('error', resolve));
  async function* failing(): AsyncGenerator<string> {
    yield 'row 1\n';
    throw new Error('database is locked');
  }
  await assert.rejects(streamLines(sink, 'header\n', failing(), 'end\n'), /database is locked/);
  assert.equal(sink.destroyed, true);
  assert.match((await destroyedWith).message, /database is locked/);
  assert.ok(!received.join('').includes('end'), 'the closing text never follows a failure');
});
