import './crowd-photos.css';
import { useState } from 'react';
import type { ApiResult } from '../../lib/use-api.ts';
import { SectionLoadState } from '../common/load-state.tsx';
import { useFormat } from '../common/use-format.ts';
import type { TpsSubmissions } from '../submissions/submission-types.ts';
import { PhotoViewer, type ViewerPhoto } from './photo-viewer.tsx';
import type { Translate } from '../../lib/translate.ts';

/** The photos behind the crowd's figures (confirmed submissions), as thumbnails that open the viewer. */
export function CrowdPhotos({ result }: { result: ApiResult<TpsSubmissions> }) {
  const { t } = useFormat();
  const [open, setOpen] = useState<number | null>(null);
  const photos = result.status === 'ready' ? viewerPhotos(t, result.data) : [];
  return (
    <div className="panel crowd-photos">
      <h3>{t('comparison.photosHeading')}</h3>
      <SectionLoadState result={result} failedText={t('witness.loadFailed')} />
      {result.status === 'ready' && photos.length === 0 && <p className="muted small">{t('comparison.noPhotos')}</p>}
      {photos.length > 0 && (
        <>
          <p className="muted small">{t('comparison.photosNote')}</p>
          <ul className="thumbs">
            {photos.map((p, i) => (
              <li key={p.sha256}>
                <button
                  type="button"
                  className="thumb"
                  onClick={() => setOpen(i)}
                  aria-label={t('comparison.openPhoto', { photo: p.alt })}
                >
                  <img src={p.thumbUrl} alt="" loading="lazy" />
                  <span className="thumb__caption">{p.caption}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {open !== null && photos[open] && (
        <PhotoViewer photos={photos} index={open} onIndex={setOpen} onClose={() => setOpen(null)} />
      )}
    </div>
  );
}

/** Every distinct photo of the confirmed submissions, page order first, each named by page and witness. */
function viewerPhotos(t: Translate, data: TpsSubmissions): (ViewerPhoto & { thumbUrl: string })[] {
  const seen = new Set<string>();
  const out: (ViewerPhoto & { thumbUrl: string; page: number | null })[] = [];
  for (const s of data.submissions) {
    for (const p of s.photos) {
      if (seen.has(p.sha256)) continue;
      seen.add(p.sha256);
      const what = p.page ? t('comparison.photoPage', { page: p.page }) : t('comparison.photoOther');
      out.push({
        sha256: p.sha256,
        displayUrl: p.displayUrl,
        thumbUrl: p.thumbUrl,
        page: p.page,
        alt: t('comparison.photoAlt', { what, witness: s.witness }),
        caption: `${what} · ${s.witness}`,
      });
    }
  }
  return out.sort((a, b) => (a.page ?? 9) - (b.page ?? 9));
}
