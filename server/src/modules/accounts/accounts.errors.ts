import { AppError } from '../../core/errors.ts';

/** Failures of the auth routes, in Indonesian for the UI and English for API clients. */
export const accountErrors = {
  invalidContact: (contact: string) =>
    new AppError(
      'invalid-contact',
      400,
      'Isi nomor HP (mis. 0812...) atau alamat e-mail yang benar.',
      'Contact must be a phone number or an e-mail address.',
      { contact },
    ),
  contactTaken: () =>
    new AppError('contact-taken', 409, 'Nomor HP atau e-mail ini sudah terdaftar. Silakan masuk.', 'This contact is already registered.'),
  wrongCredentials: () =>
    new AppError('wrong-credentials', 401, 'Nomor HP/e-mail atau kata sandi salah.', 'Wrong contact or password.'),
  banned: () => new AppError('account-banned', 403, 'Akun ini telah diblokir.', 'This account has been banned.'),
};
