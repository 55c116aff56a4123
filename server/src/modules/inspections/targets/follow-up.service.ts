import { eq } from 'drizzle-orm';
import type { FollowUpBody } from '#contracts/inspections.ts';
import { assertDossierFile, dossierFileName } from '#server/modules/nominations/index.ts';
import { recordAudit } from '#server/platform/audit/audit.ts';
import type { Database, Executor } from '#server/platform/db/client.ts';
import { inspectionRemedies } from '#server/platform/db/schema.ts';
import { atVersion, nextVersion, versionedRow } from '#server/platform/db/versioning.ts';
import type { FileStore } from '#server/platform/files/file-store.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import type { Caller } from '../inspections.policy.ts';
import { REMEDY } from '../inspections.repo.ts';
import { targetFor } from './target.service.ts';

/** The remedy and its target, checked that the caller may do the action there. */
async function remedyFor(db: Executor, caller: Caller, id: string, action: 'read' | 'follow_up') {
  const [remedy] = await db.select().from(inspectionRemedies).where(eq(inspectionRemedies.id, id));
  if (!remedy) throw new AppError('NOT_FOUND', REMEDY.notFound);
  const { row } = await targetFor(db, caller, remedy.targetId, action);
  return { remedy, row };
}

/** The inspected unit reports its progress on a remedy (status and note) at the version loaded. */
export async function reportFollowUp(db: Database, caller: Caller, id: string, body: FollowUpBody) {
  const { remedy } = await remedyFor(db, caller, id, 'follow_up');
  await db.transaction(async (tx) => {
    const rows = await tx
      .update(inspectionRemedies)
      .set({
        status: body.status,
        note: body.note,
        reportedAt: new Date(),
        reportedBy: caller.actor.userId,
        ...nextVersion(inspectionRemedies, caller.actor),
      })
      .where(atVersion(inspectionRemedies, id, body.version))
      .returning();
    const after = await versionedRow(tx, rows, inspectionRemedies, id, REMEDY);
    await recordAudit(tx, caller.actor, {
      action: 'inspection.follow_up',
      entityType: 'inspection_remedy',
      entityId: id,
      before: { status: remedy.status, note: remedy.note },
      after: { status: after.status, note: after.note },
    });
    return after;
  });
}

/** Attaches (or replaces) the evidence of a remedy: a PDF, DOCX, XLSX or picture, through the file store. */
export async function attachEvidence(
  db: Database,
  files: FileStore,
  caller: Caller,
  id: string,
  version: number,
  upload: { fileName: string; buffer: Buffer },
) {
  await remedyFor(db, caller, id, 'follow_up');
  const type = await assertDossierFile(upload.buffer);
  await db.transaction(async (tx) => {
    const fileId = await files.save(tx, {
      fileName: dossierFileName(upload.fileName, 'minh-chung-khac-phuc', type),
      contentType: type.contentType,
      data: upload.buffer,
      createdBy: caller.actor.userId,
    });
    const rows = await tx
      .update(inspectionRemedies)
      .set({ evidenceFileId: fileId, ...nextVersion(inspectionRemedies, caller.actor) })
      .where(atVersion(inspectionRemedies, id, version))
      .returning();
    await versionedRow(tx, rows, inspectionRemedies, id, REMEDY);
    await recordAudit(tx, caller.actor, {
      action: 'inspection.evidence',
      entityType: 'inspection_remedy',
      entityId: id,
      after: { evidenceFileId: fileId },
    });
  });
}

/** The evidence file of a remedy the caller may read. */
export async function loadEvidence(db: Database, files: FileStore, caller: Caller, id: string) {
  const { remedy } = await remedyFor(db, caller, id, 'read');
  const file = remedy.evidenceFileId ? await files.load(db, remedy.evidenceFileId) : null;
  if (!file) throw new AppError('NOT_FOUND', 'Yêu cầu khắc phục này chưa có minh chứng.');
  return { buffer: file.data, contentType: file.contentType, fileName: file.fileName };
}
