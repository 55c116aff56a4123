import { asc, count, eq, sql } from 'drizzle-orm';
import {
  type FindingBody,
  type Rating,
  REMEDIES_MAX,
  type RemedyCreateBody,
  type RemedyStatus,
  type TargetUpdateBody,
  type TargetView,
} from '#contracts/inspections.ts';
import { recordAudit } from '#server/platform/audit/audit.ts';
import type { Database, Executor } from '#server/platform/db/client.ts';
import { inspectionFindings, inspectionRemedies, storedFiles } from '#server/platform/db/schema.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { assessmentErrors, isRemedyOverdue } from '../inspection-rules.ts';
import { assertAllowed, type Caller, targetAccess } from '../inspections.policy.ts';
import { bumpTarget, getTargetRow, placeOf, type TargetRow } from '../inspections.repo.ts';
import { assertDayWithin } from '../plans/plan-dates.ts';

/** The target and the caller's access to it, checked for the action. */
export async function targetFor(
  db: Executor,
  caller: Caller,
  id: string,
  action: Parameters<typeof assertAllowed>[1],
) {
  const row = await getTargetRow(db, id);
  const access = await targetAccess(db, caller.principal, placeOf(row.planRow), row.unitPath);
  assertAllowed(access, action);
  return { row, access };
}

/** Findings and remedies of a target, remedies by deadline. */
export async function readTargetDetail(db: Executor, targetId: string) {
  const [findings, remedies] = await Promise.all([
    db.select().from(inspectionFindings).where(eq(inspectionFindings.targetId, targetId)),
    db
      .select({ remedy: inspectionRemedies, fileName: storedFiles.fileName })
      .from(inspectionRemedies)
      .leftJoin(storedFiles, eq(storedFiles.id, inspectionRemedies.evidenceFileId))
      .where(eq(inspectionRemedies.targetId, targetId))
      .orderBy(asc(inspectionRemedies.dueOn), asc(inspectionRemedies.id)),
  ]);
  return { findings, remedies };
}

/** One target the caller may read: the plan's items, findings, remedies with follow-up, and actions. */
export async function getTarget(db: Database, caller: Caller, id: string): Promise<TargetView> {
  const { row, access } = await targetFor(db, caller, id, 'read');
  return presentTarget(row, await readTargetDetail(db, id), access.actions);
}

export function presentTarget(
  row: TargetRow,
  detail: Awaited<ReturnType<typeof readTargetDetail>>,
  actions: TargetView['actions'],
): TargetView {
  const today = new Date().toISOString().slice(0, 10);
  const { plan } = row.planRow;
  return {
    id: row.target.id,
    planId: plan.id,
    planTitle: plan.title,
    planYear: plan.year,
    planStatus: plan.status as TargetView['planStatus'],
    councilName: row.planRow.councilName,
    unitId: row.target.unitId,
    unitName: row.unitName,
    inspectOn: row.target.inspectOn,
    conclusion: row.target.conclusion,
    recommendations: row.target.recommendations,
    notice:
      row.target.noticeNumber && row.target.noticeDate
        ? { number: row.target.noticeNumber, date: row.target.noticeDate }
        : null,
    items: plan.items,
    findings: detail.findings.map((finding) => ({
      itemId: finding.itemId,
      text: finding.text,
      score: finding.score,
      rating: finding.rating as Rating | null,
    })),
    remedies: detail.remedies.map(({ remedy, fileName }) => ({
      id: remedy.id,
      text: remedy.text,
      dueOn: remedy.dueOn,
      status: remedy.status as RemedyStatus,
      note: remedy.note,
      reportedAt: remedy.reportedAt?.toISOString() ?? null,
      isOverdue: isRemedyOverdue({ status: remedy.status, dueOn: remedy.dueOn }, today),
      evidence: remedy.evidenceFileId ? { fileId: remedy.evidenceFileId, fileName: fileName ?? '' } : null,
      version: remedy.version,
    })),
    version: row.target.version,
    actions,
  };
}

