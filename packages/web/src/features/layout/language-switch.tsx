import './layout.css';
import { useTranslation } from 'react-i18next';

/** One button that offers the other language, written in that language so its speakers recognise it. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const other = i18n.language === 'en' ? 'id' : 'en';
  return (
    <button
      type="button"
      className="lang-switch"
      lang={other}
      aria-label={t('lang.switchToLabel')}
      onClick={() => void i18n.changeLanguage(other)}
    >
      <span aria-hidden="true" className="lang-switch__code">
        {other.toUpperCase()}
      </span>
      <span className="lang-switch__label">{t('lang.switchTo')}</span>
    </button>
  );
}
