import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CreateTemplateBody,
  ReportTemplate,
  TemplateFromMovementBody,
  TemplatePage,
  TemplateQuery,
  UpdateTemplateBody,
} from '#contracts/reports.ts';
import type { AppContext } from '#server/platform/http/app-context.ts';
import { withCurrentOnConflict } from '#server/platform/http/version-conflict.ts';
import { presentTemplate } from '../reports.presenter.ts';
import { callerOf, errors, IdParams, officerCreates, officers } from '../reports.routes-support.ts';
import {
  createTemplate,
  createTemplateFromMovement,
  getTemplate,
  searchTemplates,
  updateTemplate,
} from './templates.service.ts';

/** Report templates: list, create (by hand or from a movement's plan), read, edit. */
export function registerTemplateRoutes(app: FastifyInstance, { db }: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['reports'];
  const one = async (request: Parameters<typeof callerOf>[0], id: string) =>
    presentTemplate(await getTemplate(db, callerOf(request), id), callerOf(request).principal);

  api.get(
    '/api/report-templates',
    {
      config: officers,
      schema: {
        tags,
        summary: 'Mẫu báo cáo',
        querystring: TemplateQuery,
        response: { 200: TemplatePage, ...errors },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const page = await searchTemplates(db, caller, request.query);
      return {
        total: page.total,
        next: page.next,
        prev: page.prev,
        items: page.rows.map((row) => presentTemplate(row, caller.principal)),
      };
    },
  );
  api.post(
    '/api/report-templates',
    {
      config: officerCreates,
      schema: {
        tags,
        summary: 'Tạo mẫu báo cáo',
        body: CreateTemplateBody,
        response: { 201: ReportTemplate, ...errors },
      },
    },
    async (request, reply) => {
      const created = await createTemplate(db, callerOf(request), request.body);
      reply.status(201);
      return one(request, created.id);
    },
  );
  api.post(
    '/api/report-templates/from-movement',
    {
      config: officerCreates,
      schema: {
        tags,
        summary: 'Tạo mẫu báo cáo từ kế hoạch của phong trào',
        body: TemplateFromMovementBody,
        response: { 201: ReportTemplate, ...errors },
      },
    },
    async (request, reply) => {
      const created = await createTemplateFromMovement(db, callerOf(request), request.body);
      reply.status(201);
      return one(request, created.id);
    },
  );
  api.get(
    '/api/report-templates/:id',
    {
      config: officers,
      schema: {
        tags,
        summary: 'Một mẫu báo cáo',
        params: IdParams,
        response: { 200: ReportTemplate, ...errors },
      },
    },
    async (request) => one(request, request.params.id),
  );
  api.put(
    '/api/report-templates/:id',
    {
      config: officers,
      schema: {
        tags,
        summary: 'Sửa mẫu báo cáo',
        params: IdParams,
        body: UpdateTemplateBody,
        response: { 200: ReportTemplate, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params;
      await withCurrentOnConflict(updateTemplate(db, callerOf(request), id, request.body), () =>
        one(request, id),
      );
      return one(request, id);
    },
  );
}
