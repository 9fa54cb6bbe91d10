import { AppError } from '../../core/errors.ts';

/** Refusals of an uploaded file, each naming the file so the witness knows which one to replace. */
export const photoErrors = {
  unsupportedType: (name: string) =>
    new AppError(
      'unsupported-type',
      415,
      `Berkas "${name}" bukan foto yang didukung. Kirim foto JPEG, PNG, WebP atau HEIC.`,
      `File "${name}" is not a supported image (JPEG, PNG, WebP or HEIC).`,
      { file: name },
    ),
  undecodable: (name: string) =>
    new AppError(
      'image-unreadable',
      422,
      `Foto "${name}" rusak atau tidak lengkap dan tidak bisa dibuka. Ambil atau kirim ulang fotonya.`,
      `Image "${name}" is damaged or incomplete and cannot be decoded.`,
      { file: name },
    ),
  tooManyPixels: (name: string, megapixels: number, maxMegapixels: number) =>
    new AppError(
      'image-too-large',
      422,
      `Foto "${name}" terlalu besar (${megapixels} megapiksel; paling banyak ${maxMegapixels}). Kirim foto dengan resolusi lebih kecil.`,
      `Image "${name}" has too many pixels (${megapixels} MP; at most ${maxMegapixels} MP).`,
      { file: name, megapixels, maxMegapixels },
    ),
  notFound: (sha256: string) =>
    new AppError('not-found', 404, 'Foto tidak ditemukan.', `No photo ${sha256}.`, { sha256 }),
  takenDown: (sha256: string) =>
    new AppError(
      'photo-taken-down',
      410,
      'Foto ini sudah diturunkan oleh moderator.',
      `Photo ${sha256} was taken down by a moderator.`,
      { sha256 },
    ),
  noCutout: (field: string) =>
    new AppError(
      'no-cutout',
      404,
      `Potongan kolom ${field} tidak tersedia untuk foto ini.`,
      `No cut-out of field ${field} for this photo.`,
      { field },
    ),
};
