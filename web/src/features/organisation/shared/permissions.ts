import type { SessionUser } from '../../../../../contracts/auth.ts';
import { hasRole } from '../../auth/index.ts';

/**
 * True when the user may change organisation data somewhere (officers and administrators). Used only
 * where the server gives no per-record `actions` (e.g. a button above an empty list).
 */
export function canManageOrganisation(user: SessionUser | null): boolean {
  return hasRole(user, 'admin') || hasRole(user, 'tdkt_officer');
}
