import path from 'node:path';
import request from 'supertest';
import type { Express } from 'express';
import { createApp, readingQueueOf, type AppSettingsOverrides } from '../../src/app.ts';
import { silentLogger } from '../../src/core/logger.ts';
import type { Clock } from '../../src/core/clock.ts';
import type { Database } from '../../src/db/database.ts';
import { importRegistry } from '../../src/modules/regions/registry-import.service.ts';
import type { FormReader } from '@cocok/reader';
import type { CachePurger } from '../../src/modules/photos/cache-purger.ts';
import { createTempDatabase, writeTinyRegistry } from './temp-db.ts';

/**
 * argon2id at its minimum cost: the same code path, a few milliseconds per hash. Test files sign up
 * many accounts from one address (127.0.0.1), so the per-IP sign-up limit is lifted here; the tests
 * of that limit set their own.
 */
export const FAST_AUTH = { argon2MemoryKib: 1024, argon2TimeCost: 1, signupsPerIpPerHour: 100_000 };

/** TPS of the tiny registry (tests/helpers/temp-db.ts). */
export const TPS_A = '3101011001001';
export const TPS_B = '3101011001002';
export const TPS_C = '3101011003001';

export type TestApp = { app: Express; db: Database; dir: string; uploadsDir: string; cleanup(): Promise<void> };

/** A temp database with the tiny registry, uploads in the same temp dir, and the reading queue started when a reader is given. */
type AppOptions = { reader?: FormReader; settings?: AppSettingsOverrides; clock?: Clock; cachePurger?: CachePurger };

export async function createTestApp(opts: AppOptions = {}): Promise<TestApp> {
  const ctx = await createTempDatabase('cocok-api-');
  await importRegistry(ctx.db, writeTinyRegistry(ctx.dir));
  const uploadsDir = path.join(ctx.dir, 'uploads');
  const app = appOn(ctx.db, uploadsDir, opts);
  await readingQueueOf(app)?.start();
  return {
    app,
    db: ctx.db,
    dir: ctx.dir,
    uploadsDir,
    async cleanup() {
      await readingQueueOf(app)?.stop();
      await ctx.cleanup();
    },
  };
}

/** Another app on the same database and uploads (other settings, or no reader). */
export function appOn(db: Database, uploadsDir: string, opts: AppOptions = {}): Express {
  const settings = opts.settings ?? {};
  return createApp({
    db,
    logger: silentLogger,
    clock: opts.clock,
    reader: opts.reader,
    cachePurger: opts.cachePurger,
    settings: { ...settings, uploadsDir, readerConcurrency: 2, auth: { ...FAST_AUTH, ...settings.auth } },
  });
}

export type Agent = ReturnType<typeof request.agent>;

export async function csrfOf(agent: Agent): Promise<string> {
  const res = await agent.get('/api/auth/me').expect(200);
  return res.body.csrfToken as string;
}

let counter = 0;
/** Registers (and so logs in) a fresh witness on the agent; returns the user and the session's CSRF token. */
export async function signUp(agent: Agent, over: Partial<{ name: string; contact: string; password: string }> = {}) {
  counter += 1;
  const body = {
    name: `Saksi ${counter}`,
    contact: `saksi${counter}.${process.pid}@example.org`,
    password: 'rahasia-123',
    ...over,
  };
  const csrf = await csrfOf(agent); // before the request is built: the agent attaches cookies at that moment
  const res = await agent.post('/api/auth/register').set('X-CSRF-Token', csrf).send(body).expect(201);
  return {
    user: res.body.user as { id: number; name: string; contact: string; pseudonym: string },
    csrf: res.body.csrfToken as string,
    body,
  };
}

/**
 * Gives an account a role; staff get a staff pseudonym (`Moderator-T<id>`) if they have none, as the
 * admin API gives one. Answers it ('' for a witness who never was staff).
 */
export async function setRole(db: Database, userId: number, role: 'witness' | 'moderator' | 'admin'): Promise<string> {
  const staff = role === 'witness' ? null : `Moderator-T${userId}`;
  await db.run('UPDATE users SET role = ?, staff_pseudonym = COALESCE(staff_pseudonym, ?) WHERE id = ?', [
    role,
    staff,
    userId,
  ]);
  return (
    (await db.get<{ staff_pseudonym: string | null }>('SELECT staff_pseudonym FROM users WHERE id = ?', [userId]))
      ?.staff_pseudonym ?? ''
  );
}
