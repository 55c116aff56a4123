import { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { errorMessages } from '#contracts/errors.ts';
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

/** The uploaded file, read whole: its name as sent (may be empty) and its bytes. */
export interface UploadedFile {
  fileName: string;
  buffer: Buffer;
}

/**
 * Reads the one uploaded file of a multipart request (field "file") and the rest of the body, and
 * answers every way the upload itself can be wrong with a Vietnamese 4xx, never a 500: not multipart
 * (415), no file (400), a cut or malformed body (400), more than one file or too large (413).
 * The whole body is read before the caller does anything, so a refused upload never stores a row.
 */
export async function receiveUploadedFile(
  request: FastifyRequest,
  missingMessage = 'Chưa chọn tệp để tải lên (trường "file").',
): Promise<UploadedFile> {
  let file: UploadedFile | null = null;
  try {
    for await (const part of request.parts()) {
      if (part.type !== 'file') continue;
      if (file) throw new AppError('PAYLOAD_TOO_LARGE', 'Mỗi lần chỉ được gửi một tệp.');
      // busboy also calls a part without a file name a file (by its content type): it gets an empty name.
      file = {
        fileName: typeof part.filename === 'string' ? part.filename : '',
        buffer: await part.toBuffer(),
      };
      if (part.file.truncated) throw new AppError('PAYLOAD_TOO_LARGE', errorMessages.PAYLOAD_TOO_LARGE);
    }
  } catch (error) {
    throw uploadFailure(error);
  }
  if (!file) throw new AppError('VALIDATION_FAILED', missingMessage);
  return file;
}

/** A buffer as a stream of 64 KiB chunks, for the readers that parse a file as it streams. */
export function streamOf(buffer: Buffer): Readable {
  return Readable.from(
    (function* chunks() {
      for (let start = 0; start < buffer.length; start += 65_536)
        yield buffer.subarray(start, start + 65_536);
    })(),
  );
}
