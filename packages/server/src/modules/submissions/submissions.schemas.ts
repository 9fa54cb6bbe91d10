import { z } from 'zod';

/** Confirm: each field an integer 0..999 (three boxes on the form) or null (left empty/unknown). */
export const confirmBody = z.object({
  fields: z.record(z.string().max(64), z.number().int().min(0).max(999).nullable()),
});

export const uploadFields = z.object({ tps: z.string().trim().min(1).max(20) });

export const submissionIdParam = z.coerce.number().int().positive();
