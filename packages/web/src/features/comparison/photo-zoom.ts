/**
 * Zoom of the photo viewer, pure so it is tested without a browser. The scale is the image's width
 * relative to the viewer's: 1 fits the photo, 4 is enough to read one handwritten digit box.
 */
export const MIN_ZOOM = 1;
export const MAX_ZOOM = 4;
const STEPS = [1, 1.5, 2, 3, 4];

export function clampZoom(scale: number): number {
  if (!Number.isFinite(scale)) return MIN_ZOOM;
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, Math.round(scale * 100) / 100));
}

/** The next step in or out from any scale (pinching leaves scales between steps). */
export function stepZoom(scale: number, direction: 'in' | 'out'): number {
  if (direction === 'in') return STEPS.find((s) => s > scale + 0.001) ?? MAX_ZOOM;
  return [...STEPS].reverse().find((s) => s < scale - 0.001) ?? MIN_ZOOM;
}

/** Scale while pinching: the start scale times how far the two fingers moved apart. */
export function pinchZoom(startScale: number, startDistance: number, distance: number): number {
  if (startDistance <= 0) return clampZoom(startScale);
  return clampZoom(startScale * (distance / startDistance));
}

/**
 * Scroll position that keeps the point under (x, y) of the viewport in place when the scale changes,
 * so zooming goes where the reader looks rather than to the corner.
 */
export function scrollForZoom(
  scroll: { left: number; top: number },
  focus: { x: number; y: number },
  from: number,
  to: number,
): { left: number; top: number } {
  const k = to / from;
  return {
    left: Math.max(0, (scroll.left + focus.x) * k - focus.x),
    top: Math.max(0, (scroll.top + focus.y) * k - focus.y),
  };
}
