import { ErrorResponse } from '../../../../../contracts/common.ts';
import { MovementDetail } from '../../../../../contracts/movements.ts';
import { ApiError, buildUrl } from '../../../lib/api-client.ts';

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Uploads a plan document (.txt, .md, .docx) as multipart `file` with XMLHttpRequest, which reports
 * upload progress, and returns the draft movement the server built from it. A file that is not a
 * document throws an ApiError carrying the server's Vietnamese message.
 */
export function uploadPlan(
  query: { launchingUnitId: string; parentMovementId?: string | undefined },
  file: File,
  csrfToken: string | null,
  onProgress: (percent: number) => void,
): Promise<MovementDetail> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', buildUrl('/api/movements/import', query));
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
      if (request.status === 201) {
        const movement = MovementDetail.safeParse(payload);
        if (movement.success) return resolve(movement.data);
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
