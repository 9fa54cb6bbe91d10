import type { TpsView } from '../../../../server/src/modules/official/official.service.ts';
import { useApi } from '../../lib/use-api.ts';

export type OfficialView = NonNullable<TpsView['official']>;
export type VersionView = TpsView['history'][number];

/** One TPS with its current official figures, check results and version history. */
export function useTps(code: string | undefined) {
  return useApi<TpsView>(code ? `/api/tps/${encodeURIComponent(code)}` : null);
}
