import { and, eq } from 'drizzle-orm';
import { assertDossierFile, dossierFileName } from '#server/modules/nominations/index.ts';
import { recordAudit } from '#server/platform/audit/audit.ts';
import type { Database } from '#server/platform/db/client.ts';
import { scoringEntries, scoringEvidence } from '#server/platform/db/schema.ts';
import type { FileStore } from '#server/platform/files/file-store.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import type { Caller } from '../bloc-scoring.policy.ts';
import { sheetFor } from './sheet-access.ts';

/**
 * Attaches an evidence file (PDF, DOCX, XLSX or picture) to an entry of the caller's own sheet while
 * it self-assesses or explains, through the file store. The figures must be entered first.
 */
export async function attachEntryEvidence(
  db: Database,
  files: FileStore,
  caller: Caller,
  sheetId: string,
  criterionId: string,
  upload: { fileName: string; buffer: Buffer },
) {
  const first = await sheetFor(db, caller, sheetId, 'read');
  await sheetFor(db, caller, sheetId, first.sheet.status === 'reviewed' ? 'explain' : 'self_assess');
  const [entry] = await db
    .select({ id: scoringEntries.id })
    .from(scoringEntries)
    .where(and(eq(scoringEntries.sheetId, sheetId), eq(scoringEntries.criterionId, criterionId)));
  if (!entry) throw new AppError('CONFLICT', 'Nhập số liệu của tiêu chí trước khi đính kèm minh chứng.');
  const type = await assertDossierFile(upload.buffer);
  return db.transaction(async (tx) => {
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
