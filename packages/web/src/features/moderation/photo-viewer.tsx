import { forwardRef, useImperativeHandle, useRef, useState } from 'react';
import { useFormat } from '../common/use-format.ts';
import { MAX_ZOOM, MIN_ZOOM, stepZoom } from '../comparison/photo-zoom.ts';
import { usePhotoZoom } from '../comparison/use-photo-zoom.ts';
import { PhotoStage } from '../comparison/photo-stage.tsx';

export type PhotoViewerHandle = { zoomIn(): void; zoomOut(): void; rotate(): void };
type Photo = { sha256: string; displayUrl: string; page: number | null };

/**
 * A witness photo inline in the review, with rotation; zoom is the crowd photo viewer's one model
 * (PhotoStage: steps, ctrl+wheel, pinch, drag). Keyboard shortcuts reach it through the handle.
 */
export const PhotoViewer = forwardRef<PhotoViewerHandle, { photo: Photo; label: string }>(function PhotoViewer(
  { photo, label },
  ref,
) {
  const { t } = useFormat();
  const stage = useRef<HTMLDivElement>(null);
  const zoom = usePhotoZoom(stage, photo.sha256);
  const [turns, setTurns] = useState(0);
  const zoomIn = () => zoom.zoomTo(stepZoom(zoom.scale, 'in'));
  const zoomOut = () => zoom.zoomTo(stepZoom(zoom.scale, 'out'));
  const rotate = () => setTurns((r) => (r + 1) % 4);
  useImperativeHandle(ref, () => ({ zoomIn, zoomOut, rotate }), [zoom.scale]);
  return (
    <figure className="photo-viewer" data-testid="photo-viewer">
      <div className="button-row">
        <button
          type="button"
          className="button button--small button--secondary"
          onClick={zoomOut}
          disabled={zoom.scale <= MIN_ZOOM}
        >
          {t('moderation.zoomOut')}
        </button>
        <button
          type="button"
          className="button button--small button--secondary"
          onClick={zoomIn}
          disabled={zoom.scale >= MAX_ZOOM}
        >
          {t('moderation.zoomIn')}
        </button>
        <button type="button" className="button button--small button--secondary" onClick={rotate}>
          {t('moderation.rotate')}
        </button>
        <span className="muted small">
          {Math.round(zoom.scale * 100)}% · {turns * 90}°
        </span>
      </div>
      <PhotoStage
        stage={stage}
        zoom={zoom}
        src={photo.displayUrl}
        alt={label}
        rotation={turns * 90}
        className="photo-viewer__frame"
      />
    </figure>
  );
});
