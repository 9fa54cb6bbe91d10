import './layout.css';
import { useId } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { SearchBox } from '../search/search-box.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { UploadLink, UserMenu } from '../auth/user-menu.tsx';
import { MismatchesLink } from '../comparison/mismatches-link.tsx';
import { StaffLink } from '../moderation/staff-link.tsx';
import { useSiteMenu } from './use-site-menu.ts';
import { useAuth } from '../auth/auth-context.tsx';

/**
 * One row on wide screens. On phones (styles.css, `max-width: 900px`) two rows: brand, upload, language
 * and a "Menu" button, then the search; the secondary links (mismatches, moderation, the witness's account)
 * open under the button, so the upload call-to-action and the search never hide behind it.
 */
export function SiteHeader() {
  const { t } = useTranslation();
  const menuId = useId();
  const menu = useSiteMenu();
  const { user } = useAuth();
  return (
    <header className="site-header" ref={menu.headerRef} data-signed-in={Boolean(user)}>
      <div className="container site-header__inner" onKeyDown={menu.onKeyDown}>
        <Link to="/" className="brand" aria-label={`${t('app.name')}, ${t('app.home')}`}>
          <span className="brand__mark" aria-hidden="true">
            ✓
          </span>
          <span className="brand__text">
            <span className="brand__name">{t('app.name')}</span>
            <span className="brand__tagline">{t('app.tagline')}</span>
          </span>
        </Link>
        <SearchBox />
        <UploadLink />
        <LanguageSwitch />
        <button
          type="button"
          ref={menu.buttonRef}
          className="site-menu__toggle"
          aria-expanded={menu.open}
          aria-controls={menuId}
          onClick={menu.toggle}
        >
          <span className="site-menu__icon" aria-hidden="true" />
          {t('app.menu')}
        </button>
        <div id={menuId} className="site-menu" data-open={menu.open} onClick={menu.onMenuClick}>
          <MismatchesLink />
          <StaffLink />
          <UserMenu />
        </div>
      </div>
    </header>
  );
}
