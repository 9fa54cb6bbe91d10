import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { SearchBox } from '../search/search-box.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { UserMenu } from '../auth/user-menu.tsx';
import { MismatchesLink } from '../comparison/mismatches-link.tsx';
import { StaffLink } from '../moderation/staff-link.tsx';

export function SiteHeader() {
  const { t } = useTranslation();
  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <Link to="/" className="brand" aria-label={`${t('app.name')}, ${t('app.home')}`}>
          <span className="brand__mark" aria-hidden="true">
            ✓
          </span>
          <span className="brand__text">
            <span className="brand__name">{t('app.name')}</span>
            <span className="brand__tagline">{t('app.tagline')}</span>
          </span>
        </Link>
        <MismatchesLink />
        <SearchBox />
        <StaffLink />
        <UserMenu />
        <LanguageSwitch />
      </div>
    </header>
  );
}
