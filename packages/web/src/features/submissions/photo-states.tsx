import { useTranslation } from 'react-i18next';
import type { SubmissionPhotoView } from './submission-types.ts';
import { isEnglish } from '../../lib/error-text.ts';

const ICONS = { uploaded: '…', reading: '⟳', read: '✓', failed: '✗', 'not-form': '!' } as const;

type Shown = keyof typeof ICONS;

/** A photo's state as shown: a read photo in which no form page was found is its own case. */
function shownState(p: SubmissionPhotoView): Shown {
  if (p.state === 'read' && p.page === null) return 'not-form';
  return p.state;
}

/** Each photo's progress through the reading queue; announced politely as it changes. */
export function PhotoStates({ photos }: { photos: SubmissionPhotoView[] }) {
  const { t, i18n } = useTranslation();
  // The reader's reason why a photo is no form page reaches the API in Indonesian only; in English the
  // general text stands in rather than an Indonesian sentence.
  const notFormText = (p: SubmissionPhotoView) =>
    (!isEnglish(i18n.language) && p.message) || t('submission.notFormText');
  return (
    <ul className="photo-states" aria-live="polite">
      {photos.map((p, n) => {
        const state = shownState(p);
        return (
          <li
            key={p.sha256}
            className={`photo-state photo-state--${state}`}
            data-testid="photo-state"
            data-state={p.state}
          >
            <a href={p.displayUrl} target="_blank" rel="noreferrer" className="photo-state__thumb">
              <img src={p.thumbUrl} alt={t('submission.photoN', { n: n + 1 })} loading="lazy" />
            </a>
            <div>
              <p className="photo-state__title">{t('submission.photoN', { n: n + 1 })}</p>
              <p className={`state-badge state-badge--${state}`}>
                <span aria-hidden="true">{ICONS[state]}</span> {t(`submission.state.${state}`, { page: p.page })}
              </p>
              {(state === 'not-form' || state === 'failed') && (
                <p className="small">{state === 'failed' ? t('submission.failedText') : notFormText(p)}</p>
              )}
              {p.duplicates.map((d) => (
                <p key={d.tps} className="small warn-text">
                  {t(d.exact ? 'submission.duplicateExact' : 'submission.duplicateNear', { tps: d.tps })}
                </p>
              ))}
            </div>
          </li>
        );
      })}
      {photos.length === 0 && <li className="muted">{t('submission.noPhotos')}</li>}
    </ul>
  );
}
