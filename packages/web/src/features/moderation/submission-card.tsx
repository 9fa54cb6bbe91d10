import './moderation.css';
import { fieldLabel } from '../../lib/field-labels.ts';
import { useFormat } from '../common/use-format.ts';
import type { ReviewSubmission } from './moderation-types.ts';

/** One submission in the review list: status, EXIF time and device, duplicates, its field cut-outs. */
export function SubmissionCard({
  s,
  n,
  selected,
  onSelect,
}: {
  s: ReviewSubmission;
  n: number;
  selected: boolean;
  onSelect: () => void;
}) {
  const { t, instant } = useFormat();
  const capture = s.photos.find((p) => p.capture)?.capture;
  const duplicates = s.photos.flatMap((p) => p.duplicates);
  const cutouts = s.photos.flatMap((p) => Object.entries(p.cutoutUrls));
  return (
    <li
      className={`panel submission-card${selected ? ' submission-card--selected' : ''}`}
      data-testid="review-submission"
      data-id={s.id}
    >
      <button type="button" className="pick-list__button" aria-pressed={selected} onClick={onSelect}>
        <span className="pick-list__name">
          [{n}] #{s.id} · {t(`moderation.subStatus.${s.rejected ? 'rejected' : s.status}`)}
        </span>
        <span className="pick-list__meta">
          {capture?.capturedAt ? t('moderation.capturedAt', { at: capture.capturedAt }) : t('moderation.noExifTime')}
          {' · '}
          {capture?.device ?? t('moderation.noDevice')}
          {' · '}
          {t('moderation.uploadedAt', { at: instant(s.createdAt) })}
        </span>
      </button>
      {duplicates.length > 0 && (
        <p className="small warn-text">
          {t('moderation.duplicateOf', { tps: [...new Set(duplicates.map((d) => d.tps))].join(', ') })}
        </p>
      )}
      {selected && cutouts.length > 0 && (
        <div className="cutouts">
          {cutouts.map(([field, url]) => (
            <figure key={url}>
              <img src={url} alt={fieldLabel(t, field)} loading="lazy" />
              <figcaption className="small">{fieldLabel(t, field)}</figcaption>
            </figure>
          ))}
        </div>
      )}
    </li>
  );
}
