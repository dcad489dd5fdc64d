/** API token roles of contract §5. */
export const ROLES = ['dispatcher', 'operator', 'engineer', 'admin'] as const;
export type Role = (typeof ROLES)[number];
