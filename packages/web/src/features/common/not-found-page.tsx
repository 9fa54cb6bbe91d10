import { NotFound } from './load-state.tsx';

/** Any URL the portal does not know. */
export function NotFoundPage() {
  return <NotFound />;
}
