import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorResponse } from '#contracts/common.ts';
import { errorMessages } from '#contracts/errors.ts';
import { AppError, RetryLaterError } from './app-error.ts';
import { mapDatabaseError } from './database-errors.ts';
import { mapUploadError } from './uploads.ts';

/**
 * True when a path that matched no route reads as an API path once decoded and tidied (`/%61pi/x`,
 * `//API/./x`), so it gets the API's JSON 404 rather than the web app's page.
 */
export function looksLikeApiPath(url: string): boolean {
  let path = url.split('?')[0] ?? '';
  try {
    path = decodeURIComponent(path);
  } catch {
    return true;
  }
  path = path
    .replaceAll('\\', '/')
    .replace(/\/{2,}/g, '/')
    .replace(/\/\.(?=\/|$)/g, '');
  return /^\/api(\/|$)/i.test(path);
}

/**
 * The reply to a path the router cannot even read (bad percent-encoding, an overlong parameter):
 * it matches no route, so it gets a plain Vietnamese refusal instead of Fastify's English one.
 */
export function answerMalformedPath(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const status =
    error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
  reply
    .status(status)
    .header('x-request-id', request.id)
    .header('cache-control', 'no-store')
    .send({ code: 'VALIDATION_FAILED', message: 'Đường dẫn không hợp lệ.', requestId: request.id });
}

/** Installs the single error handler: AppError → its status, validation → field list, the rest → logged 500. */
export function registerErrorHandler(app: FastifyInstance, options: { webIndex: string | null }): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const body = (code: string, message: string, extra: Partial<ErrorResponse> = {}): ErrorResponse => ({
      code,
      message,
      requestId: request.id,
      ...extra,
    });
    // Database refusals (duplicates, bad data) and upload errors are the user's 4xx, never a 500.
    const known = error instanceof AppError ? error : (mapDatabaseError(error) ?? mapUploadError(error));
    if (known) {
      if (known instanceof RetryLaterError) reply.header('retry-after', String(known.retryAfterSeconds));
      return reply.status(known.status).send(
        body(known.code, known.message, {
          ...(known.fields ? { fields: known.fields } : {}),
          ...known.details,
        }),
      );
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = error.validation.map((issue) => ({
        path: issue.instancePath.replace(/^\//, '').replaceAll('/', '.'),
        message: issue.message ?? errorMessages.VALIDATION_FAILED,
      }));
      return reply.status(400).send(body('VALIDATION_FAILED', errorMessages.VALIDATION_FAILED, { fields }));
    }
    if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      return reply.status(400).send(body('VALIDATION_FAILED', 'Dữ liệu gửi lên không phải JSON hợp lệ.'));
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply.status(415).send(body('UNSUPPORTED_MEDIA_TYPE', errorMessages.UNSUPPORTED_MEDIA_TYPE));
    }
    if (error.statusCode === 413 || error.code === 'FST_REQ_FILE_TOO_LARGE') {
      return reply.status(413).send(body('PAYLOAD_TOO_LARGE', errorMessages.PAYLOAD_TOO_LARGE));
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.status(error.statusCode).send(body('VALIDATION_FAILED', errorMessages.VALIDATION_FAILED));
    }
    // Logged once, through the error serializer that drops SQL parameters; the reply has no stack.
    request.log.error({ err: error, requestId: request.id }, 'unhandled error');
    return reply.status(500).send(body('INTERNAL', errorMessages.INTERNAL));
  });

  app.setNotFoundHandler((request, reply) => {
    // Any non-API GET is a page of the single-page app, which shows its own 404.
    if (options.webIndex && request.method === 'GET' && !looksLikeApiPath(request.url)) {
      return reply.type('text/html; charset=utf-8').send(options.webIndex);
    }
    return reply
      .status(404)
      .send({ code: 'NOT_FOUND', message: errorMessages.NOT_FOUND, requestId: request.id });
  });
}
