import { and, count, eq, isNull } from 'drizzle-orm';
import {
  DOSSIER_FILES_PER_COMPONENT,
  dossierComponentLabels,
  dossierComponentScope,
  type UploadDossierQuery,
} from '#contracts/nomination-dossier.ts';
import { recordAudit } from '#server/platform/audit/audit.ts';
import type { Database } from '#server/platform/db/client.ts';
import { nominationFiles, nominees } from '#server/platform/db/schema.ts';
import { atVersion, versionedRow } from '#server/platform/db/versioning.ts';
import type { FileStore } from '#server/platform/files/file-store.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { findNomination } from '../nominations/nominations.repo.ts';
import type { Caller } from '../rounds/rounds.service.ts';
import { findDossierFile } from './dossier.repo.ts';
import { assertDossierEditable, getDossierNomination } from './dossier-access.ts';
import { assertDossierFile, dossierFileName } from './file-type.ts';

const DOSSIER_FILE = { subject: 'Tệp hồ sơ này', notFound: 'Không tìm thấy tệp hồ sơ.' };

/** Checks the nominee is one of the tờ trình's and the component may be filed for it (or for the whole). */
async function assertTarget(db: Database, nominationId: string, query: UploadDossierQuery) {
  const scope = dossierComponentScope[query.component];
  const label = dossierComponentLabels[query.component];
  if (scope === 'nomination' && query.nomineeId)
    throw new AppError(
      'VALIDATION_FAILED',
      `${label} là tệp chung của cả tờ trình, không gắn với một đối tượng.`,
      [{ path: 'nomineeId', message: 'Không chọn đối tượng cho thành phần này' }],
    );
  if (scope === 'nominee' && !query.nomineeId)
    throw new AppError('VALIDATION_FAILED', `${label} là tệp của từng đối tượng; vui lòng chọn đối tượng.`, [
      { path: 'nomineeId', message: 'Vui lòng chọn đối tượng' },
    ]);
  if (!query.nomineeId) return;
  const [nominee] = await db
    .select({ id: nominees.id })
    .from(nominees)
    .where(and(eq(nominees.id, query.nomineeId), eq(nominees.nominationId, nominationId)));
  if (!nominee)
    throw new AppError('VALIDATION_FAILED', 'Đối tượng đã chọn không có trong tờ trình này.', [
      { path: 'nomineeId', message: 'Không có trong tờ trình' },
    ]);
}

/** A file to add to a dossier: bytes as uploaded or generated, and the name to give it. */
export interface DossierUpload {
  fileName: string;
  buffer: Buffer;
}

/**
 * Adds a file to a tờ trình's dossier (proposing unit, draft or returned): size (413) and kind by
 * content (415) checked before anything is stored; the bytes go to the file store; audited.
 */
export async function uploadDossierFile(
  db: Database,
  files: FileStore,
  caller: Caller,
  nominationId: string,
  query: UploadDossierQuery,
  upload: DossierUpload,
  action: 'nomination_file.upload' | 'nomination_file.generate' = 'nomination_file.upload',
): Promise<string> {
  const row = await getDossierNomination(db, caller, nominationId);
  await assertDossierEditable(db, caller, row);
  await assertTarget(db, nominationId, query);
  const type = await assertDossierFile(upload.buffer);
  const fileName = dossierFileName(upload.fileName, dossierComponentLabels[query.component], type);
  return db.transaction(async (tx) => {
    // The row lock queues the upload behind a submit in flight: a sent tờ trình gets no new file.
    const locked = await findNomination(tx, nominationId, true);
    if (!locked) throw new AppError('NOT_FOUND', DOSSIER_FILE.notFound);
    await assertDossierEditable(tx, caller, locked);
    const nomineeId = query.nomineeId ?? null;
    const [existing] = await tx
      .select({ value: count() })
      .from(nominationFiles)
      .where(
        and(
          eq(nominationFiles.nominationId, nominationId),
          eq(nominationFiles.component, query.component),
          nomineeId ? eq(nominationFiles.nomineeId, nomineeId) : isNull(nominationFiles.nomineeId),
        ),
      );
    if ((existing?.value ?? 0) >= DOSSIER_FILES_PER_COMPONENT)
      throw new AppError(
        'CONFLICT',
        `Mỗi thành phần hồ sơ giữ tối đa ${DOSSIER_FILES_PER_COMPONENT} tệp; vui lòng xóa tệp cũ trước khi tải lên tệp mới.`,
      );
    const fileId = await files.save(tx, {
      fileName,
      contentType: type.contentType,
      data: upload.buffer,
      createdBy: caller.actor.userId,
    });
    const [inserted] = await tx
      .insert(nominationFiles)
      .values({
        nominationId,
        nomineeId,
        component: query.component,
        fileId,
        uploadedBy: caller.actor.userId,
        updatedBy: caller.actor.userId,
      })
      .returning();
    if (!inserted) throw new Error('insert returned no row');
    await recordAudit(tx, caller.actor, {
      action,
      entityType: 'nomination_file',
      entityId: inserted.id,
      after: { ...inserted, fileName, contentType: type.contentType, size: upload.buffer.length },
    });
    return inserted.id;
  });
}

/** Removes one file of a dossier (proposing unit, draft or returned) at its version, then its stored bytes; audited. */
export async function deleteDossierFile(
  db: Database,
  files: FileStore,
  caller: Caller,
  nominationId: string,
  fileId: string,
  version: number,
) {
  const row = await getDossierNomination(db, caller, nominationId);
  const file = await findDossierFile(db, nominationId, fileId);
  if (!file) throw new AppError('NOT_FOUND', DOSSIER_FILE.notFound);
  await assertDossierEditable(db, caller, row);
  const storedFileId = await db.transaction(async (tx) => {
    const locked = await findNomination(tx, nominationId, true);
    if (!locked) throw new AppError('NOT_FOUND', DOSSIER_FILE.notFound);
    await assertDossierEditable(tx, caller, locked);
    const current = await tx
      .select()
      .from(nominationFiles)
      .where(atVersion(nominationFiles, fileId, version))
      .for('update');
    const stored = await versionedRow(tx, current, nominationFiles, fileId, DOSSIER_FILE);
    await tx.delete(nominationFiles).where(eq(nominationFiles.id, fileId));
    await recordAudit(tx, caller.actor, {
      action: 'nomination_file.delete',
      entityType: 'nomination_file',
      entityId: fileId,
      before: { ...stored, fileName: file.fileName, contentType: file.contentType, size: file.size },
    });
    return stored.fileId;
  });
  // The bytes (and the S3 object) only once the row pointing at them is gone for good.
  await files.delete(db, [storedFileId]);
}

/** The bytes of a dossier file, for a caller who may read the dossier (403/404 otherwise). */
export async function loadDossierFile(
  db: Database,
  files: FileStore,
  caller: Caller,
  nominationId: string,
  fileId: string,
) {
  await getDossierNomination(db, caller, nominationId);
  const file = await findDossierFile(db, nominationId, fileId);
  const loaded = file ? await files.load(db, file.file.fileId) : null;
  if (!loaded) throw new AppError('NOT_FOUND', DOSSIER_FILE.notFound);
  return loaded;
}
