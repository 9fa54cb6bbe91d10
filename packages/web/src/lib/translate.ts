/**
 * The slice of i18next's `t` that the pure text helpers need; keeping them off the i18next types lets
 * node tests call them with a plain i18next instance.
 */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** Lower-cases a label's first letter for use inside a sentence, but leaves acronyms ("DPT") alone. */
export function lowerFirst(text: string): string {
  if (text.length > 1 && text[1] === text[1].toLowerCase() && text[1] !== text[1].toUpperCase()) {
    return text[0].toLowerCase() + text.slice(1);
  }
  return text;
}
