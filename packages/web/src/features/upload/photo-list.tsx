import './upload.css';
import { useTranslation } from 'react-i18next';
import type { PhotoItem } from './use-photo-queue.ts';
import { errorText } from '../../lib/error-text.ts';

function sizeText(bytes: number, lang: string): string {
  const mb = bytes / 1024 / 1024;
  const nf = new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'id-ID', { maximumFractionDigits: 1 });
  return mb >= 1 ? `${nf.format(mb)} MB` : `${nf.format(Math.max(1, Math.round(bytes / 1024)))} KB`;
}

/** The photos chosen so far, each with what was done to it, its progress bar and a way to remove it. */
export function PhotoList({
  items,
  onRemove,
  busy,
}: {
  items: PhotoItem[];
  onRemove: (key: string) => void;
  busy: boolean;
}) {
  const { t, i18n } = useTranslation();
  if (items.length === 0) return <p className="muted">{t('upload.noPhotos')}</p>;
  return (
    <ul className="photo-list">
      {items.map((item, n) => {
        const p = item.prepared;
        const percent = Math.round(item.progress * 100);
        return (
          <li key={item.key} className={`photo-item photo-item--${item.state}`} data-testid="photo-item">
            {item.previewUrl ? (
              <img className="photo-item__thumb" src={item.previewUrl} alt="" />
            ) : (
              <span className="photo-item__thumb photo-item__thumb--none" aria-hidden="true">
                ▣
              </span>
            )}
            <div className="photo-item__body">
              <p className="photo-item__name">
                {t('upload.photoN', { n: n + 1 })} <span className="muted small break">{item.file.name}</span>
              </p>
              <p className="small muted">
                {item.state === 'preparing' && t('upload.preparing')}
                {p &&
                  p.shrunk &&
                  t('upload.shrunk', { w: p.width, h: p.height, size: sizeText(p.blob.size, i18n.language) })}
                {p &&
                  !p.shrunk &&
                  (p.width === null
                    ? t('upload.asIsUndecodable', { size: sizeText(p.blob.size, i18n.language) })
                    : t('upload.asIs', { size: sizeText(p.blob.size, i18n.language) }))}
              </p>
              {item.state === 'sending' && (
                <div className="progress-row">
                  <progress max={100} value={percent} aria-label={t('upload.progressOf', { n: n + 1 })} />
                  <span className="small">{percent}%</span>
                </div>
              )}
              {item.refusal && (
                <p className="form-error" role="alert">
                  {errorText(item.refusal, { lang: i18n.language, t })}
                </p>
              )}
            </div>
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={busy}
              onClick={() => onRemove(item.key)}
              aria-label={t('upload.removeN', { n: n + 1 })}
            >
              {t('upload.remove')}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
