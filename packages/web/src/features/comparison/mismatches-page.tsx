import { useSearchParams } from 'react-router-dom';
import { NATION_CODE } from '@cocok/domain';
import { PageHeader } from '../common/page-header.tsx';
import { useFormat } from '../common/use-format.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useRegion } from '../regions/use-region.ts';
import { MismatchList } from './mismatch-list.tsx';
import { readStatus } from './comparison-params.ts';
import type { ListedStatus } from './comparison-types.ts';

/** `/selisih`: the largest differences between the crowd and KPU in the whole country. */
export function MismatchesPage() {
  const { t } = useFormat();
  const [params, setParams] = useSearchParams();
  // Only for the counts beside the filter; the list does not wait for it.
  const nation = useRegion(undefined);
  useDocumentTitle(t('comparison.nationalTitle'));
  const onStatus = (s: ListedStatus) => setParams(s === 'mismatch' ? {} : { status: s }, { replace: true });
  return (
    <>
      <PageHeader kicker={t('levels.nation')} title={t('comparison.nationalTitle')} />
      <p>{t('comparison.nationalIntro')}</p>
      <MismatchList
        region={NATION_CODE}
        status={readStatus(params)}
        onStatus={onStatus}
        counts={nation.data?.comparison?.statusCounts}
      />
    </>
  );
}
