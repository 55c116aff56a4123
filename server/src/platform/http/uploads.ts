import { finished } from 'node:stream/promises';
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { errorMessages } from '../../../../contracts/errors.ts';
import { AppError } from './app-error.ts';

const BROKEN_UPLOAD = 'Tệp gửi lên bị hỏng hoặc không trọn vẹn. Vui lòng chọn lại tệp và gửi lại.';

/**
 * Maps an error of the multipart parser (@fastify/multipart's coded errors) to the refusal the user
 * should get: not an upload at all → 415, too many files or parts, too large → 413. Null otherwise.
 */
export function mapUploadError(error: unknown): AppError | null {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new AppError(
        'UNSUPPORTED_MEDIA_TYPE',
        'Yêu cầu không kèm tệp tải lên đúng cách. Vui lòng chọn tệp rồi gửi lại.',
      );
    case 'FST_FILES_LIMIT':
      return new AppError('PAYLOAD_TOO_LARGE', 'Mỗi lần chỉ được gửi một tệp.');
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return new AppError('PAYLOAD_TOO_LARGE', 'Yêu cầu tải lên có quá nhiều phần.');
    case 'FST_REQ_FILE_TOO_LARGE':
      return new AppError('PAYLOAD_TOO_LARGE', errorMessages.PAYLOAD_TOO_LARGE);
    case 'FST_PROTO_VIOLATION':
    case 'FST_INVALID_JSON_FIELD_ERROR':
    case 'FST_MP_PREMATURE_CLOSE':
      return new AppError('VALIDATION_FAILED', BROKEN_UPLOAD);
    default:
      return null;
  }
}

/** Any failure of the multipart stream itself: its coded refusal, or 400 for a malformed body. */
const uploadFailure = (error: unknown) =>
  error instanceof AppError
    ? error
    : (mapUploadError(error) ?? new AppError('VALIDATION_FAILED', BROKEN_UPLOAD));

/** Reads a file part's stream to its end (whatever the task left unread is dropped); rejects if it broke. */
async function drain(part: MultipartFile): Promise<void> {
  if (part.file.errored) throw part.file.errored;
  part.file.resume();
  await finished(part.file);
}

/**
 * Runs `task` on the one uploaded file of a multipart request (field "file"), and answers every way the
 * upload itself can be wrong with a Vietnamese 4xx, never a 500: not multipart (415), no file (400),
 * a cut or malformed body (400), more than one file or too large (413). Errors of the task pass through.
 */
export async function withUploadedFile<T>(
  request: FastifyRequest,
  task: (file: MultipartFile) => Promise<T>,
  missingMessage = 'Chưa chọn tệp để tải lên (trường "file").',
): Promise<T> {
  const parts = request.parts();
  let outcome: { value: T } | null = null;
  for (;;) {
    let next: IteratorResult<Awaited<ReturnType<typeof parts.next>>['value']>;
    try {
      next = await parts.next();
    } catch (error) {
      throw uploadFailure(error);
    }
    if (next.done) break;
    const part = next.value;
    if (part.type !== 'file') continue;
    if (outcome) throw new AppError('PAYLOAD_TOO_LARGE', 'Mỗi lần chỉ được gửi một tệp.');
    // busboy also calls a part without a file name a file (by its content type): give it an empty name.
    if (typeof part.filename !== 'string') part.filename = '';
    try {
      outcome = { value: await task(part) };
    } catch (error) {
      // A failure while the file was being read is the upload's fault when its stream broke.
      if (part.file.errored || mapUploadError(error)) throw uploadFailure(part.file.errored ?? error);
      throw error;
    }
    try {
      await drain(part);
    } catch (error) {
      throw uploadFailure(error);
    }
    if (part.file.truncated) throw new AppError('PAYLOAD_TOO_LARGE', errorMessages.PAYLOAD_TOO_LARGE);
  }
  if (!outcome) throw new AppError('VALIDATION_FAILED', missingMessage);
  return outcome.value;
}
