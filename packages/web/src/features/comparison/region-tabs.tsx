import './comparison.css';
import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { RegionPage as RegionView } from '@cocok/api';
import { useFormat } from '../common/use-format.ts';
import { MismatchList } from './mismatch-list.tsx';
import { readStatus, readTab, type RegionTab } from './comparison-params.ts';
import type { ListedStatus } from './comparison-types.ts';

/**
 * A region page's two tabs: "Ringkasan" (the figures, given as children) and "Selisih" (the TPS below
 * the region by impact). The ARIA tabs pattern: arrow keys move between tabs, one tab stop.
 */
export function RegionTabs({ region, children }: { region: RegionView; children: ReactNode }) {
  const { t, n } = useFormat();
  const [params, setParams] = useSearchParams();
  const tab = readTab(params);
  const status = readStatus(params);
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const mismatches = region.comparison?.statusCounts.mismatch ?? 0;

  const choose = (next: RegionTab) => setParams(next === 'selisih' ? { tab: 'selisih' } : {});
  const setStatus = (s: ListedStatus) =>
    setParams(s === 'mismatch' ? { tab: 'selisih' } : { tab: 'selisih', status: s }, { replace: true });
  function onKeyDown(e: KeyboardEvent) {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    const next: RegionTab = tab === 'ringkasan' ? 'selisih' : 'ringkasan';
    choose(next);
    tabs.current[next === 'ringkasan' ? 0 : 1]?.focus();
  }

  const tabButton = (id: RegionTab, i: number, label: ReactNode) => (
    <button
      ref={(el) => {
        tabs.current[i] = el;
      }}
      type="button"
      role="tab"
      id={`tab-${id}`}
      aria-selected={tab === id}
      aria-controls={`panel-${id}`}
      tabIndex={tab === id ? 0 : -1}
      className="tabs__tab"
      onClick={() => choose(id)}
      onKeyDown={onKeyDown}
    >
      {label}
    </button>
  );

  return (
    <>
      <div className="tabs" role="tablist" aria-label={t('comparison.tabsLabel')}>
        {tabButton('ringkasan', 0, t('comparison.tabSummary'))}
        {tabButton(
          'selisih',
          1,
          <>
            {t('comparison.tabMismatches')}
            {mismatches > 0 && (
              <span className="tabs__count">
                <span className="visually-hidden"> (</span>
                {n(mismatches)}
                <span className="visually-hidden">)</span>
              </span>
            )}
          </>,
        )}
      </div>
      <div role="tabpanel" id="panel-ringkasan" aria-labelledby="tab-ringkasan" hidden={tab !== 'ringkasan'}>
        {tab === 'ringkasan' && children}
      </div>
      <div role="tabpanel" id="panel-selisih" aria-labelledby="tab-selisih" hidden={tab !== 'selisih'}>
        {tab === 'selisih' && (
          <section className="section" aria-labelledby="mismatches-heading">
            <h2 id="mismatches-heading">{t('comparison.regionListHeading')}</h2>
            <MismatchList
              region={region.code}
              status={status}
              onStatus={setStatus}
              counts={region.comparison?.statusCounts}
            />
          </section>
        )}
      </div>
    </>
  );
}
