import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { RegionRef } from '@cocok/api';
import { regionPath } from '../../lib/paths.ts';

/** Where a region or TPS sits in the tree, nation first; the current page is the last, unlinked item. */
export function Breadcrumb({ trail, current }: { trail: RegionRef[]; current: string }) {
  const { t } = useTranslation();
  return (
    <nav className="breadcrumb" aria-label={t('region.breadcrumb')}>
      <ol>
        {trail.map((r) => (
          <li key={r.code}>
            <Link to={regionPath(r.code)}>{r.level === 0 ? t('region.nationTitle') : r.name}</Link>
          </li>
        ))}
        <li aria-current="page">{current}</li>
      </ol>
    </nav>
  );
}
