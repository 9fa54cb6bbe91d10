import crypto from 'node:crypto';
import { cleanText, ROLES, type Role, type TextProblem } from '@cocok/domain';

/**
 * Pure rules of accounts: how a contact is normalised, how session and CSRF tokens relate, when a
 * session's expiry slides, and how a pseudonym is spelled.
 */
export { ROLES, type Role };

export type Contact = { kind: 'phone' | 'email'; value: string };
export type ContactProblem = 'not-a-contact' | 'not-ascii' | TextProblem;
export type ContactCheck = { ok: true; contact: Contact } | { ok: false; problem: ContactProblem };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PRINTABLE_ASCII = /^[\x21-\x7E]+$/;

/**
 * One spelling per person. The text rule first (core/text.logic.ts) with NFKC, so full-width
 * "ａｄｍｉｎ１＠…" or "０８１２…" is the plain contact it looks like, and NUL, controls and bidi
 * characters are refused. E-mail must then be printable ASCII (a Cyrillic "а" that looks like "a"
 * would otherwise be a second account beside the real one; international domains are not accepted
 * in their Unicode form), lower-cased. Phone numbers become E.164 digits with '+': Indonesian numbers
 * written the local way (0812..., 62812..., 812...) all become +62812...
 */
export function checkContact(raw: string): ContactCheck {
  const cleaned = cleanText(raw, { compatibility: true });
  if (!cleaned.ok) return cleaned;
  const text = cleaned.value;
  if (text.includes('@')) {
    if (!PRINTABLE_ASCII.test(text)) return { ok: false, problem: 'not-ascii' };
    const email = text.toLowerCase();
    return EMAIL.test(email) && email.length <= 254
      ? { ok: true, contact: { kind: 'email', value: email } }
      : { ok: false, problem: 'not-a-contact' };
  }
  const phone = phoneFrom(text);
  return phone ? { ok: true, contact: { kind: 'phone', value: phone } } : { ok: false, problem: 'not-a-contact' };
}

/** The contact, or null for something that is not one (see checkContact for why). */
export function normalizeContact(raw: string): Contact | null {
  const checked = checkContact(raw);
  return checked.ok ? checked.contact : null;
}

function phoneFrom(text: string): string | null {
  // ASCII digits only (\d is [0-9] in JS): Arabic-Indic and other digits, which NFKC keeps, are refused, not read.
  if (!/^\+?[\d ().-]+$/.test(text)) return null;
  const international = text.startsWith('+');
  let digits = text.replace(/\D/g, '');
  if (!international) {
    if (digits.startsWith('0')) digits = `62${digits.slice(1)}`;
    else if (digits.startsWith('8')) digits = `62${digits}`;
  }
  if (digits.startsWith('620')) digits = `62${digits.slice(3)}`;
  if (digits.length < 9 || digits.length > 15) return null;
  // Indonesian mobile numbers: 62 8xx, 9 to 12 digits after the country code.
  if (digits.startsWith('62') && !/^628\d{8,11}$/.test(digits)) return null;
  return `+${digits}`;
}

/**
 * The CSRF token is derived from the secret the browser holds in an httpOnly cookie (the session id,
 * or the anonymous `cocok_csrf` value before login): only a page that could read our JSON (same
 * origin) can learn it, and it changes whenever the session does.
 */
export function csrfTokenFor(cookieSecret: string): string {
  return crypto.createHmac('sha256', cookieSecret).update('cocok-csrf-v1').digest('base64url');
}

export function tokensMatch(expected: string, given: string | undefined): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Sliding expiry without a write on every request: the expiry moves forward once at least a day of it
 * has been used up.
 */
export function slidExpiry(expiresAt: Date, now: Date, sessionDays: number): Date | null {
  const full = now.getTime() + sessionDays * DAY_MS;
  return full - expiresAt.getTime() >= DAY_MS ? new Date(full) : null;
}

export function expiryFrom(now: Date, sessionDays: number): Date {
  return new Date(now.getTime() + sessionDays * DAY_MS);
}

// No 0/O, 1/I/L: a pseudonym may be read aloud or copied by hand.
const PSEUDONYM_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

const WITNESS_PREFIX = 'Saksi-';
const MODERATOR_PREFIX = 'Moderator-';

/** "Saksi-7K3QX9" from random bytes; the public sees this instead of a name. */
export function pseudonymFromBytes(bytes: Uint8Array, length = 6): string {
  return `${WITNESS_PREFIX}${suffixFromBytes(bytes, length)}`;
}

/**
 * "Moderator-4MW8RT": how staff are named where they act as staff (the moderation log, claims). Drawn
 * from other random bytes than the witness pseudonym, so a moderator's decisions cannot be linked to
 * the photos they sent as a witness; admins decide as moderators and are named the same way (their
 * `role` is published beside the name).
 */
export function staffPseudonymFromBytes(bytes: Uint8Array, length = 6): string {
  return `${MODERATOR_PREFIX}${suffixFromBytes(bytes, length)}`;
}

function suffixFromBytes(bytes: Uint8Array, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += PSEUDONYM_ALPHABET[bytes[i % bytes.length] % PSEUDONYM_ALPHABET.length];
  return out;
}

export function hasRole(role: Role, allowed: readonly Role[]): boolean {
  return allowed.includes(role);
}
