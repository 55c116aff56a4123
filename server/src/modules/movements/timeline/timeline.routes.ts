import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AssignmentBody,
  AssignmentItem,
  MilestoneBody,
  MilestoneItem,
  UpdateAssignmentBody,
  UpdateMilestoneBody,
} from '#contracts/movements.ts';
import type { AppContext } from '#server/platform/http/app-context.ts';
import { withCurrentOnConflict } from '#server/platform/http/version-conflict.ts';
import { callerOf, errors, IdParams, officerCreates, officers } from '../movements.routes.ts';
import {
  createAssignment,
  createMilestone,
  getAssignment,
  getMilestone,
  listAssignments,
  listMilestones,
  updateAssignmentStatus,
  updateMilestone,
} from './timeline.service.ts';

/** Milestones on the movement's timeline and assignments with each assignee's status. */
export function registerTimelineRoutes(app: FastifyInstance, { db }: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['movements'];

  api.get(
    '/api/movements/:id/milestones',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Mốc tiến độ (kèm cờ quá hạn)',
        params: IdParams,
        response: { 200: z.object({ items: z.array(MilestoneItem) }), ...errors },
      },
    },
    async (request) => ({ items: await listMilestones(db, callerOf(request), request.params.id) }),
  );
  api.post(
    '/api/movements/:id/milestones',
    {
      config: officerCreates,
      schema: {
        tags,
        summary: 'Thêm mốc tiến độ',
        params: IdParams,
        body: MilestoneBody,
        response: { 201: MilestoneItem, ...errors },
      },
    },
    async (request, reply) => {
      reply.status(201);
      return createMilestone(db, callerOf(request), request.params.id, request.body);
    },
  );
  api.patch(
    '/api/milestones/:id',
    {
      config: officers,
      schema: {
        tags,
        summary: 'Sửa mốc tiến độ / đánh dấu hoàn thành',
        params: IdParams,
        body: UpdateMilestoneBody,
        response: { 200: MilestoneItem, ...errors },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const { id } = request.params;
      return withCurrentOnConflict(updateMilestone(db, caller, id, request.body), () =>
        getMilestone(db, caller, id),
      );
    },
  );

  api.get(
    '/api/movements/:id/assignments',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Nhiệm vụ được giao và tình trạng',
        params: IdParams,
        response: { 200: z.object({ items: z.array(AssignmentItem) }), ...errors },
      },
    },
    async (request) => ({ items: await listAssignments(db, callerOf(request), request.params.id) }),
  );
  api.post(
    '/api/movements/:id/assignments',
    {
      config: officerCreates,
      schema: {
        tags,
        summary: 'Giao nhiệm vụ cho đơn vị',
        params: IdParams,
        body: AssignmentBody,
        response: { 201: AssignmentItem, ...errors },
      },
    },
    async (request, reply) => {
      reply.status(201);
      return createAssignment(db, callerOf(request), request.params.id, request.body);
    },
  );
  api.patch(
    '/api/assignments/:id',
    {
      config: officers,
      schema: {
        tags,
        summary: 'Cập nhật tình trạng nhiệm vụ',
        params: IdParams,
        body: UpdateAssignmentBody,
        response: { 200: AssignmentItem, ...errors },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const { id } = request.params;
      return withCurrentOnConflict(updateAssignmentStatus(db, caller, id, request.body), () =>
        getAssignment(db, caller, id),
      );
    },
  );
}
