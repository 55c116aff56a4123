import { sql } from 'drizzle-orm';
import type { AuditAction } from '#contracts/audit.ts';
import type {
  CreateMovementBody,
  MovementQuery,
  PlanContent,
  UpdateMovementBody,
} from '#contracts/movements.ts';
import { PERIOD_ORDER_MESSAGE } from '#contracts/movements.ts';
import { predecessorPaths } from '#server/modules/organisation/index.ts';
import { type ActorContext, recordAudit } from '#server/platform/audit/audit.ts';
import { assertCoversUnit, isAdmin, type Principal } from '#server/platform/auth/policy.ts';
import type { Database, Executor } from '#server/platform/db/client.ts';
import { movements, planVersions } from '#server/platform/db/schema.ts';
import { atVersion, nextVersion, staleVersionError, versionedRow } from '#server/platform/db/versioning.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { assertRangeAfterChange } from '#server/platform/http/ranges.ts';
import { editMakesNewVersion, nextMovementStatus } from './movement-workflow.ts';
import {
  assertManageMovement,
  assertViewMovement,
  canViewMovement,
  MANAGE_ROLES,
  visibleMovementCondition,
} from './movements.policy.ts';
import {
  findByPlanNumbers,
  findMovement,
  findPlanVersion,
  findUnit,
  listMovements,
  lockMovement,
  type MovementWithUnit,
} from './movements.repo.ts';
import { emptyPlanContent } from './plans/plan-content.ts';

/** How a movement is named when an update finds it gone or changed by someone else. */
export const MOVEMENT = { subject: 'Phong trào này', notFound: 'Không tìm thấy phong trào.' };

/** The signed-in user and the request, as every use case receives them. */
export interface Caller {
  principal: Principal;
  actor: ActorContext;
}

/**
 * The paths of the units the caller's granted units succeeded, at any distance (none for an admin or
 * a system-wide grant, who already see everything): they let a commune read its district's plans.
 */
export async function inheritedPathsOf(db: Executor, principal: Principal): Promise<string[]> {
  if (isAdmin(principal) || principal.scopedGrants.some((grant) => grant.unitPath === null)) return [];
  const unitIds = principal.scopedGrants.flatMap((grant) => (grant.unitId ? [grant.unitId] : []));
  return predecessorPaths(db, [...new Set(unitIds)]);
}

/** The movement or 404 when missing or not visible to the caller. */
export async function getVisibleMovement(
  db: Executor,
  caller: Caller,
  id: string,
): Promise<MovementWithUnit> {
  const row = await findMovement(db, id);
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy phong trào.');
  // Successions are looked up only when the grants alone do not reach the movement.
  if (!canViewMovement(caller.principal, facts(row))) {
    assertViewMovement(caller.principal, facts(row), await inheritedPathsOf(db, caller.principal));
  }
  return row;
}

/** The movement, checked that the caller manages it. */
export async function getManagedMovement(
  db: Executor,
  caller: Caller,
  id: string,
): Promise<MovementWithUnit> {
  const row = await getVisibleMovement(db, caller, id);
  assertManageMovement(caller.principal, facts(row));
  return row;
}

export const facts = (row: MovementWithUnit) => ({
  status: row.movement.status as 'draft' | 'launched' | 'closed',
  launchingUnitPath: row.unitPath,
});

/** A page of the movements the caller sees. */
export async function searchMovements(db: Database, caller: Caller, query: MovementQuery) {
  const inherited = await inheritedPathsOf(db, caller.principal);
  return listMovements(
    db,
    (path, status) => visibleMovementCondition(caller.principal, path, status, inherited),
    query,
  );
}

/** The current plan content of a movement. */
export async function getCurrentPlan(db: Executor, row: MovementWithUnit): Promise<PlanContent> {
  const version = await findPlanVersion(db, row.movement.id, row.movement.currentVersion);
  if (!version) throw new Error(`movement ${row.movement.id} has no current plan`);
  return version.content;
}

/** Detail extras: the parent movement and legal bases matching plans in the system. */
export async function getDetailExtras(db: Executor, row: MovementWithUnit, plan: PlanContent) {
  const parent = row.movement.parentMovementId ? await findMovement(db, row.movement.parentMovementId) : null;
  const numbers = plan.document.legalBasis.flatMap((basis) => basis.refs.map((ref) => ref.number));
  const linked = await findByPlanNumbers(db, [...new Set(numbers)]);
  return {
    plan,
    parentMovement: parent ? { id: parent.movement.id, name: parent.movement.name } : null,
    linkedPlans: linked
      .filter((link) => link.id !== row.movement.id)
      .map((link) => ({ number: link.number ?? '', movementId: link.id, name: link.name })),
  };
}

/** Everything a new movement needs, from any of the ways to create one. */
export interface NewMovement {
  name: string;
  theme?: string | null | undefined;
  kind: string;
  periodFrom: number;
  periodTo: number;
  launchingUnitId: string;
  parentMovementId?: string | null | undefined;
  plan: PlanContent | null;
  sourceText?: string | null;
  how: 'hand' | 'import' | 'copy' | 'implement';
  /** Warnings the user confirmed when importing (audited with the creation). */
  confirmedWarnings?: string[];
}

