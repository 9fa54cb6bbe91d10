/** API shapes of the submission pages: the wire contract's (@cocok/api), under the names the pages use. */
export type {
  PublicSubmission,
  SubmissionView,
  TpsSubmissions,
  SubmissionPhoto as SubmissionPhotoView,
} from '@cocok/api';
