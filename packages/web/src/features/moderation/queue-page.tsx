import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { QUEUE_REASONS } from '@cocok/domain';
import { useApi } from '../../lib/use-api.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { Loaded } from '../common/load-state.tsx';
import { PageHeader } from '../common/page-header.tsx';
import { useFormat } from '../common/use-format.ts';
import { DASHBOARD_PATH, USERS_PATH, queueCall, reviewPath } from './moderation-paths.ts';
import { useAuth } from '../auth/auth-context.tsx';
import type { QueueItem } from './moderation-types.ts';
import { RequireStaff } from './require-staff.tsx';

/** `/moderasi`: every TPS that needs a moderator, largest impact first, filterable by reason and region. */
export function QueuePage() {
  return (
    <RequireStaff>
      <Queue />
    </RequireStaff>
  );
}

function Queue() {
  const { t } = useFormat();
  useDocumentTitle(t('moderation.queueTitle'));
  const [params, setParams] = useSearchParams();
  const reason = params.get('alasan') ?? '';
  const region = params.get('wilayah') ?? '';
  const result = useApi(queueCall({ reason, region }), { cache: false });
  const navigate = useNavigate();
  const [regionInput, setRegionInput] = useState(region);
  const isAdmin = useAuth().user?.role === 'admin';

  function applyFilter(e: FormEvent) {
    e.preventDefault();
    const next = new URLSearchParams();
    const form = new FormData(e.target as HTMLFormElement);
    const r = String(form.get('reason') ?? '');
    if (r) next.set('alasan', r);
    if (regionInput.trim()) next.set('wilayah', regionInput.trim().toUpperCase());
    setParams(next);
  }

  return (
    <>
      <PageHeader kicker={t('moderation.kicker')} title={t('moderation.queueTitle')}>
        <Link to={DASHBOARD_PATH}>{t('moderation.dashboardLink')}</Link>
        {isAdmin && <Link to={USERS_PATH}>{t('moderation.usersLink')}</Link>}
      </PageHeader>
      <form className="inline-form queue-filter" onSubmit={applyFilter} aria-label={t('moderation.filterLabel')}>
        <div className="inline-form__row">
          <label>
            {t('moderation.reasonFilter')}{' '}
            <select name="reason" defaultValue={reason}>
              <option value="">{t('moderation.allReasons')}</option>
              {QUEUE_REASONS.map((r) => (
                <option key={r} value={r}>
                  {t(`moderation.reasons.${r}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('moderation.regionFilter')}{' '}
            <input
              className="code-input"
              value={regionInput}
              onChange={(e) => setRegionInput(e.target.value)}
              placeholder="31"
              inputMode="numeric"
            />
          </label>
          <button type="submit" className="button button--small">
            {t('moderation.applyFilter')}
          </button>
        </div>
      </form>
      <Loaded result={result}>
        {(queue) => (
          <section className="section" aria-labelledby="queue-heading">
            <h2 id="queue-heading">{t('moderation.queueCount', { n: queue.total })}</h2>
            {queue.items.length === 0 ? (
              <p className="muted">{t('moderation.queueEmpty')}</p>
            ) : (
              <>
                <p>
                  <button
                    type="button"
                    className="button"
                    onClick={() => navigate(reviewPath(queue.items.find((i) => !i.claim)?.tps ?? queue.items[0].tps))}
                  >
                    {t('moderation.takeTop')}
                  </button>
                </p>
                <QueueTable items={queue.items} />
              </>
            )}
          </section>
        )}
      </Loaded>
    </>
  );
}

function QueueTable({ items }: { items: QueueItem[] }) {
  const { t, n, instant } = useFormat();
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="queue-table">
        <thead>
          <tr>
            <th scope="col">{t('moderation.colTps')}</th>
            <th scope="col" className="num">
              {t('moderation.colImpact')}
            </th>
            <th scope="col">{t('moderation.colReasons')}</th>
            <th scope="col">{t('moderation.colSince')}</th>
            <th scope="col">{t('moderation.colClaim')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.tps} data-tps={item.tps}>
              <td>
                <Link to={reviewPath(item.tps)}>{item.name ?? item.tps}</Link>{' '}
                <span className="code small">{item.tps}</span>
              </td>
              <td className="num">{n(item.impact)}</td>
              <td>
                {item.reasons.map((r) => (
                  <span key={r} className="tag">
                    {t(`moderation.reasons.${r}`)}
                    {r === 'report' && item.reports > 1 ? ` ×${item.reports}` : ''}
                  </span>
                ))}
              </td>
              <td className="small">{instant(item.since)}</td>
              <td className="small">{item.claim ? t('moderation.heldBy', { who: item.claim.moderator }) : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
