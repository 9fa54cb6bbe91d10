import type { ReactNode } from 'react';

/** The title block every page starts with: a small kicker (the level), the name, and a line of detail. */
export function PageHeader({ kicker, title, children }: { kicker: string; title: string; children?: ReactNode }) {
  return (
    <header className="page-header">
      <p className="page-header__kicker">{kicker}</p>
      <h1>{title}</h1>
      {children && <div className="page-header__meta">{children}</div>}
    </header>
  );
}
