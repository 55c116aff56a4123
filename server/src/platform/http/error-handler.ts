import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorResponse } from '../../../../contracts/common.ts';
import { errorMessages } from '../../../../contracts/errors.ts';
import { AppError } from './app-error.ts';
import { mapDatabaseError } from './database-errors.ts';
import { mapUploadError } from './uploads.ts';

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
      return reply
        .status(known.status)
        .send(body(known.code, known.message, known.fields ? { fields: known.fields } : {}));
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
    request.log.error({ err: error, requestId: request.id }, 'unhandled error');
    return reply.status(500).send(body('INTERNAL', errorMessages.INTERNAL));
  });

  app.setNotFoundHandler((request, reply) => {
    // Any non-API GET is a page of the single-page app, which shows its own 404.
    if (options.webIndex && request.method === 'GET' && !request.url.startsWith('/api/')) {
      return reply.type('text/html; charset=utf-8').send(options.webIndex);
    }
    return reply
      .status(404)
      .send({ code: 'NOT_FOUND', message: errorMessages.NOT_FOUND, requestId: request.id });
  });
}
