import type {
  MovementDetail,
  MovementKind,
  MovementListItem,
  MovementStatus,
  PlanContent,
} from '#contracts/movements.ts';
import type { Principal } from '#server/platform/auth/policy.ts';
import { movementActions } from './movements.policy.ts';
import type { MovementWithUnit } from './movements.repo.ts';

/** A movement row as lists show it, with the actions this user may take. */
export function presentMovement(row: MovementWithUnit, principal: Principal): MovementListItem {
  const { movement } = row;
  const status = movement.status as MovementStatus;
  return {
    id: movement.id,
    name: movement.name,
    theme: movement.theme,
    kind: movement.kind as MovementKind,
    status,
    periodFrom: movement.periodFrom,
    periodTo: movement.periodTo,
    launchingUnit: { id: movement.launchingUnitId, name: row.unitName },
    parentMovementId: movement.parentMovementId,
    planNumber: movement.planNumber,
    launchedAt: movement.launchedAt ? movement.launchedAt.toISOString() : null,
    planDeadline: movement.planDeadline,
    currentVersion: movement.currentVersion,
    publishedAt: movement.publishedAt ? movement.publishedAt.toISOString() : null,
    actions: movementActions(principal, {
      status,
      launchingUnitPath: row.unitPath,
      published: movement.publishedAt !== null,
    }),
    version: movement.version,
  };
}

/** A movement with its current plan and what the review screen needs. */
export function presentMovementDetail(
  row: MovementWithUnit,
  principal: Principal,
  extra: {
    plan: PlanContent;
    parentMovement: { id: string; name: string } | null;
    linkedPlans: { number: string; movementId: string; name: string }[];
  },
): MovementDetail {
  return {
    ...presentMovement(row, principal),
    parentMovement: extra.parentMovement,
    plan: extra.plan,
    sourceText: row.movement.sourceText,
    unclassified: extra.plan.document.unclassified,
    linkedPlans: extra.linkedPlans,
  };
}
