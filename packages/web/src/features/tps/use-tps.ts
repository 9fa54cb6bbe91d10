import type { CurrentOfficial, OfficialVersion } from '@cocok/api';
import { apiCall } from '../../lib/api-client.ts';
import { useApi } from '../../lib/use-api.ts';

export type OfficialView = CurrentOfficial;
export type VersionView = OfficialVersion;

/** One TPS with its current official figures, check results and version history. */
export function useTps(code: string | undefined) {
  return useApi(code ? apiCall('tps', { params: { code } }) : null);
}
