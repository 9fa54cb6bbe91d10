import { z } from 'zod';
import { fieldValues, isoTime, regionRef, someFieldValues, tpsCode } from './common.ts';
import { tpsComparison } from './comparison.ts';

/** The TPS page (GET /tps/:code): KPU's current figures with their checks, every version imported, and the crowd's comparison. */

/** One consistency check of the form (form-checks.logic.ts CheckResult). */
export const checkResult = z.strictObject({
  id: z.string(),
  status: z.enum(['pass', 'fail', 'skipped']),
  /** The figures the check looked at (null where unknown). */
  values: someFieldValues,
  /** For equations and bounds: the two sides compared (absent when skipped). */
  left: z.number().int().optional(),
  right: z.number().int().optional(),
});

/** One version of KPU's figures for a TPS, as imported from Sirekap. */
export const officialVersion = z.strictObject({
  versionId: z.number().int().positive(),
  /** Sirekap's own timestamp ("2024-02-15 10:00:00"), not an ISO time. */
  docTs: z.string().nullable(),
  importedAt: isoTime,
  source: z.string(),
  partial: z.boolean(),
  hasChart: z.boolean(),
  hasAdministrasi: z.boolean(),
  statusSuara: z.boolean().nullable(),
  statusAdm: z.boolean().nullable(),
  psu: z.string().nullable(),
  /** Sirekap's image URLs of the three pages. */
  images: z.tuple([z.string().nullable(), z.string().nullable(), z.string().nullable()]),
  fields: fieldValues,
  /** Ids of the checks this version fails. */
  flags: z.array(z.string()),
});

export const currentOfficial = officialVersion.extend({ checks: z.array(checkResult) });

export const tpsPage = z.strictObject({
  code: tpsCode,
  name: z.string(),
  overseas: z.boolean(),
  breadcrumb: z.array(regionRef),
  official: currentOfficial.nullable(),
  history: z.array(officialVersion),
  comparison: tpsComparison,
});

export type CheckResult = z.infer<typeof checkResult>;
export type OfficialVersion = z.infer<typeof officialVersion>;
export type CurrentOfficial = z.infer<typeof currentOfficial>;
export type TpsPage = z.infer<typeof tpsPage>;
