import './moderation.css';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { apiCall, request, send } from '../../lib/api-client.ts';
import { useApi } from '../../lib/use-api.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { Loaded } from '../common/load-state.tsx';
import { PageHeader } from '../common/page-header.tsx';
import { useFormat } from '../common/use-format.ts';
import { DecisionForm, type DecisionFormHandle } from './decision-form.tsx';
import { FiguresCompare } from './figures-compare.tsx';
import { QUEUE_PATH, queueCall, reviewPath } from './moderation-paths.ts';
import type { ClaimAnswer, DecisionAnswer, ReviewData } from './moderation-types.ts';
import { PhotoViewer, type PhotoViewerHandle } from './photo-viewer.tsx';
import { RequireStaff } from './require-staff.tsx';
import { SubmissionCard } from './submission-card.tsx';
import { ModerationHistoryList } from './tps-moderation.tsx';
import { errorText } from '../../lib/error-text.ts';

/** `/moderasi/tps/:code`: claims the TPS, shows photos beside KPU's figures, takes a decision. */
export function ReviewPage() {
  const { code = '' } = useParams();
  return (
    <RequireStaff>
      <Review key={code} code={code.toUpperCase()} />
    </RequireStaff>
  );
}

function useClaim(code: string) {
  const [claim, setClaim] = useState<{ ok: true; answer: ClaimAnswer } | { ok: false; error: unknown } | null>(null);
  useEffect(() => {
    request('claim', { params: { code } }).then(
      (answer) => setClaim({ ok: true, answer }),
      (error: unknown) => setClaim({ ok: false, error }),
    );
  }, [code]);
  return claim;
}

