import { eq, sql } from 'drizzle-orm';
import type { InspectionStatus } from '#contracts/inspections.ts';
import type { ActorContext } from '#server/platform/audit/audit.ts';
import type { Executor } from '#server/platform/db/client.ts';
import { councils, inspectionPlans, inspectionTargets, units } from '#server/platform/db/schema.ts';
import { atVersion, nextVersion, versionedRow } from '#server/platform/db/versioning.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import type { PlanPlace } from './inspections.policy.ts';

/** How a plan and a target are named when gone or changed by someone else. */
export const PLAN = { subject: 'Kế hoạch kiểm tra này', notFound: 'Không tìm thấy kế hoạch kiểm tra.' };
export const TARGET = {
  subject: 'Kết quả kiểm tra đơn vị này',
  notFound: 'Không tìm thấy đơn vị được kiểm tra.',
};
export const REMEDY = { subject: 'Yêu cầu khắc phục này', notFound: 'Không tìm thấy yêu cầu khắc phục.' };

const standingPath = sql<string | null>`(select s.path from units s where s.id = ${councils.standingUnitId})`;

/** A plan with its council, the council's unit and standing body, or 404. */
export async function getPlanRow(db: Executor, id: string) {
  const [row] = await db
    .select({
      plan: inspectionPlans,
      councilName: councils.name,
      unitName: units.name,
      unitPath: units.path,
      standingPath,
    })
    .from(inspectionPlans)
    .innerJoin(councils, eq(councils.id, inspectionPlans.councilId))
    .innerJoin(units, eq(units.id, councils.unitId))
    .where(eq(inspectionPlans.id, id));
  if (!row) throw new AppError('NOT_FOUND', PLAN.notFound);
  return row;
}
export type PlanRow = Awaited<ReturnType<typeof getPlanRow>>;

/** What the policy needs of a plan. */
export const placeOf = (row: PlanRow): PlanPlace => ({
  planId: row.plan.id,
  councilId: row.plan.councilId,
  year: row.plan.year,
  status: row.plan.status as InspectionStatus,
  unitPath: row.unitPath,
  standingPath: row.standingPath,
});

/** A target with its unit and its plan's row, or 404. */
export async function getTargetRow(db: Executor, id: string) {
  const [target] = await db
    .select({ target: inspectionTargets, unitName: units.name, unitPath: units.path })
    .from(inspectionTargets)
    .innerJoin(units, eq(units.id, inspectionTargets.unitId))
    .where(eq(inspectionTargets.id, id));
  if (!target) throw new AppError('NOT_FOUND', TARGET.notFound);
  return { ...target, planRow: await getPlanRow(db, target.target.planId) };
}
export type TargetRow = Awaited<ReturnType<typeof getTargetRow>>;

/**
 * Raises the plan's version at the version loaded while it is in `status` (else 404/409): every
 * change of its team and targets goes through here, so two officers never overwrite each other.
 */
export async function bumpPlan(
  tx: Executor,
  actor: ActorContext,
  id: string,
  version: number,
  status: InspectionStatus,
  fields: Partial<typeof inspectionPlans.$inferInsert> = {},
) {
  const rows = await tx
    .update(inspectionPlans)
    .set({ ...fields, ...nextVersion(inspectionPlans, actor) })
    .where(sql`${atVersion(inspectionPlans, id, version)} and ${inspectionPlans.status} = ${status}`)
    .returning();
  return versionedRow(tx, rows, inspectionPlans, id, PLAN);
}

/** Raises the target's version at the version loaded (else 404/409). */
export async function bumpTarget(
  tx: Executor,
  actor: ActorContext,
  id: string,
  version: number,
  fields: Partial<typeof inspectionTargets.$inferInsert> = {},
) {
  const rows = await tx
    .update(inspectionTargets)
    .set({ ...fields, ...nextVersion(inspectionTargets, actor) })
    .where(atVersion(inspectionTargets, id, version))
    .returning();
  return versionedRow(tx, rows, inspectionTargets, id, TARGET);
}
