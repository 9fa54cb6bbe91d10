import { apiCall } from '../../lib/api-client.ts';
import { useApi } from '../../lib/use-api.ts';

/** One region with its totals and children; no code means the nation. */
export function useRegion(code: string | undefined) {
  return useApi(code ? apiCall('region', { params: { code } }) : apiCall('nation'));
}
