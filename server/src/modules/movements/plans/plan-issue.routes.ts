import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { EditPlanDocumentBody, LaunchCheck, MovementDetail } from '#contracts/movements.ts';
import type { AppContext } from '#server/platform/http/app-context.ts';
import { withCurrentOnConflict } from '#server/platform/http/version-conflict.ts';
import { checkLaunch } from '../launch/launch.service.ts';
import { presentMovementDetail } from '../movements.presenter.ts';
import { callerOf, errors, IdParams, officers } from '../movements.routes.ts';
import {
  type Caller,
  getCurrentPlan,
  getDetailExtras,
  getManagedMovement,
  getVisibleMovement,
  savePlan,
} from '../movements.service.ts';
import { applyDocumentEdit, type DocumentChange } from './plan-issue.ts';

/** Correcting a plan before it is issued (number, date, place, signature, section texts) and the launch check. */
export function registerPlanIssueRoutes(app: FastifyInstance, { db }: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['movements'];
  const detail = async (caller: Caller, id: string) => {
    const row = await getVisibleMovement(db, caller, id);
    const plan = await getCurrentPlan(db, row);
    return presentMovementDetail(row, caller.principal, await getDetailExtras(db, row, plan));
  };

  api.patch(
    '/api/movements/:id/plan/document',
    {
      config: officers,
      schema: {
        tags,
        summary: 'Sửa số, ngày, nơi ban hành, thẩm quyền, người ký và lời văn các mục của kế hoạch',
        params: IdParams,
        body: EditPlanDocumentBody,
        response: { 200: MovementDetail, ...errors },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const { id } = request.params;
      const { version, ...edit } = request.body;
      // Filled by the edit inside the transaction, before the audit event is written from it.
      const audited: { changes: DocumentChange[] } = { changes: [] };
      const save = savePlan(
        db,
        caller,
        id,
        version,
        'plan.document',
        (plan) => {
          const result = applyDocumentEdit(plan, edit);
          audited.changes = result.changes;
          return result.plan;
        },
        audited,
      );
      await withCurrentOnConflict(save, () => detail(caller, id));
      return detail(caller, id);
    },
  );

  api.get(
    '/api/movements/:id/launch-check',
    {
      config: officers,
      schema: {
        tags,
        summary: 'Trước khi phát động: phần còn thiếu để ban hành và các cảnh báo cần xác nhận',
        params: IdParams,
        response: { 200: LaunchCheck, ...errors },
      },
    },
    async (request) => {
      const row = await getManagedMovement(db, callerOf(request), request.params.id);
      const { missing, warnings } = await checkLaunch(db, row);
      return { missing, warnings };
    },
  );
}
