import { Router, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import multer from 'multer';
import { routes, submissionIdParam } from '@cocok/api';
import type { UploadSettings } from '../../config.ts';
import { errors } from '../../core/errors.ts';
import { parseWith } from '../../http/validate.ts';
import { publicAnswer } from '../../http/cache-policy.ts';
import { currentUser, requireUser } from '../accounts/accounts.middleware.ts';
import { submissionErrors } from './submissions.errors.ts';
import type { SubmissionsService } from './submissions.service.ts';
import type { createSubmissionUploadService } from './submission-upload.service.ts';

const PHOTO_FIELDS = new Set(['photos', 'photos[]']);

/** Photos are parsed into memory with hard limits; multer's errors become our envelope (413 naming the file). */
function photoUpload(limits: UploadSettings): RequestHandler {
  const parse = multer({
    storage: multer.memoryStorage(),
    limits: {
      fileSize: limits.maxFileBytes,
      files: limits.maxFiles,
      fields: 10,
      fieldSize: 1024,
      parts: limits.maxFiles + 10,
    },
  }).any();
  const maxMb = Math.round((limits.maxFileBytes / 1024 / 1024) * 10) / 10;
  return (req: Request, res: Response, next: NextFunction) => {
    parse(req, res, (err?: unknown) => {
      if (!err) return next();
      const e = err as { code?: string; filename?: string; field?: string };
      if (e.code === 'LIMIT_FILE_SIZE') return next(submissionErrors.fileTooLarge(e.filename, maxMb));
      if (e.code === 'LIMIT_FILE_COUNT') return next(submissionErrors.tooManyFiles(limits.maxFiles));
      if (e.code === 'LIMIT_UNEXPECTED_FILE') return next(submissionErrors.unexpectedField(e.field ?? ''));
      if (typeof e.code === 'string' && e.code.startsWith('LIMIT_'))
        return next(errors.badRequest({ reason: e.code }, 'Upload form too large.'));
      next(err);
    });
  };
}

/** A `:id` that is no positive integer names no submission: 404 from the service, like an id nobody has (not a 400). */
const idOf = (req: Request) => {
  const parsed = submissionIdParam.safeParse(req.params.id);
  return parsed.success ? parsed.data : -1;
};

export function submissionsRoutes(
  submissions: SubmissionsService,
  uploads: ReturnType<typeof createSubmissionUploadService>,
  limits: UploadSettings,
): Router {
  const router = Router();
  const checkAllowed: RequestHandler = async (req, _res, next) => {
    await uploads.checkAllowed(currentUser(req));
    next();
  };

  router.post(routes.upload.pattern, requireUser, checkAllowed, photoUpload(limits), async (req, res) => {
    const files = (req.files as Express.Multer.File[] | undefined) ?? [];
    const stray = files.find((f) => !PHOTO_FIELDS.has(f.fieldname));
    if (stray) throw submissionErrors.unexpectedField(stray.fieldname);
    const { tps } = parseWith(routes.upload.body, req.body ?? {});
    const result = await uploads.upload(
      currentUser(req),
      tps.toUpperCase(),
      files.map((f) => ({ name: f.originalname, bytes: f.buffer })),
    );
    res.status(result.created ? routes.upload.status : 200).json(result.body);
  });
  router.get(routes.mySubmissions.pattern, requireUser, async (req, res) => {
    res.json(await submissions.listMine(currentUser(req)));
  });
  router.get(routes.submission.pattern, requireUser, async (req, res) => {
    res.json(await submissions.get(idOf(req), currentUser(req)));
  });
  router.post(routes.confirmSubmission.pattern, requireUser, async (req, res) => {
    const { fields } = parseWith(routes.confirmSubmission.body, req.body ?? {});
    res.json(await submissions.confirm(idOf(req), currentUser(req), fields));
  });
  router.post(routes.withdrawSubmission.pattern, requireUser, async (req, res) => {
    res.json(await submissions.withdraw(idOf(req), currentUser(req)));
  });
  router.get(routes.fieldCutout.pattern, requireUser, async (req, res) => {
    const image = await submissions.cutout(
      idOf(req),
      currentUser(req),
      String(req.params.sha256),
      String(req.params.field),
    );
    res.set('Cache-Control', 'private, max-age=3600').type('jpeg').send(image);
  });
  router.get(routes.tpsSubmissions.pattern, publicAnswer, async (req, res) => {
    res.json(await submissions.listForTps(String(req.params.code)));
  });
  return router;
}
