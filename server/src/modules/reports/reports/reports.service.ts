import { and, count, eq } from 'drizzle-orm';
import type { AuditAction } from '#contracts/audit.ts';
import { REPORT_FILES_MAX, type ReportStatus, type SaveReportBody } from '#contracts/reports.ts';
import { parseDocumentBuffer } from '#server/modules/documents/index.ts';
import { recordAudit } from '#server/platform/audit/audit.ts';
import type { Database } from '#server/platform/db/client.ts';
import { reportFiles, reports } from '#server/platform/db/schema.ts';
import { atVersion, nextVersion, staleVersionError, versionedRow } from '#server/platform/db/versioning.ts';
import type { FileStore } from '#server/platform/files/file-store.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import {
  canReadReport,
  isFiller,
  isHead,
  isRequester,
  type ReportFacts,
  supervisesReport,
} from '../reports.policy.ts';
import { type Caller, findReport, type ReportRow, type ReportWithNames } from '../reports.repo.ts';
import { todayInVietnam } from '../requests/requests.service.ts';
import { textsFromDocument } from './report-import.ts';
import { nextReportStatus, type ReportMove } from './report-workflow.ts';

export const REPORT = { subject: 'Báo cáo này', notFound: 'Không tìm thấy báo cáo.' };
const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** The facts of a report the policy reads. */
export const factsOf = (row: ReportWithNames): ReportFacts => ({
  status: row.report.status as ReportStatus,
  unitId: row.report.unitId,
  unitPath: row.unitPath,
  requestUnitPath: row.requestUnitPath,
});

/** True when the caller may read the report: in scope (policy), or supervising a bloc its unit is in. */
export const mayReadReport = async (db: Database, caller: Caller, row: ReportWithNames) =>
  canReadReport(caller.principal, factsOf(row)) ||
  supervisesReport(db, caller.principal, {
    unitId: row.report.unitId,
    periodFrom: row.request.periodFrom,
    periodTo: row.request.periodTo,
  });

/** The report, checked that the caller may read it (else 404, so nothing leaks). */
export async function getReportFor(db: Database, caller: Caller, id: string) {
  const row = await findReport(db, id);
  if (!row || !(await mayReadReport(db, caller, row))) throw new AppError('NOT_FOUND', REPORT.notFound);
  return row;
}

/**
 * An attached file of a report, for a user who may read the report (403 otherwise; 404 when there
 * is no such report or file).
 */
export async function reportAttachment(
  db: Database,
  files: FileStore,
  caller: Caller,
  id: string,
  fileId: string,
) {
  const row = await findReport(db, id);
  if (!row) throw new AppError('NOT_FOUND', REPORT.notFound);
  if (!(await mayReadReport(db, caller, row))) throw new AppError('FORBIDDEN');
  const [attached] = await db
    .select()
    .from(reportFiles)
    .where(and(eq(reportFiles.id, fileId), eq(reportFiles.reportId, id)));
  const file = attached ? await files.load(db, attached.fileId) : null;
  if (!attached || !file) throw new AppError('NOT_FOUND', 'Không tìm thấy tệp đính kèm.');
  return { fileName: attached.fileName, data: file.data };
}

/** Who may make the move: the unit's officers and head fill and submit, its head approves, the requester reviews. */
function assertMayMove(caller: Caller, row: ReportWithNames, move: ReportMove) {
  const facts = factsOf(row);
  const allowed =
    move === 'approve'
      ? isHead(caller.principal, facts)
      : move === 'return' || move === 'accept'
        ? isRequester(caller.principal, facts)
        : isFiller(caller.principal, facts);
  if (!allowed) throw new AppError('FORBIDDEN');
}

/** Only the indicator codes and section keys of the request are kept. */
function keepKnown(row: ReportWithNames, body: Pick<SaveReportBody, 'texts' | 'figures'>) {
  const sectionKeys = new Set(row.request.sections.map((section) => section.key));
  const codes = new Set(row.request.indicators.map((indicator) => indicator.code));
  for (const key of Object.keys(body.texts))
    if (!sectionKeys.has(key))
      throw new AppError('VALIDATION_FAILED', `Mục "${key}" không có trong mẫu báo cáo.`);
  for (const code of Object.keys(body.figures))
    if (!codes.has(code))
      throw new AppError('VALIDATION_FAILED', `Chỉ tiêu "${code}" không có trong mẫu báo cáo.`);
}

/**
 * Moves a report under its row lock: a second click on submit finds it submitted (409, no second
 * audit event). `changes` are written with the move; `expectedVersion` (the editor's) makes a stale
 * save a 409 VERSION_CONFLICT.
 */
