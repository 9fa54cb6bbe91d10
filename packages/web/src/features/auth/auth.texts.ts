/**
 * UI text of sign-up, login and the account menu, in Indonesian and English.
 * Mounted into the i18next resources by web/src/i18n/texts.ts; the English is typed against the Indonesian.
 */
const id = {
  auth: {
    kicker: 'Akun saksi',
    menuLabel: 'Akun saksi',
    loginTitle: 'Masuk',
    registerTitle: 'Daftar sebagai saksi',
    loginIntro: 'Masuk untuk mengunggah foto formulir C.HASIL dari TPS Anda.',
    registerIntro:
      'Akun diperlukan untuk mengunggah foto formulir. Nama, nomor HP dan e-mail Anda tidak pernah ditampilkan; publik hanya melihat nama samaran seperti Saksi-7K3QX9.',
    name: 'Nama',
    contact: 'Nomor HP atau e-mail',
    contactHint: 'Contoh: 0812 3456 7890 atau nama@contoh.id',
    password: 'Kata sandi',
    passwordHint: 'Minimal {{n}} karakter.',
    login: 'Masuk',
    loggingIn: 'Sedang masuk…',
    register: 'Daftar',
    registering: 'Sedang mendaftar…',
    logout: 'Keluar',
    logoutFailed: 'Gagal keluar; coba lagi.',
    noAccount: 'Belum punya akun?',
    registerLink: 'Daftar di sini',
    haveAccount: 'Sudah punya akun?',
    loginLink: 'Masuk di sini',
    signedInAs: 'Masuk sebagai',
    mineLink: 'Kiriman saya',
    uploadLink: 'Unggah',
    problems: {
      nameMissing: 'Isi nama Anda.',
      contactMissing: 'Isi nomor HP atau alamat e-mail.',
      passwordShort: 'Kata sandi minimal {{n}} karakter.',
      passwordMissing: 'Isi kata sandi.',
    },
  },
};

const en: typeof id = {
  auth: {
    kicker: 'Witness account',
    menuLabel: 'Witness account',
    loginTitle: 'Log in',
    registerTitle: 'Sign up as a witness',
    loginIntro: 'Log in to upload photos of the C.HASIL form from your polling station.',
    registerIntro:
      'An account is needed to upload photos of the form. Your name, phone number and e-mail are never shown; the public only sees a pseudonym such as Saksi-7K3QX9.',
    name: 'Name',
    contact: 'Phone number or e-mail',
    contactHint: 'For example: 0812 3456 7890 or name@example.id',
    password: 'Password',
    passwordHint: 'At least {{n}} characters.',
    login: 'Log in',
    loggingIn: 'Logging in…',
    register: 'Sign up',
    registering: 'Signing up…',
    logout: 'Log out',
    logoutFailed: 'Could not log out; try again.',
    noAccount: 'No account yet?',
    registerLink: 'Sign up here',
    haveAccount: 'Already have an account?',
    loginLink: 'Log in here',
    signedInAs: 'Signed in as',
    mineLink: 'My submissions',
    uploadLink: 'Upload',
    problems: {
      nameMissing: 'Enter your name.',
      contactMissing: 'Enter a phone number or e-mail address.',
      passwordShort: 'The password needs at least {{n}} characters.',
      passwordMissing: 'Enter your password.',
    },
  },
};

export const authTexts = { id, en };
