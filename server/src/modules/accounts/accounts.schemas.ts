import { z } from 'zod';

/** Request bodies of the auth routes. Password length is capped so hashing cannot be used to tire the server. */
export const registerBody = z.object({
  name: z.string().trim().min(1).max(100),
  contact: z.string().trim().min(3).max(254),
  password: z.string().min(8).max(200),
});

export const loginBody = z.object({
  contact: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(200),
});

export type RegisterBody = z.infer<typeof registerBody>;
export type LoginBody = z.infer<typeof loginBody>;
