/** The account roles, shared because moderation's rules (who may decide, who may change a role) depend on them. */
export type Role = 'witness' | 'moderator' | 'admin';
export const ROLES: readonly Role[] = ['witness', 'moderator', 'admin'];
