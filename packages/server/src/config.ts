import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { MAX_INPUT_PIXELS } from '@cocok/reader';
import { KPU_DATA_BASE_URL, isSyncStart } from './modules/official-sync/official-sync.logic.ts';

/**
 * The one place that reads process.env. Every key is validated by `schema` and explained in `SETTING_DOCS`
 * below; docs/configuration.md is generated from the two (`npm run docs:config`, scripts/docs-config.ts) and
 * tests/scripts/docs-config.test.ts fails when it is out of date, so a key cannot go undocumented.
 */
const booleanString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const positiveInt = z.coerce.number().int().min(1);
/** The reader refuses larger photos; the upload limit may be lower, never higher. */
const READER_MAX_MEGAPIXELS = MAX_INPUT_PIXELS / 1_000_000;

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
  UPLOAD_MAX_MEGAPIXELS: z.coerce.number().positive().max(READER_MAX_MEGAPIXELS).default(READER_MAX_MEGAPIXELS),
  UPLOADS_PER_HOUR: positiveInt.default(20),
  TPS_PENDING_LIMIT: positiveInt.default(5),
  JSON_BODY_LIMIT_KB: positiveInt.max(10240).default(100),
  READER_CONCURRENCY: positiveInt.max(64).optional(),
  MODERATORS_REVIEW_OWN_UPLOADS: booleanString.default(false),
  MODERATION_CLAIM_MINUTES: positiveInt.max(24 * 60).default(10),
  REPORTS_PER_IP_PER_HOUR: positiveInt.default(10),
  ORPHAN_FILE_GRACE_MINUTES: positiveInt.max(7 * 24 * 60).default(60),
  ORPHAN_SWEEP_MINUTES: positiveInt.max(7 * 24 * 60).default(60),
  OFFICIAL_SYNC: z.enum(['on', 'off']).default('off'),
  OFFICIAL_SYNC_BASE_URL: z.string().url().default(KPU_DATA_BASE_URL),
  OFFICIAL_SYNC_RATE: z.coerce.number().positive().max(100).default(5),
  OFFICIAL_SYNC_CONCURRENCY: positiveInt.max(32).default(4),
  OFFICIAL_SYNC_REGION: z.string().refine(isSyncStart, 'a region code: 0, or 2, 4, 6, 10 or 13 digits').default('0'),
});

type SettingDoc = {
  /** Markdown, one sentence or two: what the key changes, and why the default is what it is when that is not obvious. */
  meaning: string;
  /** Only where the schema has no default of its own to print (a value computed at start-up). */
  defaultText?: string;
};

