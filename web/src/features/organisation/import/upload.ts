import { ErrorResponse } from '../../../../../contracts/common.ts';
import {
  ImportErrorResponse,
  ImportResult,
  type ImportRowError,
} from '../../../../../contracts/organisation.ts';
import { ApiError } from '../../../lib/api-client.ts';

/** What an import ends with: the number imported, or every problem found (then nothing was imported). */
export type ImportOutcome =
  | { kind: 'imported'; imported: number }
  | { kind: 'invalid'; message: string; errors: ImportRowError[] };

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Uploads a spreadsheet as multipart `file` with XMLHttpRequest, which (unlike fetch) reports upload
 * progress; sends the session's CSRF token like the API client. Errors other than a 422 row report
 * throw an ApiError with the server's Vietnamese message.
 */
export function uploadImport(
  path: string,
  file: File,
  csrfToken: string | null,
  onProgress: (percent: number) => void,
): Promise<ImportOutcome> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', path);
    request.withCredentials = true;
    request.setRequestHeader('accept', 'application/json');
    if (csrfToken) request.setRequestHeader('x-csrf-token', csrfToken);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    request.onerror = () =>
      reject(
        new ApiError(0, {
          code: 'NETWORK_ERROR',
          message: 'Không kết nối được máy chủ. Vui lòng kiểm tra kết nối mạng và thử lại.',
        }),
      );
    request.onload = () => {
      const payload = parseJson(request.responseText);
      if (request.status === 200) {
        const result = ImportResult.safeParse(payload);
        if (result.success) return resolve({ kind: 'imported', imported: result.data.imported });
      }
      if (request.status === 422) {
        const invalid = ImportErrorResponse.safeParse(payload);
        if (invalid.success)
          return resolve({ kind: 'invalid', message: invalid.data.message, errors: invalid.data.errors });
      }
      const error = ErrorResponse.safeParse(payload);
      reject(
        new ApiError(
          request.status,
          error.success
            ? error.data
            : {
                code: 'BAD_RESPONSE',
                message: 'Máy chủ trả về dữ liệu không đúng định dạng. Vui lòng thử lại.',
              },
        ),
      );
    };
    const form = new FormData();
    form.append('file', file, file.name);
    request.send(form);
  });
}
