import { z } from 'zod';
import { LISTED_STATUSES } from '@cocok/domain';

/** GET /api/mismatches. `status` lists one status of TPS with crowd figures; the default is the mismatches. */
export const mismatchQuery = z.object({
  region: z.string().max(20).default('ID'),
  status: z.enum(LISTED_STATUSES).default('mismatch'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
