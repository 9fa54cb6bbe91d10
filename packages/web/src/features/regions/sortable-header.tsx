import './regions.css';
import { useTranslation } from 'react-i18next';
import type { SortKey, SortState } from './sort-children.ts';

/** A column heading that sorts on click; `aria-sort` tells assistive technology the current order. */
export function SortableHeader({
  column,
  label,
  sort,
  numeric,
  onSort,
}: {
  column: SortKey;
  label: string;
  sort: SortState;
  numeric?: boolean;
  onSort: (key: SortKey) => void;
}) {
  const { t } = useTranslation();
  const active = sort.key === column;
  const arrow = !active ? '↕' : sort.direction === 'ascending' ? '▲' : '▼';
  return (
    <th scope="col" aria-sort={active ? sort.direction : undefined} className={numeric ? 'num' : undefined}>
      <button
        type="button"
        className="sort-button"
        onClick={() => onSort(column)}
        title={t('region.sortBy', { col: label })}
      >
        {label}
        <span className={`sort-button__arrow${active ? ' is-active' : ''}`} aria-hidden="true">
          {arrow}
        </span>
      </button>
    </th>
  );
}
