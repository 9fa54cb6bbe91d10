import { authTexts } from '../features/auth/auth.texts.ts';
import { commonTexts } from '../features/common/common.texts.ts';
import { comparisonTexts } from '../features/comparison/comparison.texts.ts';
import { layoutTexts } from '../features/layout/layout.texts.ts';
import { moderationTexts } from '../features/moderation/moderation.texts.ts';
import { regionsTexts } from '../features/regions/regions.texts.ts';
import { searchTexts } from '../features/search/search.texts.ts';
import { submissionsTexts } from '../features/submissions/submissions.texts.ts';
import { tpsTexts } from '../features/tps/tps.texts.ts';
import { uploadTexts } from '../features/upload/upload.texts.ts';

/**
 * Every feature's texts (`features/<f>/<f>.texts.ts`), mounted side by side as the one i18next namespace.
 * Each feature owns its top-level groups (`tps`, `checks`, `upload` …); tests/texts.test.ts checks that no
 * two features claim the same group and that every key is used somewhere in src.
 */
export const FEATURE_TEXTS = [
  layoutTexts,
  commonTexts,
  searchTexts,
  regionsTexts,
  tpsTexts,
  authTexts,
  uploadTexts,
  submissionsTexts,
  moderationTexts,
  comparisonTexts,
] as const;

/** Indonesian, the default language. */
export const id = {
  ...layoutTexts.id,
  ...commonTexts.id,
  ...searchTexts.id,
  ...regionsTexts.id,
  ...tpsTexts.id,
  ...authTexts.id,
  ...uploadTexts.id,
  ...submissionsTexts.id,
  ...moderationTexts.id,
  ...comparisonTexts.id,
};

export type Messages = typeof id;

/** English: each feature's English is typed against its Indonesian, so this has exactly the same keys. */
export const en: Messages = {
  ...layoutTexts.en,
  ...commonTexts.en,
  ...searchTexts.en,
  ...regionsTexts.en,
  ...tpsTexts.en,
  ...authTexts.en,
  ...uploadTexts.en,
  ...submissionsTexts.en,
  ...moderationTexts.en,
  ...comparisonTexts.en,
};

export const resources = { id: { translation: id }, en: { translation: en } };

// Types every `t()` (useTranslation's and i18next's own) by these resources: a missing or misspelt key,
// or a template key whose variable part can be a value with no text, is a type error.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    strictKeyChecks: true;
    resources: { translation: Messages };
  }
}
