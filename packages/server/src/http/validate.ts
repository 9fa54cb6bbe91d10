import type { z } from 'zod';
import { AppError, errors } from '../core/errors.ts';
import { USER_MESSAGE_PARAM } from '@cocok/api';

/**
 * Parses a request part with a zod schema or throws 400 `bad-request` listing each problem by path.
 * Only paths and messages go out, never the submitted values (a password must not echo back).
 * A text field the text rule refused (@cocok/api freeText) is `invalid-text`, with that field's
 * Indonesian message as the envelope's message, so the page can show what to fix.
 */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const details = { issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) };
    const text = parsed.error.issues.find(
      (i) => i.code === 'custom' && typeof i.params?.[USER_MESSAGE_PARAM] === 'string',
    );
    if (text?.code === 'custom')
      throw new AppError('invalid-text', 400, String(text.params?.[USER_MESSAGE_PARAM]), text.message, details);
    throw errors.badRequest(details);
  }
  return parsed.data;
}
