import type { Gender, PersonAction, PersonCategory, PersonListItem } from '#contracts/organisation.ts';
import type { Principal } from '#server/platform/auth/policy.ts';
import { inScope, type Scope } from '../organisation.policy.ts';
import type { PersonRow } from './persons.repo.ts';

/**
 * What the user may do with a person: officers of the person's units (and admins) edit and see the
 * sensitive fields; the person themself sees their own sensitive fields.
 */
export function personActions(
  principal: Principal,
  officerScope: Scope,
  person: PersonRow,
  unitPath: string,
) {
  const actions: PersonAction[] = ['view'];
  const isOfficer = inScope(officerScope, unitPath);
  if (isOfficer || person.userId === principal.id) actions.push('view_sensitive');
  if (isOfficer) actions.push('edit');
  return actions;
}

/** A person as the API shows it, with sensitive fields blanked unless allowed. */
export function presentPerson(
  row: { person: PersonRow; unitName: string; unitPath: string },
  principal: Principal,
  officerScope: Scope,
): PersonListItem {
  const { person } = row;
  const actions = personActions(principal, officerScope, person, row.unitPath);
  const sensitive = actions.includes('view_sensitive');
  return {
    id: person.id,
    fullName: person.fullName,
    gender: person.gender as Gender,
    birthDate: sensitive ? person.birthDate : null,
    idNumber: sensitive ? person.idNumber : null,
    category: person.category as PersonCategory,
    position: person.position,
    isLeader: person.isLeader,
    isDirectWorker: person.isDirectWorker,
    unitId: person.unitId,
    unitName: row.unitName,
    userId: person.userId,
    actions,
    version: person.version,
  };
}
