import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

/**
 * The one place that reads process.env. Every key, its default and its meaning:
 *
 * | key                        | default          | meaning                                                      |
 * |----------------------------|------------------|--------------------------------------------------------------|
 * | PORT                       | 8080             | HTTP port the portal listens on                              |
 * | HOST                       | 0.0.0.0          | interface to bind                                            |
 * | DATA_DIR                   | ./data           | folder holding the SQLite database (cocok.sqlite)            |
 * | UPLOADS_DIR                | ./uploads        | folder for uploaded photos                                   |
 * | LOAD_DEMO_DATA             | true             | on an empty database, load the registry and demo Sirekap data |
 * | LOG_LEVEL                  | info             | error, warn, info or debug                                   |
 * | DEV_WEB                    | false            | serve the web app through vite's dev server (hot reload)     |
 * | TRUST_PROXY                | false            | express `trust proxy`: false, true, a hop count or addresses; |
 * |                            |                  | decides the client IP (login limits) and https (cookies)     |
 * | COOKIE_SECURE              | auto             | Secure cookies: auto (when the request is https), true, false |
 * |                            |                  | (true = https-only site: HSTS and upgrade-insecure-requests) |
 * | SESSION_DAYS               | 30               | a session ends after this many days without use (sliding)    |
 * | LOGIN_LIMIT_PER_CONTACT    | 10               | failed logins per phone/e-mail per window                    |
 * | LOGIN_LIMIT_PER_IP         | 30               | failed logins per IP per window (mobile carriers put many     |
 * |                            |                  | witnesses behind one address, hence above the other)         |
 * | LOGIN_LIMIT_WINDOW_MINUTES | 15               | window of the two limits above                               |
 * | SIGNUPS_PER_IP_PER_HOUR    | 30               | sign-ups (successful ones too) per IP per hour; carrier-grade |
 * |                            |                  | NAT puts many witnesses behind one address, so not lower:    |
 * |                            |                  | it stops one machine making accounts by the thousand         |
 * | ARGON2_MEMORY_KIB          | 19456            | argon2id memory per password hash (OWASP: 19 MiB)            |
 * | ARGON2_TIME_COST           | 2                | argon2id passes                                              |
 * | UPLOAD_MAX_FILE_MB         | 15               | largest accepted photo                                       |
 * | UPLOAD_MAX_FILES           | 6                | most photos in one upload                                    |
 * | UPLOAD_MAX_MEGAPIXELS      | 120              | largest decoded photo (guards against decompression bombs)   |
 * | UPLOADS_PER_HOUR           | 20               | uploads (submissions) one account may make per hour          |
 * | TPS_PENDING_LIMIT          | 5                | unconfirmed submissions a TPS may hold from witnesses        |
 * | JSON_BODY_LIMIT_KB         | 100              | largest JSON request body                                    |
 * | READER_CONCURRENCY         | CPU count        | photos read at the same time (reader child processes)        |
 * | MODERATORS_REVIEW_OWN_UPLOADS | false         | moderators may claim and decide TPS they uploaded to         |
 * | MODERATION_CLAIM_MINUTES   | 10               | how long claiming a TPS keeps other moderators off it        |
 * | REPORTS_PER_IP_PER_HOUR    | 10               | public reports ("Lapor") one IP may send per hour            |
 * | ORPHAN_FILE_GRACE_MINUTES  | 60               | photo files no row points at are deleted once this old (an   |
 * |                            |                  | upload still in flight keeps its files)                      |
 * | ORPHAN_SWEEP_MINUTES       | 60               | how often the server looks for such files (also at start)    |
 */
const booleanString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const positiveInt = z.coerce.number().int().min(1);

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  UPLOADS_DIR: z.string().min(1).default('./uploads'),
  LOAD_DEMO_DATA: booleanString.default(true),
  LOG_LEVEL: z.enum(['error', 'warn', 'info', 'debug']).default('info'),
  DEV_WEB: booleanString.default(false),
  TRUST_PROXY: z.string().min(1).default('false'),
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  SESSION_DAYS: positiveInt.max(365).default(30),
  LOGIN_LIMIT_PER_CONTACT: positiveInt.default(10),
  LOGIN_LIMIT_PER_IP: positiveInt.default(30),
  LOGIN_LIMIT_WINDOW_MINUTES: positiveInt.default(15),
  SIGNUPS_PER_IP_PER_HOUR: positiveInt.default(30),
  ARGON2_MEMORY_KIB: z.coerce.number().int().min(1024).default(19456),
  ARGON2_TIME_COST: positiveInt.max(10).default(2),
  UPLOAD_MAX_FILE_MB: z.coerce.number().positive().max(100).default(15),
  UPLOAD_MAX_FILES: positiveInt.max(20).default(6),
  UPLOAD_MAX_MEGAPIXELS: z.coerce.number().positive().max(1000).default(120),
  UPLOADS_PER_HOUR: positiveInt.default(20),
  TPS_PENDING_LIMIT: positiveInt.default(5),
  JSON_BODY_LIMIT_KB: positiveInt.max(10240).default(100),
  READER_CONCURRENCY: positiveInt.max(64).optional(),
  MODERATORS_REVIEW_OWN_UPLOADS: booleanString.default(false),
  MODERATION_CLAIM_MINUTES: positiveInt.max(24 * 60).default(10),
  REPORTS_PER_IP_PER_HOUR: positiveInt.default(10),
  ORPHAN_FILE_GRACE_MINUTES: positiveInt.max(7 * 24 * 60).default(60),
  ORPHAN_SWEEP_MINUTES: positiveInt.max(7 * 24 * 60).default(60),
});

