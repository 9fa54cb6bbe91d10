import { z } from 'zod';
import { freeText } from '../../http/text-fields.ts';

/**
 * Request bodies of the auth routes. Password length is capped so hashing cannot be used to tire the server.
 * The name goes through the one text rule (http/text-fields.ts); the contact's own rule is normalizeContact's.
 */
export const registerBody = z.object({
  name: freeText({ label: { id: 'Nama', en: 'Name' }, max: 100 }),
  contact: z.string().trim().min(3).max(254),
  password: z.string().min(8).max(200),
});

export const loginBody = z.object({
  contact: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(200),
});

export type RegisterBody = z.infer<typeof registerBody>;
export type LoginBody = z.infer<typeof loginBody>;
