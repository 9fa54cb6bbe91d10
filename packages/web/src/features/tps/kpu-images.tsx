import './tps.css';
import { useFormat } from '../common/use-format.ts';

/** Links to KPU's own photos of the three form pages; they are KPU's, so the page says so. */
export function KpuImages({ images }: { images: (string | null)[] }) {
  const { t } = useFormat();
  return (
    <div className="panel kpu-images">
      <h3>{t('tps.imagesHeading')}</h3>
      <p className="muted small">{t('tps.imagesNote')}</p>
      <ul className="link-list">
        {images.map((url, i) =>
          url ? (
            <li key={i}>
              <a href={url} target="_blank" rel="noopener noreferrer external">
                {t('tps.imageLink', { n: i + 1 })} <span className="visually-hidden">{t('tps.newTab')}</span>
                <span aria-hidden="true"> ↗</span>
              </a>
            </li>
          ) : (
            <li key={i} className="muted">
              {t('tps.imageMissing', { n: i + 1 })}
            </li>
          ),
        )}
      </ul>
    </div>
  );
}
