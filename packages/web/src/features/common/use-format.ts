import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInstant, formatNumber, formatPercent, formatWallTime } from '../../lib/format.ts';

/** Formatters bound to the current UI language, plus `t` (typed by the resources, so the pure text helpers take it as it is). */
export function useFormat() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return useMemo(
    () => ({
      lang,
      t,
      n: (v: number | null | undefined) => formatNumber(lang, v),
      pct: (part: number, whole: number) => formatPercent(lang, part, whole),
      instant: (iso: string) => formatInstant(lang, iso),
      wallTime: (ts: string | null) => formatWallTime(lang, ts),
    }),
    [t, lang],
  );
}
