import './moderation.css';
import { Link } from 'react-router-dom';
import { QUEUE_REASONS } from '@cocok/domain';
import { useApi } from '../../lib/use-api.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { Loaded } from '../common/load-state.tsx';
import { PageHeader } from '../common/page-header.tsx';
import { useFormat } from '../common/use-format.ts';
import { apiCall } from '../../lib/api-client.ts';
import { QUEUE_PATH, reviewPath } from './moderation-paths.ts';
import type { Dashboard } from './moderation-types.ts';
import { RequireStaff } from './require-staff.tsx';

/** `/moderasi/dasbor`: queue size by reason and province, decisions per hour, the oldest open item. */
export function DashboardPage() {
  return (
    <RequireStaff>
      <DashboardContent />
    </RequireStaff>
  );
}

function DashboardContent() {
  const { t } = useFormat();
  useDocumentTitle(t('moderation.dashboardTitle'));
  const result = useApi(apiCall('moderationDashboard'), { cache: false });
  return (
    <>
      <PageHeader kicker={t('moderation.kicker')} title={t('moderation.dashboardTitle')}>
        <Link to={QUEUE_PATH}>{t('moderation.queueLink')}</Link>
      </PageHeader>
      <Loaded result={result}>{(d) => <DashboardBody d={d} />}</Loaded>
    </>
  );
}

function DashboardBody({ d }: { d: Dashboard }) {
  const { t, n, instant } = useFormat();
  const peak = Math.max(1, ...d.decisionsPerHour.map((h) => h.decisions));
  return (
    <>
      <div className="stats">
        <div className="stat">
          <span className="stat__value">{n(d.total)}</span>
          <span className="stat__detail">{t('moderation.openItems')}</span>
        </div>
        <div className="stat">
          <span className="stat__value">{d.oldestOpen ? instant(d.oldestOpen.since) : '–'}</span>
          <span className="stat__detail">
            {t('moderation.oldestOpen')}{' '}
            {d.oldestOpen && <Link to={reviewPath(d.oldestOpen.tps)}>{d.oldestOpen.tps}</Link>}
          </span>
        </div>
      </div>
      <section className="section" aria-labelledby="by-reason">
        <h2 id="by-reason">{t('moderation.byReason')}</h2>
        <table className="data-table">
          <tbody>
            {QUEUE_REASONS.map((r) => (
              <tr key={r}>
                <th scope="row">{t(`moderation.reasons.${r}`)}</th>
                <td className="num">{n(d.byReason[r] ?? 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="section" aria-labelledby="by-province">
        <h2 id="by-province">{t('moderation.byProvince')}</h2>
        {d.byProvince.length === 0 ? (
          <p className="muted">{t('moderation.queueEmpty')}</p>
        ) : (
          <table className="data-table">
            <tbody>
              {d.byProvince.map((p) => (
                <tr key={p.code}>
                  <th scope="row">
                    <Link to={`${QUEUE_PATH}?wilayah=${p.code}`}>{p.name}</Link>
                  </th>
                  <td className="num">{n(p.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="section" aria-labelledby="per-hour">
        <h2 id="per-hour">{t('moderation.perHour')}</h2>
        <ol className="hour-bars">
          {d.decisionsPerHour.map((h) => (
            <li key={h.hour} title={`${instant(h.hour)}: ${h.decisions}`}>
              <span className="hour-bars__bar" style={{ height: `${(h.decisions / peak) * 100}%` }} />
              <span className="visually-hidden">
                {instant(h.hour)}: {h.decisions}
              </span>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
