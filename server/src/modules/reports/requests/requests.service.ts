import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { CreateRequestBody, RequestCounts } from '#contracts/reports.ts';
import { recordAudit } from '#server/platform/audit/audit.ts';
import { coversUnit, grantedUnitIds, scopePaths } from '#server/platform/auth/policy.ts';
import type { Database, Executor } from '#server/platform/db/client.ts';
import { reportRequests, reports, units } from '#server/platform/db/schema.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { FILL_ROLES, READ_ROLES, REQUEST_ROLES } from '../reports.policy.ts';
import {
  type Caller,
  findReportOf,
  findRequest,
  findUnit,
  listRequests,
  type RequestWithUnit,
  readCounts,
} from '../reports.repo.ts';
import { getTemplate } from '../templates/templates.service.ts';
import { countTargets, enqueueSendJob, sendBatch, sendSettings, targetsWhere } from './request-send.ts';

const NOT_FOUND = 'Không tìm thấy yêu cầu báo cáo.';
/** Today in Việt Nam (UTC+7), as the deadline compares. */
export const todayInVietnam = (now = new Date()) =>
  new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);

const invalid = (path: string, message: string) =>
  new AppError('VALIDATION_FAILED', message, [{ path, message }]);

/**
 * Sends a request to the units below: one report row per unit asked, in one statement, audited with
 * the request; a request to more than `sendSettings.inlineLimit` units queues `reports.send_request`
 * instead, which creates the reports in batches (a national request). A cascaded request (parentRequestId) comes from a unit asked by the parent, keeps its
 * movement, kind and template, and must fall due before the parent's deadline.
 */
export async function createRequest(db: Database, caller: Caller, body: CreateRequestBody) {
  const unit = await findUnit(db, body.unitId);
  if (!unit) throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị.');
  if (!coversUnit(caller.principal, REQUEST_ROLES, unit.path)) throw new AppError('OUT_OF_SCOPE');
  let values: Omit<typeof reportRequests.$inferInsert, 'unitId' | 'targets' | 'createdBy'>;
  if (body.parentRequestId) {
    const parent = await findRequest(db, body.parentRequestId);
    if (!parent) throw new AppError('NOT_FOUND', NOT_FOUND);
    if (!(await findReportOf(db, parent.request.id, unit.id)))
      throw new AppError(
        'CONFLICT',
        'Đơn vị này không được cấp trên yêu cầu báo cáo nên không chuyển tiếp được.',
      );
    if (body.dueOn >= parent.request.dueOn)
      throw invalid('dueOn', 'Hạn báo cáo của cấp dưới phải trước hạn cấp trên giao.');
    const { request } = parent;
    values = {
      parentRequestId: request.id,
      movementId: request.movementId,
      kind: request.kind,
      title: body.title,
      periodFrom: request.periodFrom,
      periodTo: request.periodTo,
      dueOn: body.dueOn,
      templateId: request.templateId,
      sections: request.sections,
      indicators: request.indicators,
    };
  } else {
    const { template } = await getTemplate(db, caller, body.templateId as string);
    values = {
      parentRequestId: null,
      movementId: body.movementId ?? null,
      kind: body.kind,
      title: body.title,
      periodFrom: body.periodFrom,
      periodTo: body.periodTo,
      dueOn: body.dueOn,
      templateId: template.id,
      sections: template.sections,
      indicators: template.indicators,
    };
  }
  // Units that exist when the report falls due (or today, if sooner): a request for a past period
  // asks the units of that time, a new one none that has ended.
  const [validOn] = [values.dueOn, todayInVietnam()].sort() as [string];
  const where = targetsWhere(unit, body.targets, validOn);
  const targetCount = await countTargets(db, where);
  if (targetCount === 0) throw invalid('targets', 'Không có đơn vị nào thuộc diện được yêu cầu báo cáo.');
  const inline = targetCount <= sendSettings.inlineLimit;
  return db.transaction(async (tx) => {
    const [stored] = await tx
      .insert(reportRequests)
      .values({
        ...values,
        unitId: unit.id,
        targets: body.targets,
        targetCount,
        createdBy: caller.actor.userId,
      })
      .returning();
    if (!stored) throw new Error('request not stored');
    let request = stored;
    let reportCount: number | null = null;
    if (inline) {
      reportCount = (await sendBatch(tx, request, where, null, targetCount)).seen;
    } else {
      // A national request: its reports are created by a job, in batches, with progress.
      const job = await enqueueSendJob(tx, request.id, caller.actor);
      [request = stored] = await tx
        .update(reportRequests)
        .set({ sendJobId: job.id })
        .where(eq(reportRequests.id, stored.id))
        .returning();
    }
    await recordAudit(tx, caller.actor, {
      action: 'report_request.create',
      entityType: 'report_request',
      entityId: request.id,
      after: { ...request, reportCount },
    });
    return request;
  });
}

/** True when one of the user's units must answer the request. */
async function isAsked(executor: Executor, caller: Caller, requestId: string) {
  const mine = grantedUnitIds(caller.principal, FILL_ROLES);
  if (!mine.length) return null;
  const [row] = await executor
    .select({ id: reports.id })
    .from(reports)
    .where(and(eq(reports.requestId, requestId), inArray(reports.unitId, mine)))
    .limit(1);
  return row?.id ?? null;
}

/** The request, checked that the caller sees it (its unit in scope, or one of theirs asked), with their own report. */
export async function getRequestFor(db: Database, caller: Caller, id: string) {
  const row = await findRequest(db, id);
  if (!row) throw new AppError('NOT_FOUND', NOT_FOUND);
  const myReportId = await isAsked(db, caller, id);
  if (!myReportId && !coversUnit(caller.principal, READ_ROLES, row.unitPath))
    throw new AppError('NOT_FOUND', NOT_FOUND);
  return { row, myReportId };
}

/** The dashboard figures of a request from report_counts; missing = not submitted past the deadline. */
export async function requestCounts(
  executor: Executor,
  request: RequestWithUnit['request'],
): Promise<RequestCounts> {
  const counts = await readCounts(executor, request.id);
  const submitted = counts.onTime + counts.late;
  const isOverdue = todayInVietnam() > request.dueOn;
  return {
    total: submitted + counts.pending,
    submitted,
    onTime: counts.onTime,
    late: counts.late,
    notSubmitted: counts.pending,
    missing: isOverdue ? counts.pending : 0,
  };
}

/** The requests made in the caller's scope, or (role=asked) those the caller's units must answer. */
export async function searchRequests(
  db: Database,
  caller: Caller,
  query: Parameters<typeof listRequests>[2] & { role?: 'made' | 'asked' },
) {
  let where: ReturnType<typeof sql> | undefined;
  if (query.role === 'asked') {
    const mine = grantedUnitIds(caller.principal, FILL_ROLES);
    where = mine.length
      ? sql`exists (select 1 from reports r where r.request_id = ${reportRequests.id} and r.unit_id in (${sql.join(
          mine.map((id) => sql`${id}::uuid`),
          sql`, `,
        )}))`
      : sql`false`;
  } else {
    const paths = scopePaths(caller.principal, READ_ROLES);
    where =
      paths === null
        ? undefined
        : paths.length
          ? (or(...paths.map((path) => sql`${units.path} like ${`${path}%`}`)) as ReturnType<typeof sql>)
          : sql`false`;
  }
  return listRequests(db, where, query);
}