/** Shortcut keys, ignored while typing in a field. */
function useShortcuts(handler: (key: string) => boolean) {
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (e.ctrlKey || e.metaKey || e.altKey || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return;
      if (ref.current(e.key)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

function Review({ code }: { code: string }) {
  const result = useApi(apiCall('review', { params: { code } }), { cache: false });
  const claim = useClaim(code);
  // Kept here: reloading the review data after a decision re-mounts the body, and the notice must stay.
  const [done, setDone] = useState<DecisionAnswer | null>(null);
  const decided = (answer: DecisionAnswer) => (setDone(answer), result.retry());
  return (
    <Loaded result={result}>
      {(data) => <ReviewBody data={data} claim={claim} done={done} onDecided={decided} />}
    </Loaded>
  );
}

type BodyProps = {
  data: ReviewData;
  claim: ReturnType<typeof useClaim>;
  done: DecisionAnswer | null;
  onDecided: (a: DecisionAnswer) => void;
};

function ReviewBody({ data, claim, done, onDecided }: BodyProps) {
  const { t, lang, instant } = useFormat();
  useDocumentTitle(t('moderation.reviewTitle', { tps: data.tps.name }));
  const navigate = useNavigate();
  const live = data.submissions.filter((s) => s.status !== 'withdrawn');
  const [selected, setSelected] = useState<number | null>(live[0]?.id ?? data.submissions[0]?.id ?? null);
  const [photoIndex, setPhotoIndex] = useState(0);
  const viewer = useRef<PhotoViewerHandle>(null);
  const form = useRef<DecisionFormHandle>(null);
  const sub = data.submissions.find((s) => s.id === selected) ?? null;
  const photo = sub?.photos[Math.min(photoIndex, sub.photos.length - 1)];

  async function next() {
    const queue = await send(queueCall({}));
    const item = queue.items.find((i) => i.tps !== data.tps.code && !i.claim);
    navigate(item ? reviewPath(item.tps) : QUEUE_PATH);
  }

  /** Gives the TPS back before the claim runs out, so another moderator can take it now; back to the queue. */
  async function release() {
    await request('releaseClaim', { params: { code: data.tps.code } });
    navigate(QUEUE_PATH);
  }

  useShortcuts((key) => {
    const actions: Record<string, () => void> = {
      '+': () => viewer.current?.zoomIn(),
      '=': () => viewer.current?.zoomIn(),
      '-': () => viewer.current?.zoomOut(),
      r: () => viewer.current?.rotate(),
      v: () => form.current?.start('set-verified'),
      k: () => form.current?.start('official-wrong'),
      t: () => form.current?.start('reject-submission'),
      e: () => form.current?.start('escalate'),
      n: () => void next(),
      p: () => setPhotoIndex((i) => (sub ? (i + 1) % sub.photos.length : 0)),
    };
    const digit = Number(key);
    if (digit >= 1 && digit <= data.submissions.length)
      actions[key] = () => (setSelected(data.submissions[digit - 1].id), setPhotoIndex(0));
    const action = actions[key];
    action?.();
    return Boolean(action);
  });

  return (
    <>
      <PageHeader
        kicker={t('moderation.kicker')}
        title={`${data.tps.name} · ${data.tps.breadcrumb.at(-1)?.name ?? ''}`}
      >
        <span className="code">{data.tps.code}</span>{' '}
        <Link to={`/tps/${data.tps.code}`}>{t('moderation.publicPage')}</Link>{' '}
        <Link to={QUEUE_PATH}>{t('moderation.queueLink')}</Link>
      </PageHeader>
      <p
        data-testid="claim-status"
        className={claim && !claim.ok ? 'notice notice--warning' : 'muted'}
        role={claim && !claim.ok ? 'alert' : undefined}
      >
        {claim === null
          ? t('moderation.claiming')
          : claim.ok
            ? t('moderation.claimedUntil', { at: instant(claim.answer.claim?.expiresAt ?? '') })
            : errorText(claim.error, { lang, t })}
        {claim?.ok && (
          <>
            {' '}
            <button type="button" className="link-button" data-testid="release-claim" onClick={() => void release()}>
              {t('moderation.releaseClaim')}
            </button>
          </>
        )}
      </p>
      <p>
        {data.reasons.length === 0 ? (
          <span className="tag tag--current">{t('moderation.nothingOpen')}</span>
        ) : (
          data.reasons.map((r) => (
            <span key={r} className="tag">
              {t(`moderation.reasons.${r}`)}
            </span>
          ))
        )}
      </p>
      {done && (
        <p className="notice" role="status" data-testid="decision-done">
          {t('moderation.decisionSaved', { kind: t(`moderation.kinds.${done.kind}`) })}{' '}
          <button type="button" className="link-button" onClick={() => void next()}>
            {t('moderation.nextItem')}
          </button>
        </p>
      )}
      <div className="review-grid">
        <section aria-labelledby="subs-heading">
          <h2 id="subs-heading">{t('moderation.submissionsHeading', { n: data.submissions.length })}</h2>
          <ul className="pick-list">
            {data.submissions.map((s, i) => (
              <SubmissionCard
                key={s.id}
                s={s}
                n={i + 1}
                selected={s.id === selected}
                onSelect={() => (setSelected(s.id), setPhotoIndex(0))}
              />
            ))}
          </ul>
          {photo && (
            <PhotoViewer
              key={photo.sha256}
              ref={viewer}
              photo={photo}
              label={t('moderation.photoAlt', { id: sub!.id, page: photo.page ?? '?' })}
            />
          )}
        </section>
        <section aria-labelledby="figures-heading">
          <h2 id="figures-heading">{t('moderation.figuresHeading')}</h2>
          <FiguresCompare data={data} />
          <DecisionForm ref={form} data={data} selected={selected} onDone={onDecided} />
        </section>
      </div>
      <details className="section">
        <summary>{t('moderation.shortcutsTitle')}</summary>
        <p className="small">{t('moderation.shortcuts')}</p>
      </details>
      {data.reports.total > 0 && (
        <section className="section" aria-labelledby="reports-heading">
          <h2 id="reports-heading">{t('moderation.reportsHeading', { open: data.reports.open })}</h2>
          <ul>
            {data.reports.groups.map((g) => (
              <li key={g.reason}>
                “{g.reason}” ×{g.count} <span className="muted small">({instant(g.lastAt)})</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="section" aria-labelledby="history-heading">
        <h2 id="history-heading">{t('moderation.historyHeading')}</h2>
        <ModerationHistoryList entries={data.history} />
      </section>
    </>
  );
}
