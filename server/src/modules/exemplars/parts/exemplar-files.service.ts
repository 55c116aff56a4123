import { and, count, eq } from 'drizzle-orm';
import {
  EXEMPLAR_FILE_MAX_BYTES,
  EXEMPLAR_FILES_MAX,
  type ExemplarFileKind,
  exemplarFileKindLabels,
} from '#contracts/exemplars.ts';
import { detectDossierFileType, dossierFileName } from '#server/modules/nominations/index.ts';
import { recordAudit } from '#server/platform/audit/audit.ts';
import type { Database } from '#server/platform/db/client.ts';
import { exemplarFiles, storedFiles } from '#server/platform/db/schema.ts';
import type { FileStore } from '#server/platform/files/file-store.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { getAllowedExemplar, removeExemplarPart } from '../exemplar-access.ts';
import type { Caller } from '../exemplars.policy.ts';
import { bumpExemplar } from '../exemplars.repo.ts';

const FILE = 'Không tìm thấy tệp của điển hình.';

/** Which content each kind of file takes: photos JPEG or PNG, documents PDF or Word (.docx). */
const accepted: Record<ExemplarFileKind, { extensions: string[]; message: string }> = {
  photo: {
    extensions: ['jpg', 'png'],
    message: 'Hình ảnh phải là tệp JPEG hoặc PNG. Tệp đã chọn không thuộc các định dạng này (hoặc bị hỏng).',
  },
  document: {
    extensions: ['pdf', 'docx'],
    message:
      'Tài liệu phải là tệp PDF hoặc Word (.docx). Tệp đã chọn không thuộc các định dạng này (hoặc bị hỏng).',
  },
};

/** Checks the size (413) and the kind by content (415) of an exemplar's file. */
async function assertExemplarFile(data: Buffer, kind: ExemplarFileKind) {
  if (data.length > EXEMPLAR_FILE_MAX_BYTES)
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `Tệp vượt quá ${EXEMPLAR_FILE_MAX_BYTES / 1024 / 1024} MB. Vui lòng nén hoặc thu nhỏ tệp rồi tải lên.`,
    );
  if (data.length === 0) throw new AppError('VALIDATION_FAILED', 'Tệp đã chọn trống, không có nội dung.');
  const type = await detectDossierFileType(data);
  if (!type || !accepted[kind].extensions.includes(type.extension))
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', accepted[kind].message);
  return type;
}

/**
 * Adds a photo or document to an exemplar the caller manages, at the exemplar's version: size and
 * kind checked before anything is stored, the bytes go to the file store; audited.
 */
export async function addExemplarFile(
  db: Database,
  files: FileStore,
  caller: Caller,
  id: string,
  query: { kind: ExemplarFileKind; version: number },
  upload: { fileName: string; buffer: Buffer },
) {
  await getAllowedExemplar(db, caller, id, 'files');
  const type = await assertExemplarFile(upload.buffer, query.kind);
  const fileName = dossierFileName(upload.fileName, exemplarFileKindLabels[query.kind], type);
  return db.transaction(async (tx) => {
    await bumpExemplar(tx, caller.actor, id, query.version);
    const [held] = await tx
      .select({ value: count() })
      .from(exemplarFiles)
      .where(eq(exemplarFiles.exemplarId, id));
    if ((held?.value ?? 0) >= EXEMPLAR_FILES_MAX)
      throw new AppError(
        'CONFLICT',
        `Mỗi điển hình giữ tối đa ${EXEMPLAR_FILES_MAX} tệp; vui lòng xóa tệp cũ trước khi tải lên tệp mới.`,
      );
    const fileId = await files.save(tx, {
      fileName,
      contentType: type.contentType,
      data: upload.buffer,
      createdBy: caller.actor.userId,
    });
    const [inserted] = await tx
      .insert(exemplarFiles)
      .values({ exemplarId: id, kind: query.kind, fileId, uploadedBy: caller.actor.userId })
      .returning();
    if (!inserted) throw new Error('exemplar file not stored');
    await recordAudit(tx, caller.actor, {
      action: 'exemplar.file_add',
      entityType: 'exemplar',
      entityId: id,
      after: {
        fileId: inserted.id,
        kind: query.kind,
        fileName,
        contentType: type.contentType,
        size: upload.buffer.length,
      },
    });
    return inserted.id;
  });
}

/** The file row of an exemplar with its stored name, or null. */
async function findFile(db: Database, id: string, fileId: string) {
  const [file] = await db
    .select({ file: exemplarFiles, fileName: storedFiles.fileName })
    .from(exemplarFiles)
    .innerJoin(storedFiles, eq(storedFiles.id, exemplarFiles.fileId))
    .where(and(eq(exemplarFiles.id, fileId), eq(exemplarFiles.exemplarId, id)));
  return file ?? null;
}

/** Removes a file of an exemplar at the exemplar's version, then its stored bytes; audited. */
export async function removeExemplarFile(
  db: Database,
  files: FileStore,
  caller: Caller,
  id: string,
  fileId: string,
  version: number,
) {
  const file = await removeExemplarPart(db, caller, id, version, {
    action: 'files',
    find: () => findFile(db, id, fileId),
    notFound: FILE,
    remove: (tx) => tx.delete(exemplarFiles).where(eq(exemplarFiles.id, fileId)),
    audit: 'exemplar.file_remove',
    before: (found) => ({ fileId, kind: found.file.kind, fileName: found.fileName }),
  });
  // The bytes (and the S3 object) only once the row pointing at them is gone for good.
  await files.delete(db, [file.file.fileId]);
}

/** The bytes of an exemplar's file, for a caller who reads the exemplar (403/404 otherwise). */
export async function loadExemplarFile(
  db: Database,
  files: FileStore,
  caller: Caller,
  id: string,
  fileId: string,
) {
  await getAllowedExemplar(db, caller, id, 'read');
  const file = await findFile(db, id, fileId);
  const loaded = file ? await files.load(db, file.file.fileId) : null;
  if (!loaded) throw new AppError('NOT_FOUND', FILE);
  return loaded;
}
