import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ConfigError, loadConfig } from './config.ts';

test('config: defaults when nothing is set', () => {
  const c = loadConfig({});
  assert.equal(c.port, 8080);
  assert.equal(c.databaseFile, path.resolve('./data/cocok.sqlite'));
  assert.equal(c.loadDemoData, true);
});

test('config: values are read and converted', () => {
  const c = loadConfig({ PORT: '9000', DATA_DIR: '/tmp/x', LOAD_DEMO_DATA: 'false', LOG_LEVEL: 'warn' });
  assert.deepEqual([c.port, c.databaseFile, c.loadDemoData, c.logLevel], [9000, '/tmp/x/cocok.sqlite', false, 'warn']);
});

const bad: Record<string, string>[] = [{ PORT: 'eighty' }, { PORT: '70000' }, { LOAD_DEMO_DATA: 'maybe' }, { LOG_LEVEL: 'loud' }];
for (const env of bad) {
  test(`config: ${JSON.stringify(env)} stops start-up naming the key`, () => {
    assert.throws(() => loadConfig(env), (err: unknown) => err instanceof ConfigError && err.message.includes(Object.keys(env)[0]));
  });
}
