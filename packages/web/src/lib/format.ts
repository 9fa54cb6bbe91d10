/** Number and date formatting that follows the UI language (id-ID uses "." for thousands, "," for decimals). */
export type Lang = 'id' | 'en';

const locales: Record<Lang, string> = { id: 'id-ID', en: 'en-US' };

export function localeOf(lang: string): string {
  return locales[lang as Lang] ?? locales.id;
}

export function formatNumber(lang: string, n: number | null | undefined): string {
  if (n === null || n === undefined) return '–';
  return new Intl.NumberFormat(localeOf(lang)).format(n);
}

/** Share as a percentage with one decimal; `–` when there is no denominator. */
export function formatPercent(lang: string, part: number, whole: number): string {
  if (!whole) return '–';
  return new Intl.NumberFormat(localeOf(lang), {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(part / whole);
}

/** An ISO instant (importedAt), shown in Jakarta time since that is the election's reference clock. */
export function formatInstant(lang: string, iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const text = new Intl.DateTimeFormat(localeOf(lang), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Jakarta',
  }).format(d);
  return `${text} WIB`;
}

/**
 * Sirekap's document timestamp ("2024-02-16 08:00:28") carries no zone; it is shown as written
 * rather than guessed into another zone.
 */
export function formatWallTime(lang: string, ts: string | null): string {
  if (!ts) return '–';
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?/.exec(ts);
  if (!m) return ts;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +(m[6] ?? 0)));
  return new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(
    d,
  );
}
