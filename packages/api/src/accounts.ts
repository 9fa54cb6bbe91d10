import { z } from 'zod';
import { ROLES } from './domain.ts';
import { id, isoTime } from './common.ts';
import { freeText } from './text-fields.ts';

/**
 * Accounts and sessions: /auth/me, /auth/register, /auth/login, /auth/logout.
 * Request bodies (the one copy: the server validates with them): password
 * length is capped so hashing cannot be used to tire the server; the name goes through the one text
 * rule; the contact's own rule is the server's normalizeContact.
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

export const role = z.enum(ROLES);

/** What the API says about the signed-in user: never the password hash, never the ban's internals. */
export const publicUser = z.strictObject({
  id,
  name: z.string(),
  contact: z.string(),
  role,
  pseudonym: z.string(),
  staffPseudonym: z.string().nullable(),
  createdAt: isoTime,
});

/** The CSRF token to send as X-CSRF-Token on every POST; it changes whenever the session does. */
const csrfToken = z.string().min(1);

/** GET /auth/me: who is signed in (null: nobody) and the token for the next POST. */
export const currentSession = z.strictObject({ user: publicUser.nullable(), csrfToken });
/** POST /auth/register (201) and /auth/login (200): a fresh session for the user. */
export const signedIn = z.strictObject({ user: publicUser, csrfToken });
/** POST /auth/logout. */
export const signedOut = z.strictObject({ ok: z.literal(true), csrfToken });

export type RegisterBody = z.infer<typeof registerBody>;
export type LoginBody = z.infer<typeof loginBody>;
export type Role = z.infer<typeof role>;
export type PublicUser = z.infer<typeof publicUser>;
export type CurrentSession = z.infer<typeof currentSession>;
export type SignedIn = z.infer<typeof signedIn>;
export type SignedOut = z.infer<typeof signedOut>;
