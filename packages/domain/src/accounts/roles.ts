/** The account roles, shared because moderation's rules (who may decide, who may change a role) depend on them. */
export const ROLES = ['witness', 'moderator', 'admin'] as const;
export type Role = (typeof ROLES)[number];
