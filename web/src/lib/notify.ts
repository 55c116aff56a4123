import type { App } from 'antd';
import { ApiError } from './api-client.ts';

type MessageInstance = ReturnType<typeof App.useApp>['message'];

let messageApi: MessageInstance | null = null;

/** Connects the antd message API from `App.useApp()` so messages follow the app's theme and locale. */
export function setMessageApi(api: MessageInstance | null): void {
  messageApi = api;
}

/**
 * The readable Vietnamese text of any error. The request id is added only for unexpected failures
 * (5xx), where the administrator needs it to find the log line; an ordinary refusal (a wrong
 * password, a missing field) speaks for itself.
 */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    return error.requestId && error.status >= 500
      ? `${error.message} (Mã yêu cầu: ${error.requestId})`
      : error.message;
  }
  return 'Đã có lỗi không mong muốn. Vui lòng tải lại trang và thử lại.';
}

/** Shows an error as a message at the top of the screen; the same error shown twice stays one message. */
export function showError(error: unknown): void {
  const content = describeError(error);
  messageApi?.error({ content, key: content, duration: 6 });
}

/** Shows a short success message. */
export function showSuccess(content: string): void {
  messageApi?.success({ content, duration: 3 });
}
