import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/auth-context.tsx';
import { QUEUE_PATH } from './moderation-paths.ts';
import { isStaffRole } from './require-staff.tsx';

/** The header's link to the moderation queue, shown to moderators and admins only. */
export function StaffLink() {
  const { t } = useTranslation();
  const { user } = useAuth();
  if (!isStaffRole(user?.role)) return null;
  return (
    <Link to={QUEUE_PATH} className="user-menu__link staff-link">
      {t('moderation.navLink')}
    </Link>
  );
}
