import { and, eq, sql } from 'drizzle-orm';
import type { LaunchMovementBody } from '#contracts/movements.ts';
import { notifyUnitOfficers } from '#server/modules/notifications/index.ts';
import { recordAudit } from '#server/platform/audit/audit.ts';
import type { Database, Transaction } from '#server/platform/db/client.ts';
import { movements, planObligations } from '#server/platform/db/schema.ts';
import { nextVersion } from '#server/platform/db/versioning.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { nextMovementStatus } from '../movement-workflow.ts';
import { assertManageMovement } from '../movements.policy.ts';
import {
  findMovement,
  findPlanVersion,
  findUnit,
  lockMovement,
  type MovementRow,
  type MovementWithUnit,
} from '../movements.repo.ts';
import { type Caller, facts, getCurrentPlan, getManagedMovement } from '../movements.service.ts';
import { defaultPlanDeadline } from '../obligations/obligation-status.ts';
import { assertIssuable, missingForIssue } from '../plans/plan-issue.ts';
import {
  findAssigneeUnits,
  hasTimeline,
  insertAssignments,
  insertMilestones,
} from './launch-timeline.repo.ts';
import { plannedAssignments, plannedMilestones } from './launch-timeline.ts';
import { assertWarningsConfirmed, launchWarnings } from './launch-warnings.ts';

const isoToday = () => new Date().toISOString().slice(0, 10);
const viDate = (iso: string) => iso.split('-').reverse().join('/');

/**
 * Stores the plan's schedule as milestones and its implementation section as assignments, each only
 * when the movement has none yet (a manager may have entered them by hand before launching).
 */
async function createPlannedTimeline(
  tx: Transaction,
  movement: MovementRow,
  launch: { year: number; planDeadline: string },
) {
  const existing = await hasTimeline(tx, movement.id);
  const version = await findPlanVersion(tx, movement.id, movement.currentVersion);
  if (!version) return { milestones: 0, assignments: 0 };
  const milestones = existing.milestones
    ? 0
    : await insertMilestones(tx, movement.id, plannedMilestones(version.content, launch));
  if (existing.assignments) return { milestones, assignments: 0 };
  const planned = plannedAssignments(version.content, launch.year);
  const unitOf = await findAssigneeUnits(tx, movement.launchingUnitId, [
    ...new Set(planned.map((assignment) => assignment.assignee)),
  ]);
  return { milestones, assignments: await insertAssignments(tx, movement.id, planned, unitOf) };
}

/**
 * Launches a draft movement, once: it becomes visible to the launching unit's subtree; every active
 * direct subordinate unit gets an obligation to issue its implementing plan by the deadline and its
 * officers a notification; the plan's schedule and tasks become the movement's milestones and
 * assignments. Launching an implementing movement fulfils the launching unit's own obligation
 * towards the parent movement. A second launch is a CONFLICT.
 */
