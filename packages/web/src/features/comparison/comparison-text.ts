import { formatPercent } from '../../lib/format.ts';
import type { Translate } from '../../lib/translate.ts';
import type { ComparisonStatus, CrowdFieldState, FieldComparison, MisreadLabel } from './comparison-types.ts';

/**
 * Words, icons and tones of the crowd-vs-official comparison. Pure, so node tests cover every status
 * and label; the components only place what these return. Every tone comes with an icon and a word.
 */
export type Tone = 'pass' | 'fail' | 'warn' | 'none';
export type TextDeps = { t: Translate; n: (value: number | null | undefined) => string };

const STATUS_LOOK: Record<ComparisonStatus, { tone: Tone; icon: string }> = {
  match: { tone: 'pass', icon: '✓' },
  mismatch: { tone: 'fail', icon: '✗' },
  official_inconsistent: { tone: 'warn', icon: '!' },
  crowd_conflict: { tone: 'warn', icon: '≠' },
  no_official: { tone: 'none', icon: '–' },
  no_crowd: { tone: 'none', icon: '–' },
};

export function statusLook(status: ComparisonStatus): { tone: Tone; icon: string; label: (t: Translate) => string } {
  return { ...STATUS_LOOK[status], label: (t) => t(`comparison.status.${status}`) };
}

/** A signed figure: "+800", "−100" (a real minus sign, read as "minus"), "0". */
export function signed(n: TextDeps['n'], value: number): string {
  if (value > 0) return `+${n(value)}`;
  if (value < 0) return `−${n(-value)}`;
  return n(0);
}

/** Why a difference may be a misread, e.g. "kemungkinan salah baca digit: 84 → 884" (official → crowd). */
export function misreadText({ t, n }: TextDeps, misread: MisreadLabel, official: number, crowd: number): string {
  return t(`comparison.misread.${misread}`, { official: n(official), crowd: n(crowd) });
}

export type DifferenceLook = { tone: Tone; icon: string; text: string };

/**
 * One field's comparison in words: "Selisih +800 (kemungkinan salah baca digit: 84 → 884)", "Sama",
 * "Saksi berbeda: 84 (1 saksi), 884 (1 saksi)", or why there is nothing to compare.
 */
export function differenceLook(
  deps: TextDeps,
  f: Pick<FieldComparison, 'official' | 'crowd' | 'state' | 'difference' | 'misread' | 'candidates'>,
): DifferenceLook {
  const { t, n } = deps;
  if (f.state === 'crowd_conflict') {
    const values = f.candidates
      .map((c) => t('comparison.candidateValue', { value: n(c.value), count: c.witnesses }))
      .join(', ');
    return { tone: 'warn', icon: '≠', text: t('comparison.conflictText', { values }) };
  }
  if (f.state === null || f.crowd === null) return { tone: 'none', icon: '–', text: t('comparison.noCrowdField') };
  if (f.official === null || f.difference === null)
    return { tone: 'none', icon: '–', text: t('comparison.noOfficialField') };
  if (f.difference === 0) return { tone: 'pass', icon: '✓', text: t('comparison.same') };
  const base = t('comparison.differenceText', { difference: signed(n, f.difference) });
  const why = f.misread ? ` (${misreadText(deps, f.misread, f.official, f.crowd)})` : '';
  return { tone: 'fail', icon: '✗', text: base + why };
}

/** How sure the crowd's figure is: "terverifikasi (2 saksi)", "satu saksi", "saksi berbeda", "keputusan moderator". */
export function crowdStateText(t: Translate, state: CrowdFieldState | null, witnesses: number): string {
  if (state === null) return t('comparison.state.none');
  if (state === 'verified') return t('comparison.state.verified', { count: witnesses });
  return t(`comparison.state.${state}`);
}

/**
 * Bar lengths in percent of the largest figure shown together, so official and crowd bars of every
 * candidate share one scale. A non-zero figure never shrinks to an invisible bar.
 */
export function barWidths(values: readonly number[]): number[] {
  const max = Math.max(0, ...values);
  if (max === 0) return values.map(() => 0);
  return values.map((v) => (v <= 0 ? 0 : Math.max(0.5, Math.round((v / max) * 1000) / 10)));
}

/**
 * A share for coverage: "< 0,1%" rather than "0,0%" when a few TPS of 822,116 have crowd figures,
 * so a start is not shown as nothing.
 */
export function coverageShare(lang: string, part: number, whole: number): string {
  if (whole > 0 && part > 0 && part / whole < 0.0005) return `< ${formatPercent(lang, 1, 1000)}`;
  return formatPercent(lang, part, whole);
}
