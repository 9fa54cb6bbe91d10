import type { z } from 'zod';
import { errors } from '../core/errors.ts';

/**
 * Parses a request part with a zod schema or throws 400 `bad-request` listing each problem by path.
 * Only paths and messages go out, never the submitted values (a password must not echo back).
 */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw errors.badRequest({ issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) });
  }
  return parsed.data;
}
