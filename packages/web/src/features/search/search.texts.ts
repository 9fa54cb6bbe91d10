/**
 * UI text of the search box and the search page, in Indonesian and English.
 * Mounted into the i18next resources by web/src/i18n/texts.ts; the English is typed against the Indonesian.
 */
const id = {
  search: {
    label: 'Cari TPS atau wilayah',
    placeholder: 'Kode TPS atau nama tempat',
    submit: 'Cari',
    title: 'Pencarian',
    resultsFor: 'Hasil pencarian untuk “{{q}}”',
    regions: 'Wilayah',
    tps: 'TPS',
    none: 'Tidak ada wilayah atau TPS yang cocok dengan “{{q}}”.',
    tooShort: 'Ketik minimal 2 huruf atau angka.',
    hint: 'Cari dengan nama desa, kecamatan, kabupaten/kota atau provinsi, atau dengan kode TPS (13 karakter) atau awal kodenya.',
    limited: 'Hanya {{n}} hasil pertama yang ditampilkan; perjelas pencarian untuk hasil lain.',
  },
};

const en: typeof id = {
  search: {
    label: 'Search for a TPS or a place',
    placeholder: 'TPS code or place name',
    submit: 'Search',
    title: 'Search',
    resultsFor: 'Search results for “{{q}}”',
    regions: 'Places',
    tps: 'Polling stations (TPS)',
    none: 'No place or TPS matches “{{q}}”.',
    tooShort: 'Type at least 2 letters or digits.',
    hint: 'Search by the name of a village, district, regency/city or province, or by a TPS code (13 characters) or its beginning.',
    limited: 'Only the first {{n}} results are shown; refine the search to see others.',
  },
};

export const searchTexts = { id, en };
