import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent, type WheelEvent } from 'react';
import { useFormat } from '../common/use-format.ts';
import { clampZoom, pinchZoom, scrollForZoom, stepZoom, MAX_ZOOM, MIN_ZOOM } from './photo-zoom.ts';

export type ViewerPhoto = { sha256: string; displayUrl: string; alt: string; caption: string };

type Pointer = { x: number; y: number };
type Gesture = { scale: number; distance: number } | null;

/**
 * A crowd photo full size in a modal dialog (native <dialog>: focus stays inside, Esc closes it) with
 * zoom buttons, +/- keys, ctrl+wheel and two-finger pinch; dragging pans a zoomed photo.
 */
export function PhotoViewer({ photos, index, onIndex, onClose }: { photos: ViewerPhoto[]; index: number; onIndex: (i: number) => void; onClose: () => void }) {
  const { t, lang } = useFormat();
  const dialog = useRef<HTMLDialogElement>(null);
  const stage = useRef<HTMLDivElement>(null);
  const pointers = useRef(new Map<number, Pointer>());
  const pinch = useRef<Gesture>(null);
  const [scale, setScale] = useState(1);
  const photo = photos[index];

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  useEffect(() => setScale(1), [index]);

  function zoomTo(next: number, focus?: Pointer) {
    const el = stage.current;
    const to = clampZoom(next);
    if (el && to !== scale) {
      const f = focus ?? { x: el.clientWidth / 2, y: el.clientHeight / 2 };
      const target = scrollForZoom({ left: el.scrollLeft, top: el.scrollTop }, f, scale, to);
      // The image grows on the next render; scroll once it has its new size.
      requestAnimationFrame(() => el.scrollTo(target.left, target.top));
    }
    setScale(to);
  }

  function onKeyDown(e: KeyboardEvent) {
    if (e.key === '+' || e.key === '=') zoomTo(stepZoom(scale, 'in'));
    else if (e.key === '-') zoomTo(stepZoom(scale, 'out'));
    else if (e.key === '0') zoomTo(1);
    else if (e.key === 'ArrowRight' && scale === 1 && index < photos.length - 1) onIndex(index + 1);
    else if (e.key === 'ArrowLeft' && scale === 1 && index > 0) onIndex(index - 1);
    else return;
    e.preventDefault();
  }

  function onWheel(e: WheelEvent) {
    if (!e.ctrlKey) return; // a plain wheel scrolls the zoomed photo
    const rect = stage.current!.getBoundingClientRect();
    zoomTo(scale * (e.deltaY < 0 ? 1.15 : 1 / 1.15), { x: e.clientX - rect.left, y: e.clientY - rect.top });
  }

  function onPointerDown(e: PointerEvent) {
    e.currentTarget.setPointerCapture(e.pointerId);
    pointers.current.set(e.pointerId, { x: e.clientX, y: e.clientY });
    if (pointers.current.size === 2) pinch.current = { scale, distance: spread(pointers.current) };
  }

  function onPointerMove(e: PointerEvent) {
    const before = pointers.current.get(e.pointerId);
    if (!before) return;
    pointers.current.set(e.pointerId, { x: e.clientX, y: e.clientY });
    if (pinch.current && pointers.current.size === 2) {
      zoomTo(pinchZoom(pinch.current.scale, pinch.current.distance, spread(pointers.current)));
    } else if (pointers.current.size === 1) {
      stage.current!.scrollBy(before.x - e.clientX, before.y - e.clientY);
    }
  }

  function onPointerUp(e: PointerEvent) {
    pointers.current.delete(e.pointerId);
    if (pointers.current.size < 2) pinch.current = null;
  }

  const percent = new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'id-ID', { style: 'percent' }).format(scale);
  return (
    <dialog ref={dialog} className="viewer" aria-labelledby="viewer-title" onClose={onClose} onKeyDown={onKeyDown}>
      <div className="viewer__bar">
        <p id="viewer-title" className="viewer__title">
          {photo.caption}
          {photos.length > 1 && <span className="muted small"> · {t('comparison.viewer.position', { n: index + 1, total: photos.length })}</span>}
        </p>
        <div className="viewer__controls" role="group" aria-label={t('comparison.viewer.zoomGroup')}>
          <button type="button" className="button button--small button--secondary" onClick={() => zoomTo(stepZoom(scale, 'out'))} disabled={scale <= MIN_ZOOM} aria-label={t('comparison.viewer.zoomOut')}>
            −
          </button>
          <output className="viewer__zoom" aria-live="polite" data-testid="viewer-zoom">
            {percent}
          </output>
          <button type="button" className="button button--small button--secondary" onClick={() => zoomTo(stepZoom(scale, 'in'))} disabled={scale >= MAX_ZOOM} aria-label={t('comparison.viewer.zoomIn')}>
            +
          </button>
          <button type="button" className="button button--small button--secondary" onClick={() => zoomTo(1)} disabled={scale === 1}>
            {t('comparison.viewer.fit')}
          </button>
        </div>
        <div className="viewer__controls">
          {photos.length > 1 && (
            <>
              <button type="button" className="button button--small button--secondary" onClick={() => onIndex(index - 1)} disabled={index === 0} aria-label={t('comparison.viewer.previous')}>
                ‹
              </button>
              <button type="button" className="button button--small button--secondary" onClick={() => onIndex(index + 1)} disabled={index === photos.length - 1} aria-label={t('comparison.viewer.next')}>
                ›
              </button>
            </>
          )}
          <button type="button" className="button button--small" onClick={() => dialog.current?.close()} autoFocus>
            <span aria-hidden="true">× </span>
            {t('comparison.viewer.close')}
          </button>
        </div>
      </div>
      <div
        ref={stage}
        className={`viewer__stage${scale > 1 ? ' is-zoomed' : ''}`}
        onWheel={onWheel}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
      >
        <img src={photo.displayUrl} alt={photo.alt} draggable={false} style={{ width: `${scale * 100}%` }} data-testid="viewer-image" />
      </div>
      <p className="viewer__foot small">
        <span className="muted">{t('comparison.viewer.hint')}</span>{' '}
        <span className="code break" title="SHA-256">
          SHA-256 {photo.sha256}
        </span>
      </p>
    </dialog>
  );
}

function spread(pointers: Map<number, Pointer>): number {
  const [a, b] = [...pointers.values()];
  return Math.hypot(a.x - b.x, a.y - b.y);
}
