/** Structured one-line JSON logs on stderr; the level comes from config. */
export type Logger = {
  error(msg: string, data?: Record<string, unknown>): void;
  warn(msg: string, data?: Record<string, unknown>): void;
  info(msg: string, data?: Record<string, unknown>): void;
  debug(msg: string, data?: Record<string, unknown>): void;
};

const ORDER = ['error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof ORDER)[number];

export function createLogger(
  level: LogLevel,
  write: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
): Logger {
  const max = ORDER.indexOf(level);
  const log =
    (lvl: LogLevel) =>
    (msg: string, data: Record<string, unknown> = {}) => {
      if (ORDER.indexOf(lvl) > max) return;
      const fields = Object.fromEntries(
        Object.entries(data).map(([k, v]) => [k, v instanceof Error ? { message: v.message, stack: v.stack } : v]),
      );
      write(JSON.stringify({ time: new Date().toISOString(), level: lvl, msg, ...fields }));
    };
  return { error: log('error'), warn: log('warn'), info: log('info'), debug: log('debug') };
}

export const silentLogger: Logger = { error() {}, warn() {}, info() {}, debug() {} };
