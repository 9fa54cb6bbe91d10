import { useParams } from 'react-router-dom';
import type { TpsPage as TpsView } from '@cocok/api';
import { Breadcrumb } from '../common/breadcrumb.tsx';
import { Loaded } from '../common/load-state.tsx';
import { PageHeader } from '../common/page-header.tsx';
import { useFormat } from '../common/use-format.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useTps } from './use-tps.ts';
import { OfficialSummary } from './official-summary.tsx';
import { OfficialFigures } from './official-figures.tsx';
import { CheckList } from './check-list.tsx';
import { CheckAlert } from './check-alert.tsx';
import { VersionHistory } from './version-history.tsx';
import { WitnessSubmissions, useTpsSubmissions } from '../submissions/witness-submissions.tsx';
import { TpsComparison } from '../comparison/tps-comparison.tsx';
import { TpsModeration } from '../moderation/tps-moderation.tsx';

/** `/tps/:code`: one polling station's official figures, their checks, KPU's photos and the history. */
export function TpsPage() {
  const { code } = useParams();
  const result = useTps(code?.toUpperCase());
  return <Loaded result={result}>{(tps) => <TpsContent key={tps.code} tps={tps} />}</Loaded>;
}

function TpsContent({ tps }: { tps: TpsView }) {
  const { t } = useFormat();
  const village = tps.breadcrumb.at(-1);
  const submissions = useTpsSubmissions(tps.code);
  useDocumentTitle(village ? `${tps.name}, ${village.name}` : tps.name);
  return (
    <>
      <Breadcrumb trail={tps.breadcrumb} current={tps.name} />
      <PageHeader kicker={t('levels.tps')} title={village ? `${tps.name} · ${village.name}` : tps.name}>
        <span>
          {t('tps.code')} <span className="code">{tps.code}</span>
        </span>
        {tps.overseas && <span className="tag">{t('tps.overseas')}</span>}
      </PageHeader>

      {/* The crowd next to KPU comes first, with both sets of photos (KPU's are shown there). */}
      <TpsComparison tps={tps} submissions={submissions} />

      <section className="section" aria-labelledby="tps-official">
        <h2 id="tps-official">{t('tps.officialHeading')}</h2>
        {tps.official ? (
          <>
            <CheckAlert official={tps.official} />
            <OfficialSummary official={tps.official} />
            <OfficialFigures official={tps.official} />
            <CheckList official={tps.official} overseas={tps.overseas} />
          </>
        ) : (
          <div className="notice">
            <p className="notice__title">{t('tps.noOfficial')}</p>
            <p>{t('tps.noOfficialText')}</p>
          </div>
        )}
      </section>

      <WitnessSubmissions code={tps.code} result={submissions} />

      <TpsModeration code={tps.code} />

      {tps.history.length > 0 && <VersionHistory history={tps.history} currentId={tps.official?.versionId} />}
    </>
  );
}
