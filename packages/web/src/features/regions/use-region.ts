import type { RegionView } from '../../../../server/src/modules/regions/regions.service.ts';
import { useApi } from '../../lib/use-api.ts';

/** One region with its totals and children; no code means the nation. */
export function useRegion(code: string | undefined) {
  return useApi<RegionView>(code ? `/api/regions/${encodeURIComponent(code)}` : '/api/regions');
}
