import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useLocation } from 'react-router-dom';

/**
 * Open/closed state of the header's phone menu. It closes as soon as one of its links is followed (a page
 * loaded on demand may take a moment to arrive), whenever the page changes,
 * on Escape (focus goes back to the button, so keyboard users are not left on a hidden link) and on a
 * click or tap outside the header.
 */
export function useSiteMenu() {
  const [open, setOpen] = useState(false);
  const headerRef = useRef<HTMLElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const { pathname, search } = useLocation();

  useEffect(() => setOpen(false), [pathname, search]);

  useEffect(() => {
    if (!open) return;
    function onPointerDown(e: PointerEvent) {
      if (!headerRef.current?.contains(e.target as Node)) setOpen(false);
    }
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const toggle = useCallback(() => setOpen((was) => !was), []);

  const onMenuClick = useCallback((e: MouseEvent) => {
    if ((e.target as Element).closest('a')) setOpen(false);
  }, []);

  const onKeyDown = useCallback(
    (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || !open) return;
      setOpen(false);
      buttonRef.current?.focus();
    },
    [open],
  );

  return { open, toggle, onKeyDown, onMenuClick, headerRef, buttonRef };
}
