/**
 * The one rule for text people type: names, reasons, reports, notes (and, through accounts.logic.ts,
 * contacts). Pure: a string in, the cleaned string or the problem out.
 *
 * Why: a NUL or a C1 control breaks CSV exports and log lines; a bidi override (U+202E) makes
 * "Budi\u202Eabc" display as something else than what is stored, so a moderator reads one thing and
 * the log keeps another; a name of zero-width spaces looks empty. NFC makes "é" typed two ways one
 * string, so equal text compares equal.
 */
export type TextProblem = 'control-character' | 'bidi-control' | 'invisible-only' | 'invalid-character';

export type CleanText = { ok: true; value: string } | { ok: false; problem: TextProblem };

/** C0 and C1 controls and DEL (NUL included). Tab and line feed are checked apart: multi-line text allows them. */
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/u;
const TAB_OR_NEWLINE = /[\t\n]/u;
/**
 * Bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069), the directional marks
 * (U+200E, U+200F, U+061C) and the deprecated format controls U+206A-U+206F that also change how
 * text is shown. None is needed in Indonesian or in a name typed on a phone.
 */
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u206A-\u206F]/u;
/** Invisible characters with no meaning at the ends or on their own: dropped (ZWJ/ZWNJ are kept, emoji and scripts need them). */
const DROPPED = /[\u200B\u2060\uFEFF]/gu;
/** What does not show: whitespace, format characters (\p{Cf}: U+200B-U+200D, U+2060, U+FEFF, U+00AD ...) and the blank "letters" used to fake a name. */
const INVISIBLE = /[\s\p{Cf}\u115F\u1160\u3164\uFFA0\u2800]/gu;
/** Noncharacters (never meant to be exchanged) and unpaired surrogates (no character at all; no `u` flag, so halves are seen). */
const NONCHARACTER = /[\uFDD0-\uFDEF\uFFFE\uFFFF]/u;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export type TextOptions = {
  /** NFKC instead of NFC: full-width and other compatibility forms become their plain letters and digits (contacts). */
  compatibility?: boolean;
  /** Allows line feeds and tabs (reasons and reports typed in a textarea); CR LF, CR, U+2028 and U+2029 become LF. */
  multiline?: boolean;
};

/**
 * Normalises (NFC, or NFKC), trims, drops U+200B, U+2060 and U+FEFF, and refuses controls, bidi
 * controls, unpaired surrogates and noncharacters, and text that is empty once the invisible is taken
 * away. An empty string stays empty and is not a problem here: length limits are the schema's.
 */
export function cleanText(raw: string, opts: TextOptions = {}): CleanText {
  if (LONE_SURROGATE.test(raw) || NONCHARACTER.test(raw)) return { ok: false, problem: 'invalid-character' };
  let text = raw.normalize(opts.compatibility ? 'NFKC' : 'NFC');
  if (opts.multiline) text = text.replace(/\r\n?|[\u2028\u2029]/gu, '\n');
  // Whitespace at the ends (a pasted trailing line break included) goes first; inside, the rules apply.
  text = text.trim();
  if (CONTROL.test(text) || /[\r\u2028\u2029]/u.test(text) || (!opts.multiline && TAB_OR_NEWLINE.test(text))) {
    return { ok: false, problem: 'control-character' };
  }
  if (BIDI.test(text)) return { ok: false, problem: 'bidi-control' };
  if (text.length > 0 && text.replace(INVISIBLE, '').length === 0) return { ok: false, problem: 'invisible-only' };
  return { ok: true, value: text.replace(DROPPED, '').trim() };
}

/** What is wrong, said to the person who typed it (Indonesian) and to API clients (English), after the field's label. */
export const TEXT_PROBLEM_MESSAGES: Record<TextProblem, { id: string; en: string }> = {
  'control-character': {
    id: 'berisi karakter kontrol yang tidak diizinkan (mis. NUL atau baris baru). Ketik ulang tanpa menyalin dari tempat lain.',
    en: 'contains a control character (such as NUL or a line break).',
  },
  'bidi-control': {
    id: 'berisi karakter pengatur arah teks yang tidak diizinkan. Ketik ulang tanpa menyalin dari tempat lain.',
    en: 'contains a bidirectional control character (such as U+202E).',
  },
  'invisible-only': {
    id: 'hanya berisi karakter yang tidak terlihat. Isi dengan huruf atau angka.',
    en: 'contains only invisible characters.',
  },
  'invalid-character': {
    id: 'berisi karakter yang tidak valid. Ketik ulang tanpa menyalin dari tempat lain.',
    en: 'contains an invalid character (unpaired surrogate or noncharacter).',
  },
};
