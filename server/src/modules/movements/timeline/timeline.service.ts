import { asc, eq } from 'drizzle-orm';
import type { AssignmentItem, MilestoneItem } from '#contracts/movements.ts';
import { recordAudit } from '#server/platform/audit/audit.ts';
import { coversUnit } from '#server/platform/auth/policy.ts';
import type { Database } from '#server/platform/db/client.ts';
import { movementAssignments, movementMilestones, units } from '#server/platform/db/schema.ts';
import { atVersion, nextVersion, versionedRow } from '#server/platform/db/versioning.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { MANAGE_ROLES } from '../movements.policy.ts';
import { findUnit } from '../movements.repo.ts';
import { type Caller, getManagedMovement, getVisibleMovement } from '../movements.service.ts';

const isoToday = () => new Date().toISOString().slice(0, 10);
/** How a milestone and an assignment are named when an update finds them gone or changed by someone else. */
const MILESTONE = { subject: 'Mốc tiến độ này', notFound: 'Không tìm thấy mốc tiến độ.' };
const ASSIGNMENT = { subject: 'Nhiệm vụ này', notFound: 'Không tìm thấy nhiệm vụ.' };
type MilestoneRow = typeof movementMilestones.$inferSelect;

/** A milestone as the API shows it; overdue when not done and its date has passed. */
export const presentMilestone = (row: MilestoneRow, today = isoToday()): MilestoneItem => ({
  id: row.id,
  kind: row.kind as MilestoneItem['kind'],
  title: row.title,
  dueOn: row.dueOn,
  doneAt: row.doneAt ? row.doneAt.toISOString() : null,
  isOverdue: !row.doneAt && row.dueOn < today,
  version: row.version,
});

/** The next date an assignment is due: yearly ones come back every year on the same day. */
export function nextDueOn(dueOn: string | null, recurrence: string, today: string): string | null {
  if (!dueOn || recurrence !== 'yearly') return dueOn;
  const year = Number(today.slice(0, 4));
  const candidate = `${year}${dueOn.slice(4)}`;
  return candidate >= dueOn ? candidate : dueOn;
}

/** The movement's milestones in date order. */
export async function listMilestones(db: Database, caller: Caller, movementId: string, today = isoToday()) {
  await getVisibleMovement(db, caller, movementId);
  const rows = await db
    .select()
    .from(movementMilestones)
    .where(eq(movementMilestones.movementId, movementId))
    .orderBy(asc(movementMilestones.dueOn), asc(movementMilestones.id));
  return rows.map((row) => presentMilestone(row, today));
}

/** Adds a milestone (managers of the movement). */
export async function createMilestone(
  db: Database,
  caller: Caller,
  movementId: string,
  body: { kind: string; title: string; dueOn: string },
) {
  await getManagedMovement(db, caller, movementId);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(movementMilestones)
      .values({ movementId, ...body })
      .returning();
    if (!row) throw new Error('milestone not stored');
    await recordAudit(tx, caller.actor, {
      action: 'milestone.create',
      entityType: 'movement_milestone',
      entityId: row.id,
      after: row,
    });
    return presentMilestone(row);
  });
}

/** One milestone of a movement the caller sees, as the API shows it. */
export async function getMilestone(db: Database, caller: Caller, id: string) {
  const [row] = await db.select().from(movementMilestones).where(eq(movementMilestones.id, id));
  if (!row) throw new AppError('NOT_FOUND', MILESTONE.notFound);
  await getVisibleMovement(db, caller, row.movementId);
  return presentMilestone(row);
}

/** Changes a milestone or marks it done / not done, at the version the screen loaded (else 409). */
export async function updateMilestone(
  db: Database,
  caller: Caller,
  id: string,
  body: {
    title?: string | undefined;
    dueOn?: string | undefined;
    done?: boolean | undefined;
    version: number;
  },
) {
  const [before] = await db.select().from(movementMilestones).where(eq(movementMilestones.id, id));
  if (!before) throw new AppError('NOT_FOUND', MILESTONE.notFound);
  await getManagedMovement(db, caller, before.movementId);
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(movementMilestones)
      .set({
        ...(body.title ? { title: body.title } : {}),
        ...(body.dueOn ? { dueOn: body.dueOn } : {}),
        ...(body.done === undefined ? {} : { doneAt: body.done ? (before.doneAt ?? new Date()) : null }),
        ...nextVersion(movementMilestones, caller.actor),
      })
      .where(atVersion(movementMilestones, id, body.version))
      .returning();
    const after = await versionedRow(tx, updated, movementMilestones, id, MILESTONE);
    await recordAudit(tx, caller.actor, {
      action: 'milestone.update',
      entityType: 'movement_milestone',
      entityId: id,
      before,
      after,
    });
    return presentMilestone(after);
  });
}

