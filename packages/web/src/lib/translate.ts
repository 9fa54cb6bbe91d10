import type { TFunction } from 'i18next';
import { id, type Messages } from '../i18n/texts.ts';

/**
 * The `t` the pure text helpers take: i18next's own, typed by the resources (web/src/i18n/texts.ts), so
 * their keys are checked like the components' are; node tests pass a plain i18next instance's `t`.
 */
export type Translate = TFunction;

/** Lower-cases a label's first letter for use inside a sentence, but leaves acronyms ("DPT") alone. */
export function lowerFirst(text: string): string {
  if (text.length > 1 && text[1] === text[1].toLowerCase() && text[1] !== text[1].toUpperCase()) {
    return text[0].toLowerCase() + text.slice(1);
  }
  return text;
}

/**
 * Whether `key` names a text in `group`: for names that arrive as plain strings (a check id, a reason
 * code, a region level), so `t(`${group}.${key}`)` type-checks only behind this test and an unknown
 * name falls back to something the caller chooses instead of showing a raw key.
 */
export function hasText<G extends keyof Messages>(group: G, key: string): key is Extract<keyof Messages[G], string> {
  return isKeyOf(id[group], key);
}

/** The same test for a nested group, e.g. `isKeyOf(moderationTexts.id.moderation.actions, action)`. */
export function isKeyOf<T extends object>(texts: T, key: string): key is Extract<keyof T, string> {
  return Object.hasOwn(texts, key);
}
