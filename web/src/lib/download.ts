import { ErrorResponse } from '../../../contracts/common.ts';
import { ApiError, buildUrl } from './api-client.ts';

type QueryValue = string | number | boolean | null | undefined;

/** The file name the server suggests in `content-disposition`, or the fallback. */
function fileNameOf(response: Response, fallback: string): string {
  const header = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return /filename="?([^";]+)"?/i.exec(header)?.[1] ?? fallback;
}

/**
 * Downloads a file from the API (a template, an export, a DOCX/PDF) and saves it under the server's file name.
 * Failures throw an ApiError with the server's Vietnamese message instead of opening a JSON page.
 */
export async function downloadFile(
  path: string,
  query: Record<string, QueryValue>,
  fallbackName: string,
): Promise<void> {
  let response: Response;
  try {
    response = await fetch(buildUrl(path, query), { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, {
      code: 'NETWORK_ERROR',
      message: 'Không kết nối được máy chủ. Vui lòng kiểm tra kết nối mạng và thử lại.',
    });
  }
  if (!response.ok) {
    const parsed = ErrorResponse.safeParse(await response.json().catch(() => undefined));
    throw new ApiError(
      response.status,
      parsed.success ? parsed.data : { code: 'INTERNAL', message: 'Không tải được tệp. Vui lòng thử lại.' },
    );
  }
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameOf(response, fallbackName);
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start saving before the object URL is released.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