/** The meaning of every key; `satisfies` makes a key of `schema` without an entry a type error. */
const SETTING_DOCS = {
  PORT: { meaning: 'HTTP port the portal (API and pages) listens on' },
  HOST: { meaning: 'interface to bind' },
  DATA_DIR: {
    meaning:
      'folder of the SQLite database (`cocok.sqlite`, WAL mode); one server per folder: a second one exits, see `cocok.sqlite.lock`',
  },
  UPLOADS_DIR: { meaning: 'folder for uploaded photos (`originals/` content-addressed, `derived/` the public copies)' },
  LOAD_DEMO_DATA: {
    meaning: 'on an empty database, load the demo Sirekap documents (the region registry is loaded either way)',
  },
  LOG_LEVEL: { meaning: 'JSON lines on stderr from this level up' },
  DEV_WEB: { meaning: "serve the web app through vite's dev server with hot reload (set by `npm run dev`)" },
  TRUST_PROXY: {
    meaning:
      'express `trust proxy` (`false`, `true`, a hop count such as `1`, or addresses): decides the client IP for the login, sign-up and report limits and whether a request counts as https',
  },
  COOKIE_SECURE: {
    meaning:
      "`Secure` on cookies: `auto` (when the request is https), `true`, `false`. `true` declares the site https-only: answers also carry HSTS (one year) and the CSP's `upgrade-insecure-requests`",
  },
  SESSION_DAYS: { meaning: 'a session ends after this many days without use (the expiry slides forward on use)' },
  LOGIN_LIMIT_PER_CONTACT: { meaning: 'failed logins per phone number/e-mail per window' },
  LOGIN_LIMIT_PER_IP: {
    meaning:
      'failed logins per IP per window (higher than per contact: mobile carriers put many witnesses behind one address)',
  },
  LOGIN_LIMIT_WINDOW_MINUTES: { meaning: 'window of the two login limits' },
  SIGNUPS_PER_IP_PER_HOUR: {
    meaning:
      'sign-ups per IP per hour, successful ones counted too (`429 too-many-signups` with `Retry-After` beyond). Not lower because carrier-grade NAT puts many witnesses of one area behind one address; 30 still stops one machine making accounts by the thousand',
  },
  ARGON2_MEMORY_KIB: { meaning: "argon2id memory per password hash (OWASP's 19 MiB)" },
  ARGON2_TIME_COST: { meaning: 'argon2id passes' },
  UPLOAD_MAX_FILE_MB: { meaning: 'largest accepted photo file (`413 file-too-large` beyond)' },
  UPLOAD_MAX_FILES: { meaning: 'most photos in one upload (`413 too-many-files` beyond)' },
  UPLOAD_MAX_MEGAPIXELS: {
    meaning:
      "largest decoded photo, a decompression-bomb guard (`422 image-too-large` beyond); at most the reader's limit (`MAX_INPUT_PIXELS`), so an upload is never stored that the reader then refuses",
  },
  UPLOADS_PER_HOUR: { meaning: 'uploads (submissions) one account may make per hour (`429 upload-limit` beyond)' },
  TPS_PENDING_LIMIT: {
    meaning: 'unconfirmed submissions a TPS may hold from ordinary witnesses before new ones wait (`429 tps-busy`)',
  },
  JSON_BODY_LIMIT_KB: { meaning: 'largest JSON request body' },
  READER_CONCURRENCY: {
    meaning: 'photos read at the same time (reader child processes)',
    defaultText: 'the CPU count (`os.availableParallelism()`)',
  },
  MODERATORS_REVIEW_OWN_UPLOADS: {
    meaning:
      'moderators (and admins) may claim and decide a TPS they uploaded a submission to (otherwise `403 own-upload`)',
  },
  MODERATION_CLAIM_MINUTES: { meaning: 'how long claiming a TPS keeps other moderators off it' },
  REPORTS_PER_IP_PER_HOUR: {
    meaning: 'public reports ("Lapor") one IP may send per hour (`429 too-many-reports` beyond)',
  },
  ORPHAN_FILE_GRACE_MINUTES: {
    meaning:
      'photo files no database row points at (left by an upload killed midway) are deleted once this old; younger ones may belong to an upload in flight',
  },
  ORPHAN_SWEEP_MINUTES: { meaning: 'how often the server looks for such files (also once at start)' },
  OFFICIAL_SYNC: {
    meaning:
      "`on`: the server follows KPU's public Sirekap endpoints (region tree, per-TPS documents, aggregates, page photos) in the background; `npm run sync-official -- [--base URL] [--region CODE] [--once]` does the same from the command line",
  },
  OFFICIAL_SYNC_BASE_URL: { meaning: "KPU's data host (or a replay server)" },
  OFFICIAL_SYNC_RATE: { meaning: "requests per second to it, at most (KawalPemilu 2024's pace)" },
  OFFICIAL_SYNC_CONCURRENCY: { meaning: 'requests in flight at once, at most' },
  OFFICIAL_SYNC_REGION: { meaning: 'region followed: `0` = the whole country, or a region code' },
} satisfies Record<keyof typeof schema.shape, SettingDoc>;

export type SettingDescription = {
  key: string;
  default: string | null;
  accepted: Record<string, unknown>;
  meaning: string;
};

/**
 * Every key with its default, what it accepts (the schema as JSON Schema, input side) and its meaning, in
 * schema order: what docs/configuration.md is generated from. Throws for a key without an entry, for
 * callers that run without the type-checker.
 */
export function describeSettings(): SettingDescription[] {
  const accepted = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }).properties ?? {};
  const docs: Record<string, SettingDoc | undefined> = SETTING_DOCS;
  return Object.entries(schema.shape).map(([key, field]) => {
    const doc = docs[key];
    if (!doc) throw new Error(`config.ts: ${key} has no entry in SETTING_DOCS`);
    const def = field._zod.def as { type: string; defaultValue?: unknown };
    const fallback = def.type === 'default' ? `\`${String(def.defaultValue)}\`` : null;
    return {
      key,
      default: doc.defaultText ?? fallback,
      accepted: accepted[key] as Record<string, unknown>,
      meaning: doc.meaning,
    };
  });
}

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

export type OfficialSyncConfig = {
  enabled: boolean;
  baseUrl: string;
  ratePerSecond: number;
  concurrency: number;
  region: string;
};

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
  officialSync: OfficialSyncConfig;
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
    const problems = parsed.error.issues.map(
      (i) => `${i.path.join('.')}: ${i.message} (got ${JSON.stringify(env[String(i.path[0])])})`,
    );
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
    officialSync: {
      enabled: c.OFFICIAL_SYNC === 'on',
      baseUrl: c.OFFICIAL_SYNC_BASE_URL,
      ratePerSecond: c.OFFICIAL_SYNC_RATE,
      concurrency: c.OFFICIAL_SYNC_CONCURRENCY,
      region: c.OFFICIAL_SYNC_REGION,
    },
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