/** Changes a target's day, conclusion or recommendations: before approval as an edit of the plan, after as a record. */
export async function updateTarget(db: Database, caller: Caller, id: string, body: TargetUpdateBody) {
  const row = await getTargetRow(db, id);
  const access = await targetAccess(db, caller.principal, placeOf(row.planRow), row.unitPath);
  const { plan } = row.planRow;
  assertAllowed(access, plan.status === 'draft' ? 'edit' : 'record');
  const { version, ...fields } = body;
  if (fields.inspectOn) assertDayWithin(plan, fields.inspectOn);
  if (row.target.noticeNumber)
    throw new AppError(
      'CONFLICT',
      `Thông báo kết luận số ${row.target.noticeNumber} đã ban hành; không sửa ngày kiểm tra, kết luận, kiến nghị được nữa.`,
    );
  await db.transaction(async (tx) => {
    const after = await bumpTarget(tx, caller.actor, id, version, fields);
    await recordAudit(tx, caller.actor, {
      action: 'inspection.target_update',
      entityType: 'inspection_target',
      entityId: id,
      before: row.target,
      after,
    });
  });
}

/** Records (or rewrites) the finding of one content item at the target, its score or rating checked against the item. */
export async function recordFinding(
  db: Database,
  caller: Caller,
  id: string,
  itemId: string,
  body: FindingBody,
) {
  const { row } = await targetFor(db, caller, id, 'record');
  const item = row.planRow.plan.items.find((candidate) => candidate.id === itemId);
  if (!item) throw new AppError('NOT_FOUND', 'Không tìm thấy nội dung kiểm tra trong kế hoạch.');
  const errors = assessmentErrors(item, body);
  if (errors.length)
    throw new AppError('VALIDATION_FAILED', errors.map((error) => error.message).join('; '), errors);
  await db.transaction(async (tx) => {
    await bumpTarget(tx, caller.actor, id, body.version);
    const values = { text: body.text, score: body.score, rating: body.rating };
    const [finding] = await tx
      .insert(inspectionFindings)
      .values({ targetId: id, itemId, ...values })
      .onConflictDoUpdate({
        target: [inspectionFindings.targetId, inspectionFindings.itemId],
        set: { ...values, updatedAt: sql`now()` },
      })
      .returning();
    await recordAudit(tx, caller.actor, {
      action: 'inspection.finding',
      entityType: 'inspection_target',
      entityId: id,
      after: finding,
    });
  });
}

/** Requires a remedy of the inspected unit by a deadline on or after the inspection day; at most `REMEDIES_MAX`. */
export async function addRemedy(db: Database, caller: Caller, id: string, body: RemedyCreateBody) {
  const { row } = await targetFor(db, caller, id, 'record');
  if (body.dueOn < row.target.inspectOn)
    throw new AppError('VALIDATION_FAILED', 'Hạn khắc phục không được trước ngày kiểm tra.', [
      { path: 'dueOn', message: 'Trước ngày kiểm tra' },
    ]);
  await db.transaction(async (tx) => {
    await bumpTarget(tx, caller.actor, id, body.version);
    const [asked] = await tx
      .select({ n: count() })
      .from(inspectionRemedies)
      .where(eq(inspectionRemedies.targetId, id));
    if ((asked?.n ?? 0) >= REMEDIES_MAX)
      throw new AppError('CONFLICT', `Đơn vị đã có ${REMEDIES_MAX} yêu cầu khắc phục, không thêm được nữa.`);
    const [remedy] = await tx
      .insert(inspectionRemedies)
      .values({ targetId: id, text: body.text, dueOn: body.dueOn, updatedBy: caller.actor.userId })
      .returning();
    if (!remedy) throw new Error('remedy not created');
    await recordAudit(tx, caller.actor, {
      action: 'inspection.remedy_add',
      entityType: 'inspection_remedy',
      entityId: remedy.id,
      after: remedy,
    });
  });
}
