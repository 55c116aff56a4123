import type { z } from 'zod';
import { ErrorResponse, type FieldError, type VersionConflict } from '../../../contracts/common.ts';
import { ErrorCode, errorMessages } from '../../../contracts/errors.ts';

/** Codes the web adds for failures that never reached (or never came back from) the API. */
export const ClientErrorCode = {
  NETWORK_ERROR: 'NETWORK_ERROR',
  BAD_RESPONSE: 'BAD_RESPONSE',
} as const;

const NETWORK_MESSAGE = 'Không kết nối được máy chủ. Vui lòng kiểm tra kết nối mạng và thử lại.';
const BAD_RESPONSE_MESSAGE = 'Máy chủ trả về dữ liệu không đúng định dạng. Vui lòng tải lại trang.';
const UNAVAILABLE_MESSAGE = 'Máy chủ tạm thời không phản hồi. Vui lòng thử lại sau ít phút.';

/** An API failure with the server's stable code, its Vietnamese message and the request id to report. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly requestId: string | undefined;
  readonly fields: FieldError[];
  /** For a 409 VERSION_CONFLICT: who changed the record last, when, and the record as it now stands. */
  readonly conflict: VersionConflict | null;

  constructor(status: number, body: ErrorResponse) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.requestId = body.requestId;
    this.fields = body.fields ?? [];
    this.conflict = body.conflict ?? null;
  }
}

/** True when the error is an ApiError with one of the given codes. */
export function isApiError(error: unknown, ...codes: string[]): error is ApiError {
  return error instanceof ApiError && (codes.length === 0 || codes.includes(error.code));
}

type QueryValue = string | number | boolean | null | undefined;

interface RequestOptions<T> {
  /** Query string parameters; empty, null and undefined values are left out. */
  query?: Record<string, QueryValue>;
  /** JSON body of a non-GET request. */
  body?: unknown;
  /** Schema the reply must match; the parsed value is returned. */
  schema?: z.ZodType<T>;
  signal?: AbortSignal;
  /**
   * Sent as `Idempotency-Key` on a request that creates: one key per user action (made when the
   * form opens, kept for retries), so a double submission gets the first result, not a second record.
   */
  idempotencyKey?: string;
}

/**
 * A new idempotency key (a random UUID v4). Made from `crypto.getRandomValues`, which browsers offer
 * on plain-HTTP intranet addresses too (`crypto.randomUUID` needs HTTPS).
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

let csrfToken: string | null = null;
let errorListener: ((error: ApiError) => void) | null = null;

/** Remembers the CSRF token from the session reply; it is sent on every non-GET request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Lets the app react to errors that change the session (signed out, stale CSRF token). */
export function setApiErrorListener(listener: ((error: ApiError) => void) | null): void {
  errorListener = listener;
}

/** Builds `/api/...?a=1&b=2`, skipping empty values. */
export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

const codeByStatus: Record<number, ErrorCode> = {
  400: ErrorCode.VALIDATION_FAILED,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  409: ErrorCode.CONFLICT,
  413: ErrorCode.PAYLOAD_TOO_LARGE,
  429: ErrorCode.RATE_LIMITED,
};

/** An error body for replies that did not carry one (a proxy's HTML page, an empty body). */
function fallbackError(status: number): ErrorResponse {
  if (status === 502 || status === 503 || status === 504) {
    return { code: ErrorCode.INTERNAL, message: UNAVAILABLE_MESSAGE };
  }
  const code = codeByStatus[status] ?? ErrorCode.INTERNAL;
  return { code, message: errorMessages[code] };
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Sends one request to the API and returns the JSON reply, or throws an ApiError with a readable message. */
export async function apiRequest<T>(
  method: string,
  path: string,
  options: RequestOptions<T> = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, { code: ClientErrorCode.NETWORK_ERROR, message: NETWORK_MESSAGE });
  }

  const payload = await readJson(response);
  if (!response.ok) {
    const parsed = ErrorResponse.safeParse(payload);
    const error = new ApiError(
      response.status,
      parsed.success ? parsed.data : fallbackError(response.status),
    );
    errorListener?.(error);
    throw error;
  }
  if (!options.schema) return payload as T;
  const result = options.schema.safeParse(payload);
  if (!result.success) {
    throw new ApiError(response.status, {
      code: ClientErrorCode.BAD_RESPONSE,
      message: BAD_RESPONSE_MESSAGE,
    });
  }
  return result.data;
}

/** Short forms of apiRequest per HTTP method. */
export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions<T>, 'body'>) => apiRequest<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: Omit<RequestOptions<T>, 'body'>) =>
    apiRequest<T>('POST', path, { ...options, body }),
  /** A POST that creates a record: the idempotency key of the user's action is required. */
  create: <T>(
    path: string,
    body: unknown,
    options: Omit<RequestOptions<T>, 'body' | 'idempotencyKey'> & { idempotencyKey: string },
  ) => apiRequest<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: Omit<RequestOptions<T>, 'body'>) =>
    apiRequest<T>('PUT', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options?: Omit<RequestOptions<T>, 'body'>) =>
    apiRequest<T>('PATCH', path, { ...options, body }),
  delete: <T>(path: string, options?: Omit<RequestOptions<T>, 'body'>) =>
    apiRequest<T>('DELETE', path, options),
};
