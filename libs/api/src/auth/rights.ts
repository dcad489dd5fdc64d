/**
 * What each role may do (contract §5 roles). Routes name a right; the guard checks the
 * caller's role against this table, which the README reproduces as the role matrix.
 */
import type { Role } from '@sanitation/contracts';

export const RIGHTS = {
  'fleet:read': ['dispatcher', 'engineer', 'admin'],
  'track:read': ['dispatcher', 'engineer', 'admin'],
  'alerts:read': ['dispatcher', 'operator', 'engineer', 'admin'],
  'alerts:resolve': ['dispatcher', 'operator', 'admin'],
  'weighings:read': ['operator', 'engineer', 'admin'],
  'weighings:match': ['operator', 'admin'],
  'deadletters:read': ['engineer', 'admin'],
  'registry:reload': ['engineer', 'admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Right = keyof typeof RIGHTS;

export function roleHas(role: Role, right: Right): boolean {
  return (RIGHTS[right] as readonly Role[]).includes(role);
}
