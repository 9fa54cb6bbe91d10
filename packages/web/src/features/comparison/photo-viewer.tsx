import './crowd-photos.css';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { localeOf } from '../../lib/format.ts';
import { useFormat } from '../common/use-format.ts';
import { stepZoom, MAX_ZOOM, MIN_ZOOM } from './photo-zoom.ts';
import { usePhotoZoom } from './use-photo-zoom.ts';
import { PhotoStage } from './photo-stage.tsx';

export type ViewerPhoto = { sha256: string; displayUrl: string; alt: string; caption: string };

/**
 * A crowd photo full size in a modal dialog (native <dialog>: focus stays inside, Esc closes it) with
 * zoom buttons, +/- keys, ctrl+wheel and two-finger pinch; dragging pans a zoomed photo.
 */
export function PhotoViewer({
  photos,
  index,
  onIndex,
  onClose,
}: {
  photos: ViewerPhoto[];
  index: number;
  onIndex: (i: number) => void;
  onClose: () => void;
}) {
  const { t, lang } = useFormat();
  const dialog = useRef<HTMLDialogElement>(null);
  const stage = useRef<HTMLDivElement>(null);
  const zoom = usePhotoZoom(stage, index);
  const { scale, zoomTo } = zoom;
  const photo = photos[index];

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);

  function onKeyDown(e: KeyboardEvent) {
    if (e.key === '+' || e.key === '=') zoomTo(stepZoom(scale, 'in'));
    else if (e.key === '-') zoomTo(stepZoom(scale, 'out'));
    else if (e.key === '0') zoomTo(1);
    else if (e.key === 'ArrowRight' && scale === 1 && index < photos.length - 1) onIndex(index + 1);
    else if (e.key === 'ArrowLeft' && scale === 1 && index > 0) onIndex(index - 1);
    else return;
    e.preventDefault();
  }

  const percent = new Intl.NumberFormat(localeOf(lang), { style: 'percent' }).format(scale);
  return (
    <dialog ref={dialog} className="viewer" aria-labelledby="viewer-title" onClose={onClose} onKeyDown={onKeyDown}>
      <ViewerBar
        caption={photo.caption}
        position={photos.length > 1 ? { n: index + 1, total: photos.length } : null}
        zoom={percent}
        canZoomOut={scale > MIN_ZOOM}
        canZoomIn={scale < MAX_ZOOM}
        onZoom={(to) => zoomTo(to === 'fit' ? 1 : stepZoom(scale, to))}
        onIndex={(step) => onIndex(index + step)}
        onClose={() => dialog.current?.close()}
      />
      <PhotoStage stage={stage} zoom={zoom} src={photo.displayUrl} alt={photo.alt} testId="viewer-image" />
      <p className="viewer__foot small">
        <span className="muted">{t('comparison.viewer.hint')}</span>{' '}
        <span className="code break" title="SHA-256">
          SHA-256 {photo.sha256}
        </span>
      </p>
    </dialog>
  );
}

type BarProps = {
  caption: string;
  position: { n: number; total: number } | null;
  zoom: string;
  canZoomIn: boolean;
  canZoomOut: boolean;
  onZoom: (to: 'in' | 'out' | 'fit') => void;
  onIndex: (step: -1 | 1) => void;
  onClose: () => void;
};

/** The viewer's title and buttons: zoom out/in/fit, previous/next photo, close. */
function ViewerBar({ caption, position, zoom, canZoomIn, canZoomOut, onZoom, onIndex, onClose }: BarProps) {
  const { t } = useFormat();
  const small = 'button button--small button--secondary';
  return (
    <div className="viewer__bar">
      <p id="viewer-title" className="viewer__title">
        {caption}
        {position && <span className="muted small"> · {t('comparison.viewer.position', position)}</span>}
      </p>
      <div className="viewer__controls" role="group" aria-label={t('comparison.viewer.zoomGroup')}>
        <button
          type="button"
          className={small}
          onClick={() => onZoom('out')}
          disabled={!canZoomOut}
          aria-label={t('comparison.viewer.zoomOut')}
        >
          −
        </button>
        <output className="viewer__zoom" aria-live="polite" data-testid="viewer-zoom">
          {zoom}
        </output>
        <button
          type="button"
          className={small}
          onClick={() => onZoom('in')}
          disabled={!canZoomIn}
          aria-label={t('comparison.viewer.zoomIn')}
        >
          +
        </button>
        <button type="button" className={small} onClick={() => onZoom('fit')} disabled={!canZoomOut}>
          {t('comparison.viewer.fit')}
        </button>
      </div>
      <div className="viewer__controls">
        {position && (
          <>
            <button
              type="button"
              className={small}
              onClick={() => onIndex(-1)}
              disabled={position.n === 1}
              aria-label={t('comparison.viewer.previous')}
            >
              ‹
            </button>
            <button
              type="button"
              className={small}
              onClick={() => onIndex(1)}
              disabled={position.n === position.total}
              aria-label={t('comparison.viewer.next')}
            >
              ›
            </button>
          </>
        )}
        <button type="button" className="button button--small" onClick={onClose} autoFocus>
          <span aria-hidden="true">× </span>
          {t('comparison.viewer.close')}
        </button>
      </div>
    </div>
  );
}
