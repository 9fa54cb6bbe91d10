import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { resources } from './texts.ts';

export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'cocok.lang';

/** Indonesian unless the visitor chose English before; the choice is remembered in localStorage. */
export function setupI18n(): typeof i18n {
  void i18n.use(initReactI18next).init({
    resources,
    lng: savedLanguage() ?? 'id',
    fallbackLng: 'id',
    supportedLngs: [...LANGUAGES],
    // React escapes text itself; escaping here would show "&amp;" in names.
    interpolation: { escapeValue: false },
    // Resources are bundled, so initialise synchronously and never render untranslated keys.
    initAsync: false,
  });
  document.documentElement.lang = i18n.language;
  i18n.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
    try {
      localStorage.setItem(STORAGE_KEY, lng);
    } catch {
      // Private browsing may forbid storage; the switch still works for this visit.
    }
  });
  return i18n;
}

function savedLanguage(): Language | undefined {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return (LANGUAGES as readonly string[]).includes(v ?? '') ? (v as Language) : undefined;
  } catch {
    return undefined;
  }
}