export async function moveReport(
  db: Database,
  caller: Caller,
  id: string,
  move: ReportMove,
  input: {
    expectedVersion?: number;
    changes?: Partial<typeof reports.$inferInsert>;
    reason?: string;
    audit?: Record<string, unknown>;
    inTransaction?: (tx: Database, report: ReportRow) => Promise<void>;
  } = {},
) {
  const row = await getReportFor(db, caller, id);
  assertMayMove(caller, row, move);
  return db.transaction(async (tx) => {
    const [locked] = await tx.select().from(reports).where(eq(reports.id, id)).for('update');
    if (!locked) throw new AppError('NOT_FOUND', REPORT.notFound);
    const expected = input.expectedVersion ?? locked.version;
    if (locked.version !== expected) throw await staleVersionError(tx, reports, id, REPORT);
    const status = nextReportStatus(locked.status as ReportStatus, move);
    const now = new Date();
    const changes: Partial<typeof reports.$inferInsert> = { ...input.changes, status };
    if (move === 'approve') Object.assign(changes, { approvedAt: now, approvedBy: caller.actor.userId });
    if (move === 'submit')
      Object.assign(changes, {
        submittedAt: now,
        firstSubmittedOn: locked.firstSubmittedOn ?? todayInVietnam(now),
        returnReason: null,
      });
    if (move === 'return') changes.returnReason = input.reason ?? null;
    const updated = await tx
      .update(reports)
      .set({ ...changes, ...nextVersion(reports, caller.actor) })
      .where(atVersion(reports, id, expected))
      .returning();
    const after = await versionedRow(tx, updated, reports, id, REPORT);
    await input.inTransaction?.(tx as unknown as Database, after);
    await recordAudit(tx, caller.actor, {
      action: `report.${move}` as AuditAction,
      entityType: 'report',
      entityId: id,
      before: { status: locked.status },
      after: { status, ...input.audit },
      reason: input.reason ?? null,
    });
    return after;
  });
}

/** Saves the editor's content (autosave) at the version it loaded. */
export async function saveReport(db: Database, caller: Caller, id: string, body: SaveReportBody) {
  const row = await getReportFor(db, caller, id);
  keepKnown(row, body);
  const changes: Partial<typeof reports.$inferInsert> = { texts: body.texts, figures: body.figures };
  if (body.documentNumber !== undefined) changes.documentNumber = body.documentNumber;
  if (body.documentDate !== undefined) changes.documentDate = body.documentDate;
  if (body.signerName !== undefined) changes.signerName = body.signerName;
  return moveReport(db, caller, id, 'save', {
    expectedVersion: body.version,
    changes,
    audit: { texts: Object.keys(body.texts), figures: body.figures },
  });
}

/**
 * Reads an uploaded báo cáo (.docx, .txt, .md) into the sections through the document parser, at the
 * version the page shows (the sections it keeps were read before the lock: a stale one is 409).
 */
export async function importReport(
  db: Database,
  caller: Caller,
  id: string,
  file: { fileName: string; buffer: Buffer },
  version: number,
) {
  const row = await getReportFor(db, caller, id);
  assertMayMove(caller, row, 'import');
  const document = await parseDocumentBuffer(file.buffer, file.fileName);
  const texts = textsFromDocument(document.sections, row.request.sections);
  return moveReport(db, caller, id, 'import', {
    expectedVersion: version,
    changes: { texts: { ...row.report.texts, ...texts } },
    audit: { fileName: file.fileName, sections: Object.keys(texts) },
  });
}

/**
 * Attaches a file to a report the unit still edits, at the version the page shows, through the file
 * store; at most `REPORT_FILES_MAX` (counted under the report's row lock).
 */
export async function attachFile(
  db: Database,
  files: FileStore,
  caller: Caller,
  id: string,
  file: { fileName: string; buffer: Buffer },
  version: number,
) {
  if (file.buffer.length === 0) throw new AppError('VALIDATION_FAILED', 'Tệp rỗng.');
  if (file.buffer.length > MAX_FILE_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', 'Tệp lớn hơn 20 MB.');
  const fileName = (file.fileName || 'tep-dinh-kem').slice(0, 200);
  return moveReport(db, caller, id, 'save', {
    expectedVersion: version,
    audit: { attached: fileName },
    inTransaction: async (tx, report) => {
      const [held] = await tx.select({ n: count() }).from(reportFiles).where(eq(reportFiles.reportId, id));
      if ((held?.n ?? 0) >= REPORT_FILES_MAX)
        throw new AppError(
          'CONFLICT',
          `Báo cáo đã có ${REPORT_FILES_MAX} tệp đính kèm, không thêm được nữa.`,
        );
      const fileId = await files.save(tx, {
        fileName,
        contentType: 'application/octet-stream',
        data: file.buffer,
        createdBy: caller.actor.userId,
      });
      await tx
        .insert(reportFiles)
        .values({ reportId: report.id, fileId, fileName, createdBy: caller.actor.userId });
      await recordAudit(tx, caller.actor, {
        action: 'report.attach',
        entityType: 'report',
        entityId: report.id,
        after: { fileName, fileId },
      });
    },
  });
}
