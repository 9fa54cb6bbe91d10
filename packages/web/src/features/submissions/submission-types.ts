import type { SubmissionsService } from '../../../../server/src/modules/submissions/submissions.service.ts';

/** API shapes, taken from the server's own functions so the two cannot drift. */
export type SubmissionView = Awaited<ReturnType<SubmissionsService['get']>>;
export type SubmissionPhotoView = SubmissionView['photos'][number];
export type TpsSubmissions = Awaited<ReturnType<SubmissionsService['listForTps']>>;
export type PublicSubmission = TpsSubmissions['submissions'][number];
