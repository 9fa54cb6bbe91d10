import { lazy } from 'react';

/**
 * Pages loaded on demand, each its own chunk: most visitors only read the public region and TPS pages,
 * so the witness app (with its photo shrinking and EXIF code), the moderator pages and the national
 * mismatch list stay out of the first download. `AppLayout` shows the loading state while a chunk arrives.
 */
export const LoginPage = lazy(() => import('./features/auth/login-page.tsx').then((m) => ({ default: m.LoginPage })));
export const RegisterPage = lazy(() =>
  import('./features/auth/register-page.tsx').then((m) => ({ default: m.RegisterPage })),
);
export const UploadPage = lazy(() =>
  import('./features/upload/upload-page.tsx').then((m) => ({ default: m.UploadPage })),
);
export const SubmissionPage = lazy(() =>
  import('./features/submissions/submission-page.tsx').then((m) => ({ default: m.SubmissionPage })),
);
export const MySubmissionsPage = lazy(() =>
  import('./features/submissions/my-submissions-page.tsx').then((m) => ({ default: m.MySubmissionsPage })),
);
export const MismatchesPage = lazy(() =>
  import('./features/comparison/mismatches-page.tsx').then((m) => ({ default: m.MismatchesPage })),
);
export const QueuePage = lazy(() =>
  import('./features/moderation/queue-page.tsx').then((m) => ({ default: m.QueuePage })),
);
export const ReviewPage = lazy(() =>
  import('./features/moderation/review-page.tsx').then((m) => ({ default: m.ReviewPage })),
);
export const DashboardPage = lazy(() =>
  import('./features/moderation/dashboard-page.tsx').then((m) => ({ default: m.DashboardPage })),
);
export const UsersPage = lazy(() =>
  import('./features/moderation/users-page.tsx').then((m) => ({ default: m.UsersPage })),
);
