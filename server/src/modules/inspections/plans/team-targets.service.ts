import { and, count, eq } from 'drizzle-orm';
import { type TargetAddBody, TEAM_MAX, type TeamAddBody } from '#contracts/inspections.ts';
import { recordAudit } from '#server/platform/audit/audit.ts';
import type { Database } from '#server/platform/db/client.ts';
import {
  councilMembers,
  inspectionFindings,
  inspectionRemedies,
  inspectionTargets,
  inspectionTeamMembers,
  persons,
  units,
} from '#server/platform/db/schema.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { assertAllowed, type Caller, planAccess } from '../inspections.policy.ts';
import { bumpPlan, getPlanRow, placeOf } from '../inspections.repo.ts';
import { assertDayWithin } from './plan-dates.ts';

const fieldError = (path: string, message: string, detail: string) =>
  new AppError('VALIDATION_FAILED', message, [{ path, message: detail }]);

/** Adds a person to a draft plan's team, at most `TEAM_MAX` (a council seat, when given, must be theirs on this council). */
export async function addTeamMember(db: Database, caller: Caller, planId: string, body: TeamAddBody) {
  const row = await getPlanRow(db, planId);
  assertAllowed(await planAccess(db, caller.principal, placeOf(row)), 'edit');
  const [person] = await db.select({ id: persons.id }).from(persons).where(eq(persons.id, body.personId));
  if (!person) throw fieldError('personId', 'Không tìm thấy cán bộ.', 'Không tìm thấy cán bộ');
  if (body.councilMemberId) {
    const [seat] = await db
      .select({ id: councilMembers.id })
      .from(councilMembers)
      .where(
        and(
          eq(councilMembers.id, body.councilMemberId),
          eq(councilMembers.councilId, row.plan.councilId),
          eq(councilMembers.personId, body.personId),
        ),
      );
    if (!seat)
      throw fieldError(
        'councilMemberId',
        'Thành viên Hội đồng được chọn không phải người này hoặc không thuộc Hội đồng của kế hoạch.',
        'Không phải thành viên Hội đồng của kế hoạch',
      );
  }
  const [already] = await db
    .select({ id: inspectionTeamMembers.id })
    .from(inspectionTeamMembers)
    .where(and(eq(inspectionTeamMembers.planId, planId), eq(inspectionTeamMembers.personId, body.personId)));
  if (already) throw new AppError('CONFLICT', 'Người này đã có trong đoàn kiểm tra.');
  await db.transaction(async (tx) => {
    await bumpPlan(tx, caller.actor, planId, body.version, 'draft');
    const [team] = await tx
      .select({ n: count() })
      .from(inspectionTeamMembers)
      .where(eq(inspectionTeamMembers.planId, planId));
    if ((team?.n ?? 0) >= TEAM_MAX)
      throw new AppError('CONFLICT', `Đoàn kiểm tra đã có ${TEAM_MAX} người, không thêm được nữa.`);
    const [member] = await tx
      .insert(inspectionTeamMembers)
      .values({ planId, personId: body.personId, councilMemberId: body.councilMemberId, role: body.role })
      .returning();
    await recordAudit(tx, caller.actor, {
      action: 'inspection.team_add',
      entityType: 'inspection_plan',
      entityId: planId,
      after: member,
    });
  });
}

/** Takes a person off a draft plan's team. */
export async function removeTeamMember(
  db: Database,
  caller: Caller,
  planId: string,
  memberId: string,
  version: number,
) {
  const row = await getPlanRow(db, planId);
  assertAllowed(await planAccess(db, caller.principal, placeOf(row)), 'edit');
  await db.transaction(async (tx) => {
    await bumpPlan(tx, caller.actor, planId, version, 'draft');
    const [gone] = await tx
      .delete(inspectionTeamMembers)
      .where(and(eq(inspectionTeamMembers.id, memberId), eq(inspectionTeamMembers.planId, planId)))
      .returning();
    if (!gone) throw new AppError('NOT_FOUND', 'Không tìm thấy thành viên đoàn kiểm tra.');
    await recordAudit(tx, caller.actor, {
      action: 'inspection.team_remove',
      entityType: 'inspection_plan',
      entityId: planId,
      before: gone,
    });
  });
}

/** Adds a unit to inspect on a day within the plan's dates (a unit in the council's subtree). */
export async function addTarget(db: Database, caller: Caller, planId: string, body: TargetAddBody) {
  const row = await getPlanRow(db, planId);
  assertAllowed(await planAccess(db, caller.principal, placeOf(row)), 'edit');
  const [unit] = await db
    .select({ id: units.id, path: units.path })
    .from(units)
    .where(eq(units.id, body.unitId));
  if (!unit?.path.startsWith(row.unitPath))
    throw fieldError(
      'unitId',
      'Đơn vị được kiểm tra phải thuộc phạm vi của Hội đồng.',
      'Không thuộc phạm vi của Hội đồng',
    );
  assertDayWithin(row.plan, body.inspectOn);
  const [already] = await db
    .select({ id: inspectionTargets.id })
    .from(inspectionTargets)
    .where(and(eq(inspectionTargets.planId, planId), eq(inspectionTargets.unitId, body.unitId)));
  if (already) throw new AppError('CONFLICT', 'Đơn vị này đã có trong kế hoạch kiểm tra.');
  return db.transaction(async (tx) => {
    await bumpPlan(tx, caller.actor, planId, body.version, 'draft');
    const [target] = await tx
      .insert(inspectionTargets)
      .values({ planId, unitId: body.unitId, inspectOn: body.inspectOn, updatedBy: caller.actor.userId })
      .returning();
    if (!target) throw new Error('target not created');
    await recordAudit(tx, caller.actor, {
      action: 'inspection.target_add',
      entityType: 'inspection_target',
      entityId: target.id,
      after: target,
    });
    return target.id;
  });
}

/** Takes a unit off a draft plan; refused (409) once findings or remedies were recorded for it. */
export async function removeTarget(
  db: Database,
  caller: Caller,
  planId: string,
  targetId: string,
  version: number,
) {
  const row = await getPlanRow(db, planId);
  assertAllowed(await planAccess(db, caller.principal, placeOf(row)), 'edit');
  await db.transaction(async (tx) => {
    await bumpPlan(tx, caller.actor, planId, version, 'draft');
    const [finding] = await tx
      .select({ id: inspectionFindings.id })
      .from(inspectionFindings)
      .where(eq(inspectionFindings.targetId, targetId))
      .limit(1);
    const [remedy] = await tx
      .select({ id: inspectionRemedies.id })
      .from(inspectionRemedies)
      .where(eq(inspectionRemedies.targetId, targetId))
      .limit(1);
    if (finding || remedy)
      throw new AppError(
        'CONFLICT',
        'Không bỏ được đơn vị này: đã có kết quả kiểm tra hoặc yêu cầu khắc phục được ghi cho đơn vị.',
      );
    const [gone] = await tx
      .delete(inspectionTargets)
      .where(and(eq(inspectionTargets.id, targetId), eq(inspectionTargets.planId, planId)))
      .returning();
    if (!gone) throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị được kiểm tra.');
    await recordAudit(tx, caller.actor, {
      action: 'inspection.target_remove',
      entityType: 'inspection_target',
      entityId: targetId,
      before: gone,
    });
  });
}
