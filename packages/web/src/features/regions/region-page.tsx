import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { RegionPage as RegionView } from '@cocok/api';
import { Breadcrumb } from '../common/breadcrumb.tsx';
import { Loaded } from '../common/load-state.tsx';
import { PageHeader } from '../common/page-header.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useRegion } from './use-region.ts';
import { CandidateTotals } from './candidate-totals.tsx';
import { CoverageStats } from './coverage-stats.tsx';
import { ChildrenTable } from './children-table.tsx';
import { RegionTabs } from '../comparison/region-tabs.tsx';
import { RegionComparison } from '../comparison/region-comparison.tsx';
import { levelLabel } from '../../lib/field-labels.ts';

/** `/` (the nation) and `/wilayah/:code` (any province, regency, district or village). */
export function RegionPage() {
  const { code } = useParams();
  const result = useRegion(code);
  // Keyed by code so a page's local state (table sort) starts fresh for each region.
  return <Loaded result={result}>{(region) => <RegionContent key={region.code} region={region} />}</Loaded>;
}

function RegionContent({ region }: { region: RegionView }) {
  const { t } = useTranslation();
  const isNation = region.level === 0;
  const title = isNation ? t('region.nationTitle') : region.name;
  useDocumentTitle(title);
  return (
    <>
      {!isNation && <Breadcrumb trail={region.breadcrumb} current={region.name} />}
      <PageHeader kicker={levelLabel(t, region.levelName)} title={title}>
        {!isNation && (
          <span>
            {t('region.colCode')} <span className="code">{region.code}</span>
          </span>
        )}
      </PageHeader>

      <RegionTabs region={region}>
        <section className="section" aria-labelledby="official-heading">
          <h2 id="official-heading">{t('region.officialHeading')}</h2>
          <p className="muted">{t('region.officialNote')}</p>
          <div className="summary-grid">
            <CandidateTotals totals={region.totals} />
            <CoverageStats totals={region.totals} />
          </div>
        </section>

        {region.comparison && <RegionComparison comparison={region.comparison} tpsCount={region.totals.tpsCount} />}

        <ChildrenTable region={region} />
      </RegionTabs>
    </>
  );
}
