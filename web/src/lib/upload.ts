import { ErrorResponse } from '../../../contracts/common.ts';
import { ApiError } from './api-client.ts';

/** What the server answered to an upload: its status and its parsed JSON body (undefined if not JSON). */
export interface UploadReply {
  status: number;
  payload: unknown;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Uploads one file as multipart field `file` with XMLHttpRequest, which (unlike fetch) reports upload
 * progress, sending the session's CSRF token like the API client and the upload's idempotency key (a
 * second click or a retry of the same upload gets the first result). Resolves with the reply whatever
 * its status; rejects only when the server cannot be reached.
 */
export function uploadFile(
  url: string,
  file: File,
  csrfToken: string | null,
  onProgress: (percent: number) => void,
  idempotencyKey?: string,
): Promise<UploadReply> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', url);
    request.withCredentials = true;
    request.setRequestHeader('accept', 'application/json');
    if (csrfToken) request.setRequestHeader('x-csrf-token', csrfToken);
    if (idempotencyKey) request.setRequestHeader('idempotency-key', idempotencyKey);
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
    request.onload = () => resolve({ status: request.status, payload: parseJson(request.responseText) });
    const form = new FormData();
    form.append('file', file, file.name);
    request.send(form);
  });
}

/** The ApiError for an upload reply the caller did not expect, with the server's Vietnamese message. */
export function uploadError({ status, payload }: UploadReply): ApiError {
  const error = ErrorResponse.safeParse(payload);
  return new ApiError(
    status,
    error.success
      ? error.data
      : { code: 'BAD_RESPONSE', message: 'Máy chủ trả về dữ liệu không đúng định dạng. Vui lòng thử lại.' },
  );
}
