/** URLs of the moderator pages. */
export const QUEUE_PATH = '/moderasi';
export const DASHBOARD_PATH = '/moderasi/dasbor';
export const USERS_PATH = '/moderasi/pengguna';

export function reviewPath(code: string): string {
  return `/moderasi/tps/${encodeURIComponent(code)}`;
}

export const apiPaths = {
  queue: (q: { reason?: string; region?: string }) => {
    const params = new URLSearchParams({ limit: '50' });
    if (q.reason) params.set('reason', q.reason);
    if (q.region) params.set('region', q.region);
    return `/api/moderation/queue?${params}`;
  },
  review: (code: string) => `/api/moderation/tps/${encodeURIComponent(code)}`,
  claim: (code: string) => `/api/moderation/tps/${encodeURIComponent(code)}/claim`,
  releaseClaim: (code: string) => `/api/moderation/tps/${encodeURIComponent(code)}/claim/release`,
  decisions: (code: string) => `/api/moderation/tps/${encodeURIComponent(code)}/decisions`,
  history: (code: string) => `/api/tps/${encodeURIComponent(code)}/moderation`,
  reports: (code: string) => `/api/tps/${encodeURIComponent(code)}/reports`,
  dashboard: '/api/moderation/dashboard',
};
