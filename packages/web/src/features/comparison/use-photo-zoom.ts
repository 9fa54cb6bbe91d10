import { useEffect, useRef, useState, type PointerEvent, type RefObject } from 'react';
import { clampZoom, pinchZoom, scrollForZoom } from './photo-zoom.ts';

type Pointer = { x: number; y: number };

/**
 * The viewer's zoom state and its gestures on the stage element: ctrl+wheel zooms at the pointer,
 * two fingers pinch, one finger or the mouse drags the zoomed photo. Back to fit for each new photo.
 */
export function usePhotoZoom(stage: RefObject<HTMLDivElement | null>, photoKey: unknown) {
  const pointers = useRef(new Map<number, Pointer>());
  const pinch = useRef<{ scale: number; distance: number } | null>(null);
  const [scale, setScaleState] = useState(1);
  // The native wheel listener below outlives renders, so it reads the scale from here.
  const current = useRef(1);
  const setScale = (s: number) => {
    current.current = s;
    setScaleState(s);
  };
  useEffect(() => setScale(1), [photoKey]);

  function zoomTo(next: number, focus?: Pointer) {
    const el = stage.current;
    const from = current.current;
    const to = clampZoom(next);
    if (el && to !== from) {
      const f = focus ?? { x: el.clientWidth / 2, y: el.clientHeight / 2 };
      const target = scrollForZoom({ left: el.scrollLeft, top: el.scrollTop }, f, from, to);
      // The image grows on the next render; scroll once it has its new size.
      requestAnimationFrame(() => el.scrollTo(target.left, target.top));
    }
    setScale(to);
  }

  // React's wheel listeners are passive; ctrl+wheel must be a non-passive one, or the browser zooms the whole page too.
  useEffect(() => {
    const el = stage.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      if (!e.ctrlKey) return; // a plain wheel scrolls the zoomed photo
      e.preventDefault();
      const rect = el.getBoundingClientRect();
      zoomTo(current.current * (e.deltaY < 0 ? 1.15 : 1 / 1.15), { x: e.clientX - rect.left, y: e.clientY - rect.top });
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  });

  function onPointerDown(e: PointerEvent) {
    e.currentTarget.setPointerCapture(e.pointerId);
    pointers.current.set(e.pointerId, { x: e.clientX, y: e.clientY });
    if (pointers.current.size === 2) pinch.current = { scale: current.current, distance: spread(pointers.current) };
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

  const gestures = { onPointerDown, onPointerMove, onPointerUp, onPointerCancel: onPointerUp };
  return { scale, zoomTo, gestures };
}

function spread(pointers: Map<number, Pointer>): number {
  const [a, b] = [...pointers.values()];
  return Math.hypot(a.x - b.x, a.y - b.y);
}
