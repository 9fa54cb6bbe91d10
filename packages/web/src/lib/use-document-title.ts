import { useEffect } from 'react';

/** Each page names itself in the tab title, which is also what screen readers announce on navigation. */
export function useDocumentTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · Cocok` : 'Cocok';
  }, [title]);
}
