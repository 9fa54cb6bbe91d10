/**
 * UI text of words several features share: levels of the region tree, check statuses, the form's fields and rows, load and error states, in Indonesian and English.
 * Mounted into the i18next resources by web/src/i18n/texts.ts; the English is typed against the Indonesian.
 */
const id = {
  levels: {
    nation: 'Nasional',
    province: 'Provinsi',
    regency: 'Kabupaten/Kota',
    district: 'Kecamatan',
    village: 'Desa/Kelurahan',
    tps: 'TPS',
  },
  status: {
    pass: 'Sesuai',
    fail: 'Tidak sesuai',
    skipped: 'Tidak dapat diperiksa',
  },
  rows: {
    pemilih_dpt: 'Pemilih DPT',
    pengguna_dpt: 'Pengguna hak pilih DPT',
    pengguna_dptb: 'Pengguna hak pilih DPTb',
    pengguna_non_dpt: 'Pengguna hak pilih DPK',
    pengguna_total: 'Jumlah pengguna hak pilih',
    disabilitas: 'Pemilih disabilitas yang menggunakan hak pilih',
  },
  rowNotes: {
    pemilih_dpt: 'daftar pemilih tetap',
    pengguna_dptb: 'daftar pemilih tambahan',
    pengguna_non_dpt: 'daftar pemilih khusus',
  },
  sex: { l: 'laki-laki', p: 'perempuan', j: 'jumlah' },
  sexShort: { l: 'L', p: 'P', j: 'J' },
  fields: {
    suara_paslon_1: 'Suara Paslon 01 (Anies-Muhaimin)',
    suara_paslon_2: 'Suara Paslon 02 (Prabowo-Gibran)',
    suara_paslon_3: 'Suara Paslon 03 (Ganjar-Mahfud)',
    suara_sah: 'Suara sah',
    suara_tidak_sah: 'Suara tidak sah',
    suara_total: 'Jumlah suara sah dan tidak sah',
    surat_suara_diterima: 'Surat suara diterima',
    surat_suara_digunakan: 'Surat suara digunakan',
    surat_suara_rusak: 'Surat suara rusak atau keliru dicoblos',
    surat_suara_sisa: 'Surat suara sisa (tidak digunakan)',
  },
  errors: {
    loading: 'Memuat data…',
    notFoundTitle: 'Tidak ditemukan',
    notFoundPage: 'Halaman yang Anda cari tidak ada.',
    networkTitle: 'Gagal memuat data',
    networkText: 'Server tidak dapat dihubungi atau sedang bermasalah. Periksa sambungan internet, lalu coba lagi.',
    retry: 'Coba lagi',
    backHome: 'Kembali ke beranda',
    unexpected: 'Terjadi kesalahan. Coba lagi.',
  },
};

const en: typeof id = {
  levels: {
    nation: 'National',
    province: 'Province',
    regency: 'Regency/City',
    district: 'District',
    village: 'Village',
    tps: 'TPS',
  },
  status: {
    pass: 'Passed',
    fail: 'Failed',
    skipped: 'Cannot be checked',
  },
  rows: {
    pemilih_dpt: 'Voters on the DPT',
    pengguna_dpt: 'DPT voters who voted',
    pengguna_dptb: 'DPTb voters who voted',
    pengguna_non_dpt: 'DPK voters who voted',
    pengguna_total: 'All voters who voted',
    disabilitas: 'Voters with disabilities who voted',
  },
  rowNotes: {
    pemilih_dpt: 'permanent voter list',
    pengguna_dptb: 'additional voter list',
    pengguna_non_dpt: 'special voter list',
  },
  sex: { l: 'men', p: 'women', j: 'total' },
  sexShort: { l: 'M', p: 'W', j: 'Total' },
  fields: {
    suara_paslon_1: 'Votes for pair 01 (Anies-Muhaimin)',
    suara_paslon_2: 'Votes for pair 02 (Prabowo-Gibran)',
    suara_paslon_3: 'Votes for pair 03 (Ganjar-Mahfud)',
    suara_sah: 'Valid votes',
    suara_tidak_sah: 'Invalid votes',
    suara_total: 'Total votes (valid and invalid)',
    surat_suara_diterima: 'Ballots received',
    surat_suara_digunakan: 'Ballots used',
    surat_suara_rusak: 'Ballots damaged or spoilt',
    surat_suara_sisa: 'Ballots left unused',
  },
  errors: {
    loading: 'Loading…',
    notFoundTitle: 'Not found',
    notFoundPage: 'The page you are looking for does not exist.',
    networkTitle: 'Could not load the data',
    networkText: 'The server cannot be reached or has a problem. Check your connection, then try again.',
    retry: 'Try again',
    backHome: 'Back to the home page',
    unexpected: 'Something went wrong. Try again.',
  },
};

export const commonTexts = { id, en };
