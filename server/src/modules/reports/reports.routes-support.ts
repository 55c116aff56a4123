import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ErrorResponse } from '#contracts/common.ts';
import { actorOf, requirePrincipal } from '#server/platform/auth/access.ts';
import type { Caller } from './reports.repo.ts';

export const IdParams = z.object({ id: z.string().uuid('Mã không hợp lệ') });
export const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
export const officers = { access: ['tdkt_officer'] as const };
/** Officers' routes that create a record: a repeated idempotency key gets the first reply. */
export const officerCreates = { ...officers, idempotent: true };

/** The caller of a route: principal and audit actor. */
export const callerOf = (request: FastifyRequest): Caller => ({
  principal: requirePrincipal(request),
  actor: actorOf(request),
});

/** Sends a file (its name may hold Vietnamese letters, hence the encoded form). */
export const sendFile = (
  reply: FastifyReply,
  file: { buffer: Buffer; contentType: string; fileName: string },
) =>
  reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .send(file.buffer);
