/**
 * UI text of the site header, footer and language switch, in Indonesian and English.
 * Mounted into the i18next resources by web/src/i18n/texts.ts; the English is typed against the Indonesian.
 */
const id = {
  app: {
    name: 'Cocok',
    tagline: 'Hasil Pilpres 2024, diperiksa TPS demi TPS',
    skipToContent: 'Langsung ke isi halaman',
    home: 'Beranda',
    menu: 'Menu',
    footerAbout:
      'Cocok membandingkan angka formulir C.HASIL-PPWP dari saksi dengan angka resmi KPU (Sirekap) untuk setiap TPS. Angka resmi berasal dari situs KPU dan ditampilkan apa adanya.',
    footerSource: 'Sumber data resmi: KPU, Sirekap Pemilu 2024.',
  },
  lang: {
    switchTo: 'English',
    switchToLabel: 'Switch to English',
  },
};

const en: typeof id = {
  app: {
    name: 'Cocok',
    tagline: 'The 2024 presidential count, checked TPS by TPS',
    skipToContent: 'Skip to content',
    home: 'Home',
    menu: 'Menu',
    footerAbout:
      "Cocok compares the figures on witnesses' C.HASIL-PPWP forms with KPU's official (Sirekap) figures for every polling station (TPS). Official figures come from KPU's website and are shown as published.",
    footerSource: 'Official data source: KPU, Sirekap, 2024 election.',
  },
  lang: {
    switchTo: 'Bahasa Indonesia',
    switchToLabel: 'Ganti ke Bahasa Indonesia',
  },
};

export const layoutTexts = { id, en };
