import { z } from 'zod';
import { isoTime } from './common.ts';

/** GET /health: the process answers and its database is migrated to `schemaVersion`. */
export const health = z.strictObject({ ok: z.literal(true), schemaVersion: z.number().int().min(0), time: isoTime });

export type Health = z.infer<typeof health>;