export type AuthSettings = {
  cookieSecure: 'auto' | 'always' | 'never';
  sessionDays: number;
  loginLimitPerContact: number;
  loginLimitPerIp: number;
  loginLimitWindowMinutes: number;
  signupsPerIpPerHour: number;
  argon2MemoryKib: number;
  argon2TimeCost: number;
};

export type UploadSettings = {
  maxFileBytes: number;
  maxFiles: number;
  maxPixels: number;
  perHour: number;
  pendingPerTps: number;
};

export type ModerationConfig = {
  allowOwnUploads: boolean;
  claimMinutes: number;
  reportsPerIpPerHour: number;
};

export type SweeperConfig = { graceMinutes: number; intervalMinutes: number };

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseFile: string;
  uploadsDir: string;
  loadDemoData: boolean;
  logLevel: 'error' | 'warn' | 'info' | 'debug';
  devWeb: boolean;
  trustProxy: boolean | number | string;
  jsonLimitBytes: number;
  readerConcurrency: number;
  auth: AuthSettings;
  uploads: UploadSettings;
  moderation: ModerationConfig;
  sweeper: SweeperConfig;
};

export class ConfigError extends Error {}

/** For entry points (server, scripts): a bad setting ends the process with its message, not a stack trace. */
export function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  }
}

/** Reads and validates the environment; throws ConfigError naming every bad key. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(pickKnown(env));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message} (got ${JSON.stringify(env[String(i.path[0])])})`);
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const c = parsed.data;
  const dataDir = path.resolve(c.DATA_DIR);
  return {
    port: c.PORT,
    host: c.HOST,
    dataDir,
    databaseFile: path.join(dataDir, 'cocok.sqlite'),
    uploadsDir: path.resolve(c.UPLOADS_DIR),
    loadDemoData: c.LOAD_DEMO_DATA,
    logLevel: c.LOG_LEVEL,
    devWeb: c.DEV_WEB,
    trustProxy: parseTrustProxy(c.TRUST_PROXY),
    jsonLimitBytes: c.JSON_BODY_LIMIT_KB * 1024,
    readerConcurrency: c.READER_CONCURRENCY ?? os.availableParallelism(),
    auth: {
      cookieSecure: c.COOKIE_SECURE === 'auto' ? 'auto' : c.COOKIE_SECURE === 'true' ? 'always' : 'never',
      sessionDays: c.SESSION_DAYS,
      loginLimitPerContact: c.LOGIN_LIMIT_PER_CONTACT,
      loginLimitPerIp: c.LOGIN_LIMIT_PER_IP,
      loginLimitWindowMinutes: c.LOGIN_LIMIT_WINDOW_MINUTES,
      signupsPerIpPerHour: c.SIGNUPS_PER_IP_PER_HOUR,
      argon2MemoryKib: c.ARGON2_MEMORY_KIB,
      argon2TimeCost: c.ARGON2_TIME_COST,
    },
    uploads: {
      maxFileBytes: Math.round(c.UPLOAD_MAX_FILE_MB * 1024 * 1024),
      maxFiles: c.UPLOAD_MAX_FILES,
      maxPixels: Math.round(c.UPLOAD_MAX_MEGAPIXELS * 1_000_000),
      perHour: c.UPLOADS_PER_HOUR,
      pendingPerTps: c.TPS_PENDING_LIMIT,
    },
    moderation: {
      allowOwnUploads: c.MODERATORS_REVIEW_OWN_UPLOADS,
      claimMinutes: c.MODERATION_CLAIM_MINUTES,
      reportsPerIpPerHour: c.REPORTS_PER_IP_PER_HOUR,
    },
    sweeper: { graceMinutes: c.ORPHAN_FILE_GRACE_MINUTES, intervalMinutes: c.ORPHAN_SWEEP_MINUTES },
  };
}

/** The settings with every key at its default (what createApp uses when a test passes none). */
export function defaultConfig(): Config {
  return loadConfig({});
}

/** express accepts true/false, a hop count, or a list of trusted addresses/subnets. */
function parseTrustProxy(value: string): boolean | number | string {
  if (value === 'true' || value === 'false') return value === 'true';
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

function pickKnown(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = env[key];
    if (value !== undefined && value !== '') out[key] = value;
  }
  return out;
}
