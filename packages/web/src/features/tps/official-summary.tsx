import './tps.css';
import { useFormat } from '../common/use-format.ts';
import type { OfficialView } from './use-tps.ts';

/** When and where the current official figures come from, and whether they are complete. */
export function OfficialSummary({ official }: { official: OfficialView }) {
  const { t, instant, wallTime } = useFormat();
  const status = (v: boolean | null) => (v === null ? '–' : v ? t('tps.statusDone') : t('tps.statusNotDone'));
  return (
    <>
      {official.partial && (
        <div className="notice notice--warning" role="note">
          <p className="notice__title">
            <span aria-hidden="true">! </span>
            {t('tps.partial')}
          </p>
          {!official.hasChart && <p>{t('tps.partialNoChart')}</p>}
          {!official.hasAdministrasi && <p>{t('tps.partialNoAdm')}</p>}
          <p className="small">{t('tps.partialNote')}</p>
        </div>
      )}
      <dl className="meta-list">
        <div>
          <dt>{t('tps.docTs')}</dt>
          <dd>{wallTime(official.docTs)}</dd>
        </div>
        <div>
          <dt>{t('tps.importedAt')}</dt>
          <dd>{instant(official.importedAt)}</dd>
        </div>
        <div>
          <dt>{t('tps.statusLabel')}</dt>
          <dd>
            {t('tps.statusSuara')}: {status(official.statusSuara)}; {t('tps.statusAdm')}: {status(official.statusAdm)}
          </dd>
        </div>
        {official.psu && (
          <div>
            <dt>{t('tps.psu')}</dt>
            <dd>{official.psu}</dd>
          </div>
        )}
        <div className="meta-list__wide">
          <dt>{t('tps.source')}</dt>
          <dd className="code break">{official.source}</dd>
        </div>
      </dl>
    </>
  );
}