/** Creates a draft movement with version 1 of its plan, audited; checks the caller manages the unit. */
export async function insertMovement(db: Database, caller: Caller, input: NewMovement) {
  const unit = await findUnit(db, input.launchingUnitId);
  if (!unit) throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị phát động.');
  assertCoversUnit(caller.principal, MANAGE_ROLES, unit.path);
  let rootId: string | null = null;
  if (input.parentMovementId) {
    const parent = await getVisibleMovement(db, caller, input.parentMovementId);
    if (!unit.path.startsWith(parent.unitPath) || unit.path === parent.unitPath) {
      throw new AppError(
        'CONFLICT',
        'Phong trào triển khai phải của đơn vị cấp dưới đơn vị phát động phong trào cấp trên.',
      );
    }
    rootId = parent.movement.rootMovementId ?? parent.movement.id;
  }
  const plan =
    input.plan ??
    emptyPlanContent({
      issuerName: unit.name.toUpperCase(),
      title: `Tổ chức thực hiện Phong trào thi đua “${input.name}” giai đoạn ${input.periodFrom}-${input.periodTo}`,
      movementName: input.name,
      periodFrom: input.periodFrom,
      periodTo: input.periodTo,
    });
  return db.transaction(async (tx) => {
    const id = crypto.randomUUID();
    const [movement] = await tx
      .insert(movements)
      .values({
        id,
        name: input.name,
        theme: input.theme ?? null,
        kind: input.kind,
        periodFrom: input.periodFrom,
        periodTo: input.periodTo,
        launchingUnitId: unit.id,
        parentMovementId: input.parentMovementId ?? null,
        rootMovementId: rootId ?? id,
        planNumber: plan.document.number,
        sourceText: input.sourceText ?? null,
        createdBy: caller.principal.id,
      })
      .returning();
    await tx
      .insert(planVersions)
      .values({ movementId: id, version: 1, content: plan, createdBy: caller.principal.id });
    await recordAudit(tx, caller.actor, {
      action: 'movement.create',
      entityType: 'movement',
      entityId: id,
      after: {
        ...movement,
        how: input.how,
        sourceText: undefined,
        ...(input.confirmedWarnings?.length ? { confirmedWarnings: input.confirmedWarnings } : {}),
      },
    });
    return movement as NonNullable<typeof movement>;
  });
}

/** Creates a movement by hand. */
export function createMovement(db: Database, caller: Caller, body: CreateMovementBody) {
  return insertMovement(db, caller, { ...body, plan: null, how: 'hand' });
}

/** Changes the movement's own fields (name, theme, kind, period), at the version the form loaded (else 409). */
export async function updateMovement(db: Database, caller: Caller, id: string, body: UpdateMovementBody) {
  const row = await getManagedMovement(db, caller, id);
  nextMovementStatus(facts(row).status, 'edit');
  assertRangeAfterChange(row.movement, body, 'periodFrom', 'periodTo', PERIOD_ORDER_MESSAGE);
  const { version, ...fields } = body;
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(movements)
      .set({ ...fields, ...nextVersion(movements, caller.actor) })
      .where(atVersion(movements, id, version))
      .returning();
    const after = await versionedRow(tx, updated, movements, id, MOVEMENT);
    await recordAudit(tx, caller.actor, {
      action: 'movement.update',
      entityType: 'movement',
      entityId: id,
      before: { ...row.movement, sourceText: undefined },
      after: { ...after, sourceText: undefined },
    });
  });
}

/**
 * Saves an edited plan, only while the movement is at the version the editor loaded (else 409): a
 * draft's current plan version is rewritten; after launch a new plan version is made and becomes
 * current, so the launched text stays readable. Audited with the action given.
 */
export async function savePlan(
  db: Database,
  caller: Caller,
  id: string,
  expected: number,
  action: AuditAction,
  edit: (plan: PlanContent) => PlanContent,
  detail?: unknown,
) {
  const row = await getManagedMovement(db, caller, id);
  return db.transaction(async (tx) => {
    const movement = await lockMovement(tx, id);
    if (!movement) throw new AppError('NOT_FOUND', MOVEMENT.notFound);
    if (movement.version !== expected) throw await staleVersionError(tx, movements, id, MOVEMENT);
    nextMovementStatus(movement.status as 'draft', 'edit');
    const current = await findPlanVersion(tx, id, movement.currentVersion);
    if (!current) throw new Error('current plan missing');
    const plan = edit(current.content);
    const newVersion = editMakesNewVersion(movement.status as 'draft');
    const version = newVersion ? movement.currentVersion + 1 : movement.currentVersion;
    if (newVersion) {
      await tx
        .insert(planVersions)
        .values({ movementId: id, version, content: plan, createdBy: caller.principal.id });
    } else {
      await tx
        .update(planVersions)
        .set({ content: plan, updatedAt: new Date() })
        .where(sql`${planVersions.movementId} = ${id} and ${planVersions.version} = ${version}`);
    }
    const saved = await tx
      .update(movements)
      .set({
        currentVersion: version,
        planNumber: plan.document.number,
        ...nextVersion(movements, caller.actor),
      })
      .where(atVersion(movements, id, expected))
      .returning({ id: movements.id });
    await versionedRow(tx, saved, movements, id, MOVEMENT);
    await recordAudit(tx, caller.actor, {
      action,
      entityType: 'movement',
      entityId: id,
      before: { version: movement.currentVersion },
      after: { version, newVersion, detail },
    });
    return { row, plan, version };
  });
}
