import './layout.css';
import { useTranslation } from 'react-i18next';

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <div className="container">
        <p>{t('app.footerAbout')}</p>
        <p className="muted">{t('app.footerSource')}</p>
      </div>
    </footer>
  );
}
