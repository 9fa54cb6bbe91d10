import { AppError } from '../../core/errors.ts';

/** Refusals of the upload, confirm and withdraw routes. */
export const submissionErrors = {
  noPhotos: () =>
    new AppError(
      'no-photos',
      400,
      'Pilih minimal satu foto formulir C.HASIL.',
      'Send at least one photo in the `photos` field.',
    ),
  unexpectedField: (field: string) =>
    new AppError(
      'unexpected-field',
      400,
      'Permintaan unggahan tidak valid.',
      `Unexpected multipart field: ${field} (use tps and photos).`,
      { field },
    ),
  fileTooLarge: (name: string | undefined, maxMb: number) =>
    new AppError(
      'file-too-large',
      413,
      `${name ? `Foto "${name}"` : 'Foto'} terlalu besar. Ukuran maksimal ${maxMb} MB per foto.`,
      `${name ? `File "${name}"` : 'A file'} is larger than ${maxMb} MB.`,
      { file: name ?? null, maxMb },
    ),
  tooManyFiles: (max: number) =>
    new AppError(
      'too-many-files',
      413,
      `Paling banyak ${max} foto sekali kirim.`,
      `At most ${max} photos per upload.`,
      { max },
    ),
  uploadLimit: (perHour: number) =>
    new AppError(
      'upload-limit',
      429,
      `Anda sudah mengirim ${perHour} kali dalam satu jam terakhir. Coba lagi nanti.`,
      `Upload limit reached: ${perHour} uploads per hour.`,
      { perHour },
    ),
  tpsBusy: (tps: string, pending: number) =>
    new AppError(
      'tps-busy',
      429,
      `TPS ${tps} sudah memiliki ${pending} kiriman yang menunggu pemeriksaan. Coba lagi setelah kiriman tersebut dikonfirmasi.`,
      `TPS ${tps} already has ${pending} submissions waiting for review.`,
      { tps, pending },
    ),
  stillReading: () =>
    new AppError(
      'still-reading',
      409,
      'Foto masih dibaca. Tunggu sampai selesai, lalu konfirmasi.',
      'Photos of this submission are still being read.',
    ),
  withdrawn: () => new AppError('withdrawn', 409, 'Kiriman ini sudah ditarik.', 'This submission has been withdrawn.'),
  alreadyConfirmed: () =>
    new AppError('already-confirmed', 409, 'Kiriman ini sudah dikonfirmasi.', 'This submission is already confirmed.'),
  nothingToConfirm: () =>
    new AppError(
      'no-pages-read',
      422,
      'Tidak ada halaman formulir yang terbaca pada foto kiriman ini. Kirim ulang foto formulir.',
      'No form page was recognised in the photos of this submission.',
    ),
  invalidFields: (fields: string[]) =>
    new AppError(
      'invalid-fields',
      400,
      `Kolom berikut tidak ada pada halaman yang diunggah: ${fields.join(', ')}.`,
      `Fields not on the uploaded pages: ${fields.join(', ')}.`,
      { fields },
    ),
  unknownField: (field: string) =>
    new AppError('not-found', 404, `Kolom ${field} tidak dikenal.`, `Unknown field ${field}.`, { field }),
};
