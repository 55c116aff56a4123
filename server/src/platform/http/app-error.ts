import type { ErrorResponse, FieldError } from '#contracts/common.ts';
import { type ErrorCode, errorMessages } from '#contracts/errors.ts';

/** The one place where an error code becomes an HTTP status. */
export const httpStatusByCode: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  CSRF_INVALID: 403,
  FORBIDDEN: 403,
  ACCOUNT_DISABLED: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  OUT_OF_SCOPE: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  VERSION_CONFLICT: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
  RULE_VIOLATION: 422,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  LOGIN_THROTTLED: 429,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

/** An expected failure with a stable code and a Vietnamese message; never logged as a crash. */
export class AppError extends Error {
  readonly status: number;
  /** More members of the error reply, e.g. a version conflict's current record. */
  details: Pick<ErrorResponse, 'conflict'> = {};
  constructor(
    readonly code: ErrorCode,
    message: string = errorMessages[code],
    readonly fields?: FieldError[],
  ) {
    super(message);
    this.status = httpStatusByCode[code];
  }
}

/** Shorthands for the most common throws. */
export const forbidden = (message?: string) => new AppError('FORBIDDEN', message);
export const notFound = (message?: string) => new AppError('NOT_FOUND', message);
export const conflict = (message?: string) => new AppError('CONFLICT', message);

/** A refusal the caller may retry after a while; answered with a Retry-After header. */
export class RetryLaterError extends AppError {
  constructor(
    code: 'LOGIN_THROTTLED' | 'RATE_LIMITED',
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(code, message);
  }
}
