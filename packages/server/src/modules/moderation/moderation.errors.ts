import { AppError } from '../../core/errors.ts';

/** Refusals of the moderation routes, in Indonesian for the UI and English for API clients. */
export const moderationErrors = {
  claimedByOther: (holder: string, expiresAt: string) =>
    new AppError(
      'claimed-by-other',
      409,
      `TPS ini sedang ditangani ${holder} sampai ${expiresAt}.`,
      `Another moderator (${holder}) holds this TPS until ${expiresAt}.`,
      { holder, expiresAt },
    ),
  ownUpload: () =>
    new AppError(
      'own-upload',
      403,
      'Anda tidak boleh memutuskan TPS yang kirimannya Anda unggah sendiri.',
      'Moderators may not decide on a TPS with submissions they uploaded.',
    ),
  escalated: () =>
    new AppError(
      'escalated',
      403,
      'TPS ini sudah diteruskan ke admin; hanya admin yang dapat memutuskan.',
      'This TPS was escalated: only admins decide now.',
    ),
  submissionNotInTps: (id: number, tps: string) =>
    new AppError(
      'submission-not-in-tps',
      400,
      `Kiriman ${id} bukan milik TPS ${tps}.`,
      `Submission ${id} does not belong to TPS ${tps}.`,
      { submissionId: id, tps },
    ),
  submissionWithdrawn: (id: number) =>
    new AppError(
      'submission-withdrawn',
      409,
      `Kiriman ${id} sudah ditarik atau ditolak.`,
      `Submission ${id} is already withdrawn or rejected.`,
      { submissionId: id },
    ),
  submissionNotConfirmed: (id: number) =>
    new AppError(
      'submission-not-confirmed',
      409,
      `Kiriman ${id} belum dikonfirmasi saksi, jadi belum ada angkanya.`,
      `Submission ${id} has no confirmed figures.`,
      { submissionId: id },
    ),
  sameTps: (tps: string) =>
    new AppError('same-tps', 400, `Kiriman sudah berada di TPS ${tps}.`, `The submission is already at TPS ${tps}.`, {
      tps,
    }),
  nothingVerified: () =>
    new AppError(
      'nothing-verified',
      409,
      'TPS ini belum punya angka terverifikasi.',
      'This TPS has no verified figures to clear.',
    ),
  noOpenReports: () =>
    new AppError('no-open-reports', 409, 'Tidak ada laporan terbuka untuk TPS ini.', 'This TPS has no open reports.'),
  uploaderIsStaff: () =>
    new AppError(
      'uploader-is-staff',
      403,
      'Moderator atau admin tidak dapat diblokir dari sini.',
      'Moderators and admins cannot be banned here.',
    ),
  ownRole: () =>
    new AppError('own-role', 403, 'Anda tidak dapat mengubah peran Anda sendiri.', 'You cannot change your own role.'),
  contactNotFound: () =>
    new AppError('not-found', 404, 'Tidak ada akun dengan nomor HP atau e-mail itu.', 'No account with that contact.'),
  userNotFound: (id: number) =>
    new AppError('not-found', 404, `Tidak ada pengguna dengan nomor ${id}.`, `No user with id ${id}.`, { id }),
  invalidCursor: () =>
    new AppError('invalid-cursor', 400, 'Penanda halaman tidak valid. Muat ulang antrean.', 'Invalid cursor.'),
  alreadyTakenDown: (sha256: string) =>
    new AppError('photo-already-taken-down', 409, 'Foto ini sudah diturunkan.', 'This photo was already taken down.', {
      sha256,
    }),
  tooManyReports: () =>
    new AppError(
      'too-many-reports',
      429,
      'Terlalu banyak laporan dari alamat ini. Coba lagi nanti.',
      'Too many reports from this address. Try again later.',
    ),
};
