import { z } from 'zod';

/**
 * The JSON body of every error answer (server/src/core/errors.ts toEnvelope): a kebab-case `code`, the
 * Indonesian `message` the UI shows, `messageEn` for API clients and logs, and `details` when the error
 * has any. The server's `ErrorEnvelope` type is this one.
 */
export const errorCode = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);

export const errorEnvelope = z.strictObject({
  error: z.strictObject({
    code: errorCode,
    message: z.string().min(1),
    messageEn: z.string().min(1),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});

/** `details` of a 400 from a request schema (http/validate.ts parseWith): each problem by path, never the value sent. */
export const validationDetails = z.strictObject({
  issues: z.array(z.strictObject({ path: z.string(), message: z.string() })),
});

export type ErrorEnvelope = z.infer<typeof errorEnvelope>;
export type ApiErrorBody = ErrorEnvelope['error'];
export type ValidationDetails = z.infer<typeof validationDetails>;
