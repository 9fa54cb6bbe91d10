import './auth.css';
import { useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAuth } from './auth-context.tsx';
import { LOGIN_PATH, MY_SUBMISSIONS_PATH, UPLOAD_PATH, loginPathFor } from './auth-paths.ts';

/** The header's call to action for witnesses; the upload page asks for a login when needed. */
export function UploadLink() {
  const { t } = useTranslation();
  return (
    <Link to={UPLOAD_PATH} className="upload-cta">
      {t('auth.uploadLink')}
    </Link>
  );
}

/** The header's witness corner: who is signed in, their submissions, log out; or a login link. */
export function UserMenu() {
  const { t } = useTranslation();
  const auth = useAuth();
  const navigate = useNavigate();
  const { pathname, search } = useLocation();
  const [failed, setFailed] = useState(false);

  if (!auth.user) {
    const here = pathname + search;
    const to =
      pathname === LOGIN_PATH || auth.status !== 'ready' ? LOGIN_PATH : loginPathFor(here === '/' ? UPLOAD_PATH : here);
    return (
      <nav className="user-menu" aria-label={t('auth.menuLabel')}>
        <Link to={to} className="user-menu__link">
          {t('auth.login')}
        </Link>
      </nav>
    );
  }

  async function logout() {
    try {
      // Navigating in the sign-out's own render: otherwise a login-only page would first send the user to the login page.
      await auth.logout(() => navigate('/'));
      setFailed(false);
    } catch {
      setFailed(true);
    }
  }

  return (
    <nav className="user-menu" aria-label={t('auth.menuLabel')}>
      <span className="user-menu__who" data-testid="signed-in-as">
        <span className="visually-hidden">{t('auth.signedInAs')} </span>
        {auth.user.name}
      </span>
      <Link to={MY_SUBMISSIONS_PATH} className="user-menu__link">
        {t('auth.mineLink')}
      </Link>
      <button type="button" className="user-menu__link user-menu__button" onClick={() => void logout()}>
        {t('auth.logout')}
      </button>
      {failed && (
        <span role="alert" className="user-menu__error">
          {t('auth.logoutFailed')}
        </span>
      )}
    </nav>
  );
}
