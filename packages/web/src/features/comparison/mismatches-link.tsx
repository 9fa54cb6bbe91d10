import './comparison.css';
import { NavLink } from 'react-router-dom';
import { useFormat } from '../common/use-format.ts';
import { MISMATCHES_PATH } from './comparison-params.ts';

/** The header's link to the national "Selisih terbesar" page. */
export function MismatchesLink() {
  const { t } = useFormat();
  return (
    <NavLink to={MISMATCHES_PATH} className="header-link">
      <span aria-hidden="true">✗ </span>
      {t('comparison.navLink')}
    </NavLink>
  );
}
