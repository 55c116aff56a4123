import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponse, Uuid } from '#contracts/common.ts';
import {
  DecisionCreateBody,
  DecisionIssueBody,
  DecisionListQuery,
  DecisionPage,
  DecisionRevokeBody,
  DecisionUpdateBody,
  DecisionView,
  RecipientListQuery,
  RecipientPage,
  RecipientRemoveQuery,
  RecipientsAddBody,
} from '#contracts/decisions.ts';
import { callerOf, IdParams } from '#server/modules/organisation/units/units.routes.ts';
import type { AppContext } from '#server/platform/http/app-context.ts';
import { withCurrentOnConflict } from '#server/platform/http/version-conflict.ts';
import { createDecision, getDecision, listDecisions, updateDecision } from './decisions.service.ts';
import { issueDecision, revokeDecision } from './issue.service.ts';
import { addRecipients, listRecipients, removeRecipient } from './recipients.service.ts';

const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const RecipientParams = z.object({ id: Uuid, recipientId: Uuid });

/** Commendation decisions: drafts, their recipients, issue and revocation. */
export function registerDecisionRoutes(app: FastifyInstance, { db }: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['decisions'];
  const officers = { access: ['tdkt_officer'] as const };
  const view = (request: Parameters<typeof callerOf>[0], id: string) =>
    getDecision(db, callerOf(request), id);

  api.get(
    '/api/decisions',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Quyết định khen thưởng',
        querystring: DecisionListQuery,
        response: { 200: DecisionPage, ...errors },
      },
    },
    (request) => listDecisions(db, callerOf(request), request.query),
  );
  api.post(
    '/api/decisions',
    {
      config: { ...officers, idempotent: true },
      schema: {
        tags,
        summary: 'Tạo dự thảo quyết định khen thưởng',
        body: DecisionCreateBody,
        response: { 201: DecisionView, ...errors },
      },
    },
    async (request, reply) => {
      const id = await createDecision(db, callerOf(request), request.body);
      return reply.status(201).send(await view(request, id));
    },
  );
  api.get(
    '/api/decisions/:id',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Một quyết định khen thưởng',
        params: IdParams,
        response: { 200: DecisionView, ...errors },
      },
    },
    (request) => view(request, request.params.id),
  );
  api.patch(
    '/api/decisions/:id',
    {
      config: officers,
      schema: {
        tags,
        summary: 'Sửa dự thảo quyết định',
        params: IdParams,
        body: DecisionUpdateBody,
        response: { 200: DecisionView, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params;
      await withCurrentOnConflict(updateDecision(db, callerOf(request), id, request.body), () =>
        view(request, id),
      );
      return view(request, id);
    },
  );
  api.get(
    '/api/decisions/:id/recipients',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Danh sách người, tập thể được khen thưởng của quyết định',
        params: IdParams,
        querystring: RecipientListQuery,
        response: { 200: RecipientPage, ...errors },
      },
    },
    (request) => listRecipients(db, callerOf(request), request.params.id, request.query),
  );
  api.post(
    '/api/decisions/:id/recipients',
    {
      config: officers,
      schema: {
        tags,
        summary: 'Thêm người, tập thể vào dự thảo quyết định',
        params: IdParams,
        body: RecipientsAddBody,
        response: { 200: DecisionView, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params;
      await withCurrentOnConflict(addRecipients(db, callerOf(request), id, request.body), () =>
        view(request, id),
      );
      return view(request, id);
    },
  );
  api.delete(
    '/api/decisions/:id/recipients/:recipientId',
    {
      config: officers,
      schema: {
        tags,
        summary: 'Bỏ một người, tập thể khỏi dự thảo quyết định',
        params: RecipientParams,
        querystring: RecipientRemoveQuery,
        response: { 200: DecisionView, ...errors },
      },
    },
    async (request) => {
      const { id, recipientId } = request.params;
      await withCurrentOnConflict(
        removeRecipient(db, callerOf(request), id, recipientId, request.query.version),
        () => view(request, id),
      );
      return view(request, id);
    },
  );
  api.post(
    '/api/decisions/:id/issue',
    {
      config: officers,
      schema: {
        tags,
        summary: 'Ban hành quyết định: lấy số, ghi hồ sơ khen thưởng, thông báo đơn vị',
        params: IdParams,
        body: DecisionIssueBody,
        response: { 200: DecisionView, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params;
      await withCurrentOnConflict(issueDecision(db, callerOf(request), id, request.body.version), () =>
        view(request, id),
      );
      return view(request, id);
    },
  );
  api.post(
    '/api/decisions/:id/revoke',
    {
      config: officers,
      schema: {
        tags,
        summary: 'Hủy bỏ quyết định (Điều 93 Luật Thi đua, khen thưởng)',
        params: IdParams,
        body: DecisionRevokeBody,
        response: { 200: DecisionView, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params;
      await withCurrentOnConflict(
        revokeDecision(db, callerOf(request), id, request.body.version, request.body.reason),
        () => view(request, id),
      );
      return view(request, id);
    },
  );
}
