import path from 'node:path';
import { z } from 'zod';

/**
 * The one place that reads process.env. Every key, its default and its meaning:
 *
 * | key            | default          | meaning                                                      |
 * |----------------|------------------|--------------------------------------------------------------|
 * | PORT           | 8080             | HTTP port the portal listens on                              |
 * | HOST           | 0.0.0.0          | interface to bind                                            |
 * | DATA_DIR       | ./data           | folder holding the SQLite database (cocok.sqlite)            |
 * | UPLOADS_DIR    | ./uploads        | folder for uploaded photos                                   |
 * | LOAD_DEMO_DATA | true             | on an empty database, load the registry and demo Sirekap data |
 * | LOG_LEVEL      | info             | error, warn, info or debug                                   |
 * | DEV_WEB        | false            | serve the web app through vite's dev server (hot reload)     |
 */
const booleanString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  UPLOADS_DIR: z.string().min(1).default('./uploads'),
  LOAD_DEMO_DATA: booleanString.default(true),
  LOG_LEVEL: z.enum(['error', 'warn', 'info', 'debug']).default('info'),
  DEV_WEB: booleanString.default(false),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseFile: string;
  uploadsDir: string;
  loadDemoData: boolean;
  logLevel: 'error' | 'warn' | 'info' | 'debug';
  devWeb: boolean;
};

export class ConfigError extends Error {}

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
  };
}

function pickKnown(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = env[key];
    if (value !== undefined && value !== '') out[key] = value;
  }
  return out;
}