const assignmentColumns = { assignment: movementAssignments, unitName: units.name, unitPath: units.path };
type AssignmentRow = {
  assignment: typeof movementAssignments.$inferSelect;
  unitName: string;
  unitPath: string;
};

/** An assignment as the API shows it, overdue against its next due date. */
export function presentAssignment(row: AssignmentRow, today = isoToday()): AssignmentItem {
  const { assignment } = row;
  const due = nextDueOn(assignment.dueOn, assignment.recurrence, today);
  return {
    id: assignment.id,
    assignee: { id: assignment.assigneeUnitId, name: row.unitName },
    task: assignment.task,
    dueOn: due,
    recurrence: assignment.recurrence as 'once',
    status: assignment.status as 'open',
    doneAt: assignment.doneAt ? assignment.doneAt.toISOString() : null,
    isOverdue: assignment.status !== 'done' && !!due && due < today,
    version: assignment.version,
  };
}

/** The movement's assignments with the status of each assignee. */
export async function listAssignments(db: Database, caller: Caller, movementId: string, today = isoToday()) {
  await getVisibleMovement(db, caller, movementId);
  const rows = await db
    .select(assignmentColumns)
    .from(movementAssignments)
    .innerJoin(units, eq(units.id, movementAssignments.assigneeUnitId))
    .where(eq(movementAssignments.movementId, movementId))
    .orderBy(asc(units.sortKey), asc(movementAssignments.id));
  return rows.map((row) => presentAssignment(row, today));
}

/** Assigns a task to a unit of the movement's subtree (managers of the movement). */
export async function createAssignment(
  db: Database,
  caller: Caller,
  movementId: string,
  body: { assigneeUnitId: string; task: string; dueOn?: string | null | undefined; recurrence: string },
) {
  const movement = await getManagedMovement(db, caller, movementId);
  const unit = await findUnit(db, body.assigneeUnitId);
  if (!unit) throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị được giao.');
  if (!unit.path.startsWith(movement.unitPath))
    throw new AppError('OUT_OF_SCOPE', 'Đơn vị được giao không thuộc phạm vi phong trào.');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(movementAssignments)
      .values({
        movementId,
        assigneeUnitId: unit.id,
        task: body.task,
        dueOn: body.dueOn ?? null,
        recurrence: body.recurrence,
      })
      .returning();
    if (!row) throw new Error('assignment not stored');
    await recordAudit(tx, caller.actor, {
      action: 'assignment.create',
      entityType: 'movement_assignment',
      entityId: row.id,
      after: row,
    });
    return presentAssignment({ assignment: row, unitName: unit.name, unitPath: unit.path });
  });
}

/** One assignment with its assignee, or 404, and the movement, checked that the caller sees it. */
async function findVisibleAssignment(db: Database, caller: Caller, id: string) {
  const [row] = await db
    .select(assignmentColumns)
    .from(movementAssignments)
    .innerJoin(units, eq(units.id, movementAssignments.assigneeUnitId))
    .where(eq(movementAssignments.id, id));
  if (!row) throw new AppError('NOT_FOUND', ASSIGNMENT.notFound);
  return { row, movement: await getVisibleMovement(db, caller, row.assignment.movementId) };
}

/** One assignment of a movement the caller sees, as the API shows it. */
export async function getAssignment(db: Database, caller: Caller, id: string) {
  return presentAssignment((await findVisibleAssignment(db, caller, id)).row);
}

/**
 * The assignee's officers (or the movement's managers) report an assignment done or reopen it, at
 * the version the screen loaded (else 409).
 */
export async function updateAssignmentStatus(
  db: Database,
  caller: Caller,
  id: string,
  { status, version }: { status: 'open' | 'done'; version: number },
) {
  const { row, movement } = await findVisibleAssignment(db, caller, id);
  if (
    !coversUnit(caller.principal, MANAGE_ROLES, row.unitPath) &&
    !coversUnit(caller.principal, MANAGE_ROLES, movement.unitPath)
  ) {
    throw new AppError('OUT_OF_SCOPE');
  }
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(movementAssignments)
      .set({
        status,
        doneAt: status === 'done' ? new Date() : null,
        ...nextVersion(movementAssignments, caller.actor),
      })
      .where(atVersion(movementAssignments, id, version))
      .returning();
    const after = await versionedRow(tx, updated, movementAssignments, id, ASSIGNMENT);
    await recordAudit(tx, caller.actor, {
      action: 'assignment.status',
      entityType: 'movement_assignment',
      entityId: id,
      before: { status: row.assignment.status },
      after: { status },
    });
    return presentAssignment({ ...row, assignment: after });
  });
}
