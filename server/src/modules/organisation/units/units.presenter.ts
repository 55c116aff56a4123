import type { UnitAction, UnitKind, UnitListItem } from '#contracts/organisation.ts';
import { isAdmin, type Principal } from '#server/platform/auth/policy.ts';
import { inScope, type Scope } from '../organisation.policy.ts';
import { today } from '../sql-rows.ts';
import type { UnitListRow, UnitRow } from './units.repo.ts';

/** What the user may do with a unit: officers within their scope edit, admins also grant roles. */
export function unitActions(principal: Principal, writeScope: Scope, unit: UnitRow): UnitAction[] {
  const actions: UnitAction[] = ['view'];
  if (inScope(writeScope, unit.path)) {
    actions.push('edit', 'create_child', 'end');
    // Moving needs the parent's scope too; a unit at the top of the user's scope cannot leave it.
    if (
      writeScope === null ||
      writeScope.some((prefix) => unit.path.startsWith(prefix) && unit.path !== prefix)
    )
      actions.push('move');
  }
  if (isAdmin(principal)) actions.push('grant');
  return actions;
}

/** A unit row as the API shows it. */
export function presentUnit(row: UnitListRow, principal: Principal, writeScope: Scope): UnitListItem {
  const { unit } = row;
  return {
    id: unit.id,
    parentId: unit.parentId,
    parentName: row.parentName,
    name: unit.name,
    shortName: unit.shortName,
    code: unit.code,
    kind: unit.kind as UnitKind,
    isCollegial: unit.isCollegial,
    validFrom: unit.validFrom,
    validTo: unit.validTo,
    isActive: unit.validTo === null || unit.validTo >= today(),
    childCount: Number(row.childCount),
    endedChildCount: Number(row.endedChildCount),
    successors: row.successors,
    actions: unitActions(principal, writeScope, unit),
    version: unit.version,
  };
}
