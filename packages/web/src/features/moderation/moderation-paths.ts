import type { QueueReason } from '@cocok/api';
import { apiCall } from '../../lib/api-client.ts';

/** URLs of the moderator pages. */
export const QUEUE_PATH = '/moderasi';
export const DASHBOARD_PATH = '/moderasi/dasbor';
export const USERS_PATH = '/moderasi/pengguna';

export function reviewPath(code: string): string {
  return `/moderasi/tps/${encodeURIComponent(code)}`;
}

/** The queue as the queue page and "next" ask for it: one page of 50, filters left out when empty. */
export function queueCall(q: { reason?: string; region?: string }) {
  // A reason typed into the address bar is sent as it is: the server's refusal is what the page shows.
  const reason = (q.reason || undefined) as QueueReason | undefined;
  return apiCall('moderationQueue', { query: { limit: 50, reason, region: q.region || undefined } });
}
