import { test } from 'node:test';
import assert from 'node:assert/strict';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from './config.ts';
import { MAX_INPUT_PIXELS } from '@cocok/reader';

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

const bad: Record<string, string>[] = [
  { PORT: 'eighty' },
  { PORT: '70000' },
  { LOAD_DEMO_DATA: 'maybe' },
  { LOG_LEVEL: 'loud' },
];
for (const env of bad) {
  test(`config: ${JSON.stringify(env)} stops start-up naming the key`, () => {
    assert.throws(
      () => loadConfig(env),
      (err: unknown) => err instanceof ConfigError && err.message.includes(Object.keys(env)[0]),
    );
  });
}

test('config: upload, login and session settings have documented defaults', () => {
  const c = loadConfig({});
  assert.deepEqual(c.auth, {
    cookieSecure: 'auto',
    sessionDays: 30,
    loginLimitPerContact: 10,
    loginLimitPerIp: 30,
    loginLimitWindowMinutes: 15,
    signupsPerIpPerHour: 30,
    argon2MemoryKib: 19456,
    argon2TimeCost: 2,
  });
  assert.deepEqual(c.uploads, {
    maxFileBytes: 15 * 1024 * 1024,
    maxFiles: 6,
    maxPixels: 100_000_000,
    perHour: 20,
    pendingPerTps: 5,
  });
  assert.equal(c.readerConcurrency, os.availableParallelism());
  assert.equal(c.trustProxy, false);
  assert.equal(c.jsonLimitBytes, 100 * 1024);
});

test('config: upload, login and proxy settings are read and converted', () => {
  const c = loadConfig({
    COOKIE_SECURE: 'true',
    UPLOAD_MAX_FILE_MB: '2.5',
    UPLOAD_MAX_FILES: '3',
    UPLOAD_MAX_MEGAPIXELS: '50',
    UPLOADS_PER_HOUR: '7',
    TPS_PENDING_LIMIT: '2',
    READER_CONCURRENCY: '1',
    TRUST_PROXY: '1',
    LOGIN_LIMIT_PER_CONTACT: '4',
    ARGON2_MEMORY_KIB: '2048',
    SIGNUPS_PER_IP_PER_HOUR: '200',
  });
  assert.equal(c.auth.signupsPerIpPerHour, 200);
  assert.equal(c.auth.cookieSecure, 'always');
  assert.equal(c.auth.loginLimitPerContact, 4);
  assert.equal(c.auth.argon2MemoryKib, 2048);
  assert.deepEqual(c.uploads, {
    maxFileBytes: 2.5 * 1024 * 1024,
    maxFiles: 3,
    maxPixels: 50_000_000,
    perHour: 7,
    pendingPerTps: 2,
  });
  assert.equal(c.readerConcurrency, 1);
  assert.equal(c.trustProxy, 1);
  assert.equal(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy, 'loopback, 10.0.0.0/8');
  assert.equal(loadConfig({ COOKIE_SECURE: 'false' }).auth.cookieSecure, 'never');
});

const badUploads: Record<string, string>[] = [
  { COOKIE_SECURE: 'sometimes' },
  { UPLOAD_MAX_FILES: '0' },
  { UPLOAD_MAX_FILE_MB: 'big' },
  { READER_CONCURRENCY: '-2' },
  { ARGON2_MEMORY_KIB: '64' },
  { SESSION_DAYS: '0' },
  { TPS_PENDING_LIMIT: '1.5' },
  { SIGNUPS_PER_IP_PER_HOUR: '0' },
  { UPLOAD_MAX_MEGAPIXELS: '110' },
];
for (const env of badUploads) {
  test(`config: ${JSON.stringify(env)} stops start-up naming the key`, () => {
    assert.throws(
      () => loadConfig(env),
      (err: unknown) => err instanceof ConfigError && err.message.includes(Object.keys(env)[0]),
    );
  });
}

test("config: the upload pixel limit defaults to the reader's and may not exceed it (one limit)", () => {
  assert.equal(loadConfig({}).uploads.maxPixels, MAX_INPUT_PIXELS);
  assert.equal(
    loadConfig({ UPLOAD_MAX_MEGAPIXELS: String(MAX_INPUT_PIXELS / 1e6) }).uploads.maxPixels,
    MAX_INPUT_PIXELS,
  );
  assert.equal(loadConfig({ UPLOAD_MAX_MEGAPIXELS: '40' }).uploads.maxPixels, 40_000_000);
});
