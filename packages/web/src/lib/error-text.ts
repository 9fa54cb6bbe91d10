import { ApiError } from './api-client.ts';
import type { Translate } from './translate.ts';

/**
 * A failed request in the UI language. The server's error envelope carries `message` (Indonesian) and
 * `messageEn`, and the API client makes both for failures of its own (network down, unreadable answer),
 * so every error shown to a person goes through here and follows the language switch. Anything else is a
 * bug in the page: its text would be a developer's, so a plain "something went wrong" stands in.
 */
export function errorText(err: unknown, ctx: { lang: string; t: Translate }): string {
  if (err instanceof ApiError) return isEnglish(ctx.lang) ? err.messageEn : err.message;
  return ctx.t('errors.unexpected');
}

export const isEnglish = (lang: string) => lang === 'en' || lang.startsWith('en-');
