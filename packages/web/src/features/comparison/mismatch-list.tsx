import './comparison.css';
import { useId } from 'react';
import { Link } from 'react-router-dom';
import { fieldLabel } from '../../lib/field-labels.ts';
import { tpsPath } from '../../lib/paths.ts';
import { InlineLoadError } from '../common/load-state.tsx';
import { useFormat } from '../common/use-format.ts';
import { ComparisonBadge } from './comparison-badge.tsx';
import { signed, statusLook } from './comparison-text.ts';
import { LISTED_STATUSES, type ComparisonStatus, type ListedStatus, type MismatchItem } from './comparison-types.ts';
import { useMismatches } from './use-mismatches.ts';

/** How many differing fields a list entry spells out; the TPS page has them all. */
const SHOWN_DIFFERENCES = 3;

/**
 * The TPS below a region in one comparison status, largest impact first, with a status filter and
 * "muat lebih banyak" (the API's cursor). Used by a region's "Selisih" tab and by `/selisih`.
 */
export function MismatchList({
  region,
  status,
  onStatus,
  counts,
}: {
  region: string;
  status: ListedStatus;
  onStatus: (s: ListedStatus) => void;
  counts?: Record<ComparisonStatus, number>;
}) {
  const { t, n } = useFormat();
  const list = useMismatches(region, status);
  const selectId = useId();
  return (
    <div className="mismatches">
      <div className="mismatches__filter">
        <label htmlFor={selectId}>{t('comparison.filterLabel')}</label>
        <select id={selectId} value={status} onChange={(e) => onStatus(e.target.value as ListedStatus)}>
          {LISTED_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`comparison.status.${s}`)}
              {counts ? ` (${n(counts[s])})` : ''}
            </option>
          ))}
        </select>
      </div>
      <p className="muted small">{t('comparison.listOrder')}</p>
      {list.phase === 'loading' && (
        <p className="muted" role="status">
          {t('errors.loading')}
        </p>
      )}
      {list.phase !== 'loading' && list.items.length === 0 && !list.error && (
        <p className="notice">{t(`comparison.emptyList.${status}`)}</p>
      )}
      {list.items.length > 0 && (
        <ol className="mismatch-list" data-testid="mismatch-list">
          {list.items.map((item) => (
            <MismatchEntry key={item.code} item={item} />
          ))}
        </ol>
      )}
      {list.error && <InlineLoadError text={t('comparison.listFailed')} onRetry={list.retry} />}
      {list.nextCursor && !list.error && (
        <p>
          <button
            type="button"
            className="button button--secondary"
            onClick={list.loadMore}
            disabled={list.phase === 'loading-more'}
          >
            {list.phase === 'loading-more' ? t('errors.loading') : t('comparison.loadMore')}
          </button>
        </p>
      )}
    </div>
  );
}

function MismatchEntry({ item }: { item: MismatchItem }) {
  const { t, n } = useFormat();
  const shown = item.differences.slice(0, SHOWN_DIFFERENCES);
  return (
    <li className={`mismatch mismatch--${statusLook(item.status).tone}`} data-tps={item.code}>
      <div className="mismatch__head">
        <Link to={tpsPath(item.code)} className="mismatch__name">
          {item.name} · {item.villageName}
        </Link>
        <ComparisonBadge status={item.status} />
      </div>
      <p className="mismatch__place small muted">
        {[item.location.district, item.location.regency, item.location.province].filter(Boolean).join(', ')}
      </p>
      <p className="mismatch__meta small">
        <span className="code">{item.code}</span>
        <span>{t('comparison.impact', { impact: n(item.impact) })}</span>
        <span>{t('comparison.submissions', { count: item.submissions })}</span>
      </p>
      {shown.length > 0 && (
        <ul className="mismatch__diffs small">
          {shown.map((d) => (
            <li key={d.field}>
              <span aria-hidden="true" className="tone--fail">
                ✗{' '}
              </span>
              {t('comparison.diffLine', {
                field: fieldLabel(t, d.field),
                official: n(d.official),
                crowd: n(d.crowd),
                difference: signed(n, d.difference ?? 0),
              })}
            </li>
          ))}
          {item.differences.length > shown.length && (
            <li className="muted">{t('comparison.moreDiffs', { count: item.differences.length - shown.length })}</li>
          )}
        </ul>
      )}
      {item.conflicts.length > 0 && (
        <p className="small warn-text">
          <span aria-hidden="true">≠ </span>
          {t('comparison.conflictsLine', { fields: item.conflicts.map((f) => fieldLabel(t, f)).join(', ') })}
        </p>
      )}
    </li>
  );
}