export async function launchMovement(db: Database, caller: Caller, id: string, body: LaunchMovementBody) {
  const row = await getManagedMovement(db, caller, id);
  nextMovementStatus(facts(row).status, 'launch');
  const check = await checkLaunch(db, row);
  assertIssuable(check.plan);
  assertWarningsConfirmed(check.warnings, body.confirmedWarnings ?? []);
  const confirmedWarnings = check.warnings.map((warning) => warning.code);
  const now = new Date();
  const deadline = body.planDeadline ?? defaultPlanDeadline(isoToday());
  return db.transaction(async (tx) => {
    const movement = await lockMovement(tx, id);
    if (!movement) throw new AppError('NOT_FOUND');
    const status = nextMovementStatus(movement.status as 'draft', 'launch');
    const rootId = movement.rootMovementId ?? movement.id;
    await tx
      .update(movements)
      .set({ status, launchedAt: now, planDeadline: deadline, ...nextVersion(movements, caller.actor) })
      .where(eq(movements.id, id));
    const created = (await tx.execute(sql`
      insert into plan_obligations (movement_id, root_movement_id, unit_id, due_on)
      select ${id}::uuid, ${rootId}::uuid, u.id, ${deadline}::date
      from units u
      where u.parent_id = ${movement.launchingUnitId}::uuid
        and (u.valid_to is null or u.valid_to >= current_date)
      on conflict (movement_id, unit_id) do nothing
      returning id`)) as unknown as { rows: unknown[] };
    const timeline = await createPlannedTimeline(tx, movement, {
      year: Number(isoToday().slice(0, 4)),
      planDeadline: deadline,
    });
    let fulfilled: string | null = null;
    if (movement.parentMovementId) {
      const [obligation] = await tx
        .update(planObligations)
        .set({ state: 'issued', issuedAt: now, implementingMovementId: id, updatedAt: now })
        .where(
          and(
            eq(planObligations.movementId, movement.parentMovementId),
            eq(planObligations.unitId, movement.launchingUnitId),
          ),
        )
        .returning({ id: planObligations.id });
      fulfilled = obligation?.id ?? null;
    }
    const notified = await notifyUnitOfficers(
      tx,
      sql`select unit_id from plan_obligations where movement_id = ${id}::uuid`,
      {
        kind: 'movement.launched',
        title: `Phát động phong trào: ${movement.name}`,
        body: `${row.unitName} đã phát động phong trào “${movement.name}”. Đơn vị cần ban hành kế hoạch triển khai trước ngày ${viDate(deadline)}.`,
        link: `/phong-trao/${id}`,
        entityType: 'movement',
        entityId: id,
        dedupeKey: `movement.launched:${id}`,
      },
    );
    await recordAudit(tx, caller.actor, {
      action: 'movement.launch',
      entityType: 'movement',
      entityId: id,
      before: { status: movement.status },
      after: {
        status,
        planDeadline: deadline,
        obligations: created.rows.length,
        fulfilledObligationId: fulfilled,
        notified,
        milestones: timeline.milestones,
        assignments: timeline.assignments,
        ...(confirmedWarnings.length ? { confirmedWarnings } : {}),
      },
    });
    return { obligations: created.rows.length, notified };
  });
}

/**
 * Before a launch: the current plan, what it still lacks to be issued (number, date, signer) and the warnings the user must confirm (see launch-warnings.ts).
 */
export async function checkLaunch(db: Database, row: MovementWithUnit) {
  const plan = await getCurrentPlan(db, row);
  const unit = await findUnit(db, row.movement.launchingUnitId);
  if (!unit) throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị phát động.');
  const warnings = await launchWarnings(db, {
    movementId: row.movement.id,
    name: row.movement.name,
    periodFrom: row.movement.periodFrom,
    periodTo: row.movement.periodTo,
    plan,
    unit,
  });
  const missing = missingForIssue(plan);
  return { plan, missing, warnings };
}

/** A higher level marks a pending obligation not applicable, with a reason. */
export async function markObligationNotApplicable(
  db: Database,
  caller: Caller,
  obligationId: string,
  reason: string,
) {
  const [obligation] = await db.select().from(planObligations).where(eq(planObligations.id, obligationId));
  if (!obligation) throw new AppError('NOT_FOUND', 'Không tìm thấy nghĩa vụ ban hành kế hoạch.');
  const movement = await findMovement(db, obligation.movementId);
  if (!movement) throw new AppError('NOT_FOUND');
  assertManageMovement(caller.principal, facts(movement));
  if (obligation.state !== 'pending') {
    throw new AppError('CONFLICT', 'Chỉ đánh dấu "không áp dụng" được khi đơn vị chưa ban hành kế hoạch.');
  }
  return db.transaction(async (tx) => {
    const [after] = await tx
      .update(planObligations)
      .set({ state: 'not_applicable', reason, updatedAt: new Date() })
      .where(and(eq(planObligations.id, obligationId), eq(planObligations.state, 'pending')))
      .returning();
    if (!after) throw new AppError('CONFLICT');
    await recordAudit(tx, caller.actor, {
      action: 'obligation.not_applicable',
      entityType: 'plan_obligation',
      entityId: obligationId,
      before: obligation,
      after,
      reason,
    });
    return after;
  });
}
