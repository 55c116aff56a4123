import {
  ImportErrorResponse,
  ImportResult,
  type ImportRowError,
} from '../../../../../contracts/organisation.ts';
import { uploadError, uploadFile } from '../../../lib/upload.ts';

/** What an import ends with: the number imported, or every problem found (then nothing was imported). */
export type ImportOutcome =
  | { kind: 'imported'; imported: number }
  | { kind: 'invalid'; message: string; errors: ImportRowError[] };

/**
 * Uploads a spreadsheet with upload progress; a 422 row report is an outcome, not an error. Other
 * failures throw an ApiError with the server's Vietnamese message.
 */
export async function uploadImport(
  path: string,
  file: File,
  csrfToken: string | null,
  onProgress: (percent: number) => void,
  idempotencyKey: string,
): Promise<ImportOutcome> {
  const reply = await uploadFile(path, file, csrfToken, onProgress, idempotencyKey);
  if (reply.status === 200) {
    const result = ImportResult.safeParse(reply.payload);
    if (result.success) return { kind: 'imported', imported: result.data.imported };
  }
  if (reply.status === 422) {
    const invalid = ImportErrorResponse.safeParse(reply.payload);
    if (invalid.success)
      return { kind: 'invalid', message: invalid.data.message, errors: invalid.data.errors };
  }
  throw uploadError(reply);
}
