import { and, count, eq } from 'drizzle-orm';
import { EVIDENCE_PER_CRITERION_MAX } from '#contracts/bloc-scoring.ts';
import { assertDossierFile, dossierFileName } from '#server/modules/nominations/index.ts';
import { recordAudit } from '#server/platform/audit/audit.ts';
import type { Database, Executor } from '#server/platform/db/client.ts';
import { scoringEntries, scoringEvidence } from '#server/platform/db/schema.ts';
import type { FileStore } from '#server/platform/files/file-store.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import type { Caller } from '../bloc-scoring.policy.ts';
import { lockSheetAt } from './entry-write.ts';
import { sheetFor } from './sheet-access.ts';

/**
 * Attaches an evidence file (PDF, DOCX, XLSX or picture) to an entry of the caller's own sheet while
 * it self-assesses or explains, at the sheet's version, through the file store. In one transaction
 * with the sheet row locked: the state check, the entry (its figures must be entered first) and the
 * cap of EVIDENCE_PER_CRITERION_MAX files, so an upload racing a submit cannot land on a sent sheet.
 */
export async function attachEntryEvidence(
  db: Database,
  files: FileStore,
  caller: Caller,
  target: { sheetId: string; criterionId: string; version: number },
  upload: { fileName: string; buffer: Buffer },
) {
  const { sheetId, criterionId } = target;
  const step = async (executor: Executor) => {
    const first = await sheetFor(executor, caller, sheetId, 'read');
    await sheetFor(executor, caller, sheetId, first.sheet.status === 'reviewed' ? 'explain' : 'self_assess');
  };
  await step(db);
  const type = await assertDossierFile(upload.buffer);
  return db.transaction(async (tx) => {
    await lockSheetAt(tx, sheetId, target.version);
    await step(tx);
    const [entry] = await tx
      .select({ id: scoringEntries.id })
      .from(scoringEntries)
      .where(and(eq(scoringEntries.sheetId, sheetId), eq(scoringEntries.criterionId, criterionId)));
    if (!entry) throw new AppError('CONFLICT', 'Nhập số liệu của tiêu chí trước khi đính kèm minh chứng.');
    const [held] = await tx
      .select({ n: count() })
      .from(scoringEvidence)
      .where(eq(scoringEvidence.entryId, entry.id));
    if ((held?.n ?? 0) >= EVIDENCE_PER_CRITERION_MAX)
      throw new AppError(
        'CONFLICT',
        `Tiêu chí đã có ${EVIDENCE_PER_CRITERION_MAX} tệp minh chứng, không đính kèm thêm được nữa.`,
      );
    const fileName = dossierFileName(upload.fileName, 'minh-chung-cham-diem', type);
    const fileId = await files.save(tx, {
      fileName,
      contentType: type.contentType,
      data: upload.buffer,
      createdBy: caller.actor.userId,
    });
    const [row] = await tx
      .insert(scoringEvidence)
      .values({ entryId: entry.id, fileId, fileName, createdBy: caller.actor.userId })
      .returning();
    await recordAudit(tx, caller.actor, {
      action: 'scoring_entry.evidence',
      entityType: 'scoring_sheet',
      entityId: sheetId,
      after: { criterionId, evidenceId: row?.id, fileName },
    });
    return row;
  });
}

/** An evidence file of a sheet the caller may read. */
export async function loadEntryEvidence(db: Database, files: FileStore, caller: Caller, id: string) {
  const [row] = await db
    .select({ evidence: scoringEvidence, sheetId: scoringEntries.sheetId })
    .from(scoringEvidence)
    .innerJoin(scoringEntries, eq(scoringEntries.id, scoringEvidence.entryId))
    .where(eq(scoringEvidence.id, id));
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy tệp minh chứng.');
  await sheetFor(db, caller, row.sheetId, 'read');
  const file = await files.load(db, row.evidence.fileId);
  if (!file) throw new AppError('NOT_FOUND', 'Không tìm thấy tệp minh chứng.');
  return { buffer: file.data, contentType: file.contentType, fileName: file.fileName };
}
