import crypto from 'node:crypto';

/** SHA-256 of a text as lowercase hex: session tokens, fetched bodies, fixture ids. */
export function sha256Hex(text: string): string {
  return crypto.createHash('sha256').update(text).digest('hex');
}
