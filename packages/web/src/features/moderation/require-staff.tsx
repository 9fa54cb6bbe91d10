import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { RequireLogin } from '../auth/require-login.tsx';
import { useAuth } from '../auth/auth-context.tsx';

/** Moderator pages: sign in first; a witness is told the page is for moderators (the server refuses them too). */
export function RequireStaff({ children }: { children: ReactNode }) {
  return (
    <RequireLogin>
      <StaffOnly>{children}</StaffOnly>
    </RequireLogin>
  );
}

function StaffOnly({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  if (user && (user.role === 'moderator' || user.role === 'admin')) return <>{children}</>;
  return (
    <section className="notice notice--error" role="alert">
      <h1>{t('moderation.staffOnlyTitle')}</h1>
      <p>{t('moderation.staffOnlyText')}</p>
    </section>
  );
}

export function isStaffRole(role: string | undefined): boolean {
  return role === 'moderator' || role === 'admin';
}
