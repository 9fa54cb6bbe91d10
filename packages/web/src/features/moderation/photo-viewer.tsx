import { forwardRef, useImperativeHandle, useState } from 'react';
import { useFormat } from '../common/use-format.ts';

export type PhotoViewerHandle = { zoomIn(): void; zoomOut(): void; rotate(): void };
type Photo = { sha256: string; displayUrl: string; page: number | null };

const ZOOMS = [1, 1.5, 2, 3, 4];

/** A witness photo with zoom and rotation (buttons, and keyboard shortcuts through the handle). */
export const PhotoViewer = forwardRef<PhotoViewerHandle, { photo: Photo; label: string }>(function PhotoViewer({ photo, label }, ref) {
  const { t } = useFormat();
  const [zoom, setZoom] = useState(0);
  const [turns, setTurns] = useState(0);
  const zoomIn = () => setZoom((z) => Math.min(ZOOMS.length - 1, z + 1));
  const zoomOut = () => setZoom((z) => Math.max(0, z - 1));
  const rotate = () => setTurns((r) => (r + 1) % 4);
  useImperativeHandle(ref, () => ({ zoomIn, zoomOut, rotate }), []);
  return (
    <figure className="photo-viewer" data-testid="photo-viewer">
      <div className="button-row">
        <button type="button" className="button button--small button--secondary" onClick={zoomOut} disabled={zoom === 0}>
          {t('moderation.zoomOut')}
        </button>
        <button type="button" className="button button--small button--secondary" onClick={zoomIn} disabled={zoom === ZOOMS.length - 1}>
          {t('moderation.zoomIn')}
        </button>
        <button type="button" className="button button--small button--secondary" onClick={rotate}>
          {t('moderation.rotate')}
        </button>
        <span className="muted small">
          {Math.round(ZOOMS[zoom] * 100)}% · {turns * 90}°
        </span>
      </div>
      <div className="photo-viewer__frame">
        <img
          src={photo.displayUrl}
          alt={label}
          data-zoom={ZOOMS[zoom]}
          data-rotation={turns * 90}
          // Zoom widens the image inside the scrolling frame; rotation turns it about its centre.
          style={{ width: `${ZOOMS[zoom] * 100}%`, maxWidth: 'none', transform: `rotate(${turns * 90}deg)`, transformOrigin: 'center' }}
        />
      </div>
    </figure>
  );
});
