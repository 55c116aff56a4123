import { dossierFilesOf } from '#server/modules/nominations/index.ts';
import type { Database } from '#server/platform/db/client.ts';
import type { ZipPart, ZipPartContext } from './zip-parts.ts';

/** A file name safe in any ZIP reader: letters without marks, digits, dots and dashes. */
const safeFileName = (name: string) =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .replace(/[^A-Za-z0-9.]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(-80) || 'tep';

/**
 * The dossier files of the tờ trình (báo cáo thành tích, biên bản, proofs) with their bytes from the
 * file store, numbered in upload order and named by component: `03-bien_ban-bien-ban-hop.pdf`.
 */
export async function dossierParts(db: Database, context: ZipPartContext): Promise<ZipPart[]> {
  if (!context.files) return [];
  const parts: ZipPart[] = [];
  const rows = await dossierFilesOf(db, [context.nominationId]);
  for (const [index, row] of rows.entries()) {
    const loaded = await context.files.load(db, row.file.fileId);
    if (!loaded) continue;
    parts.push({
      path: `${String(index + 1).padStart(2, '0')}-${row.file.component}-${safeFileName(row.fileName)}`,
      data: loaded.data,
      kind: row.file.component,
      nomineeId: row.file.nomineeId,
      fileId: row.file.fileId,
    });
  }
  return parts;
}
