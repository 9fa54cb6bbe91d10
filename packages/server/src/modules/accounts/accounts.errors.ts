import { AppError } from '../../core/errors.ts';
import { TEXT_PROBLEM_MESSAGES } from '@cocok/domain';
import type { ContactProblem } from './accounts.logic.ts';

const minutes = (seconds: number) => Math.max(1, Math.ceil(seconds / 60));

function contactMessage(problem: ContactProblem): { id: string; en: string } {
  if (problem === 'not-a-contact')
    return {
      id: 'Isi nomor HP (mis. 0812...) atau alamat e-mail yang benar.',
      en: 'Contact must be a phone number or an e-mail address.',
    };
  if (problem === 'not-ascii') {
    return {
      id: 'Alamat e-mail hanya boleh berisi huruf latin biasa (a-z), angka dan tanda baca. Huruf yang mirip dari abjad lain tidak diterima.',
      en: 'An e-mail address must be plain ASCII (letters that only look like Latin ones are refused).',
    };
  }
  const { id, en } = TEXT_PROBLEM_MESSAGES[problem];
  return { id: `Nomor HP atau e-mail ${id}`, en: `The contact ${en}` };
}

/** Failures of the auth routes, in Indonesian for the UI and English for API clients. */
export const accountErrors = {
  invalidContact: (contact: string, problem: ContactProblem = 'not-a-contact') => {
    const { id, en } = contactMessage(problem);
    return new AppError('invalid-contact', 400, id, en, { contact, problem });
  },
  contactTaken: () =>
    new AppError(
      'contact-taken',
      409,
      'Nomor HP atau e-mail ini sudah terdaftar. Silakan masuk.',
      'This contact is already registered.',
    ),
  wrongCredentials: () =>
    new AppError('wrong-credentials', 401, 'Nomor HP/e-mail atau kata sandi salah.', 'Wrong contact or password.'),
  banned: () => new AppError('account-banned', 403, 'Akun ini telah diblokir.', 'This account has been banned.'),
  tooManySignups: (retryAfterSeconds: number) =>
    new AppError(
      'too-many-signups',
      429,
      `Terlalu banyak pendaftaran dari alamat internet ini. Coba lagi dalam ${minutes(retryAfterSeconds)} menit.`,
      'Too many sign-ups from this address. Try again later.',
      { retryAfterSeconds },
    ),
  lastAdmin: () =>
    new AppError(
      'last-admin',
      409,
      'Ini admin terakhir: perannya tidak dapat diubah sebelum ada admin lain.',
      'This is the last admin: make another admin before changing this role.',
    ),
};
