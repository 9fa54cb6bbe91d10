import { z } from 'zod';
import { cleanText, TEXT_PROBLEM_MESSAGES } from './domain.ts';

/**
 * The schema of a free-text request field under the one text rule (@cocok/domain cleanText); the
 * server's parseWith (http/validate.ts) turns its refusal into an `invalid-text` answer.
 */

/** How a field is named in a refusal: "Nama berisi ...", "Name contains ...". */
export type TextLabel = { id: string; en: string };

/** The issue param the server's parseWith turns into the envelope's Indonesian message (http/validate.ts). */
export const USER_MESSAGE_PARAM = 'messageId';

/**
 * Cleaned first, then the length limits are checked on what will be stored. The raw string is bounded
 * too (four times the limit: room for characters the rule drops) so a huge body is refused before it
 * is normalised.
 */
export function freeText({
  label,
  min = 1,
  max,
  multiline = false,
}: {
  label: TextLabel;
  min?: number;
  max: number;
  multiline?: boolean;
}) {
  return z
    .string()
    .max(max * 4)
    .transform((raw, ctx) => {
      const cleaned = cleanText(raw, { multiline });
      if (cleaned.ok) return cleaned.value;
      const { id, en } = TEXT_PROBLEM_MESSAGES[cleaned.problem];
      ctx.addIssue({
        code: 'custom',
        message: `${label.en} ${en}`,
        params: { [USER_MESSAGE_PARAM]: `${label.id} ${id}`, problem: cleaned.problem },
      });
      return z.NEVER;
    })
    .pipe(z.string().min(min).max(max));
}
