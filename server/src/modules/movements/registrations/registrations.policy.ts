import type { Role } from '#contracts/auth.ts';
import type { RegistrationAction } from '#contracts/movements.ts';
import { coversUnit, type Principal } from '#server/platform/auth/policy.ts';
import { MANAGE_ROLES } from '../movements.policy.ts';
import { canMoveRegistration } from './registration-workflow.ts';
import type { RegistrationWithNames } from './registrations.repo.ts';

/** Who reviews registrations at the reviewing unit: its emulation officers and its head. */
export const REVIEW_ROLES: readonly Role[] = [...MANAGE_ROLES, 'unit_head'];

/**
 * The path of the unit whose officers and head review a registration: a person's own unit; for a unit's
 * (or consolidated) registration, the unit above it — or the unit itself when it launched the movement.
 */
export function reviewingPath(row: RegistrationWithNames, launchingUnitPath: string): string {
  if (row.registration.kind === 'person' || row.unitPath === launchingUnitPath) return row.unitPath;
  return row.unitPath.slice(0, row.unitPath.slice(0, -1).lastIndexOf('/') + 1);
}

/** True when the user wrote the registration or speaks for its subject (the person, or the unit's officer). */
export function isRegistrant(principal: Principal, row: RegistrationWithNames): boolean {
  if (row.registration.kind === 'person')
    return row.personUserId === principal.id || row.registration.createdBy === principal.id;
  return coversUnit(principal, [...MANAGE_ROLES, 'unit_head'], row.unitPath);
}

/** True when the user reviews (approves or returns) the registration: an officer or head covering the reviewing unit. */
export const isReviewer = (principal: Principal, row: RegistrationWithNames, launchingUnitPath: string) =>
  coversUnit(principal, REVIEW_ROLES, reviewingPath(row, launchingUnitPath));

/** What the user may do with the registration now. */
export function registrationActions(
  principal: Principal,
  row: RegistrationWithNames,
  launchingUnitPath: string,
): RegistrationAction[] {
  const status = row.registration.status as 'draft';
  const actions: RegistrationAction[] = [];
  if (isRegistrant(principal, row)) {
    if (canMoveRegistration(status, 'edit')) actions.push('edit');
    if (canMoveRegistration(status, 'submit')) actions.push('submit');
  }
  if (isReviewer(principal, row, launchingUnitPath)) {
    if (canMoveRegistration(status, 'approve')) actions.push('approve');
    if (canMoveRegistration(status, 'return')) actions.push('return');
  }
  return actions;
}
