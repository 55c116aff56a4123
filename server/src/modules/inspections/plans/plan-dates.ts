import { and, asc, eq, gt, lt, or } from 'drizzle-orm';
import type { Executor } from '#server/platform/db/client.ts';
import { inspectionTargets, units } from '#server/platform/db/schema.ts';
import { AppError } from '#server/platform/http/app-error.ts';

const dmy = (date: string) => date.split('-').reverse().join('/');
/** How many targets a refusal names before "và N đơn vị khác". */
const NAMED = 10;

/**
 * Refuses (409) a plan period that would leave targets inspected outside it, naming them with their
 * days, so the officer moves those days first instead of leaving the plan silently wrong.
 */
export async function assertTargetsWithin(db: Executor, planId: string, startsOn: string, endsOn: string) {
  const outside = await db
    .select({ unitName: units.name, inspectOn: inspectionTargets.inspectOn })
    .from(inspectionTargets)
    .innerJoin(units, eq(units.id, inspectionTargets.unitId))
    .where(
      and(
        eq(inspectionTargets.planId, planId),
        or(lt(inspectionTargets.inspectOn, startsOn), gt(inspectionTargets.inspectOn, endsOn)),
      ),
    )
    .orderBy(asc(inspectionTargets.inspectOn), asc(inspectionTargets.id))
    .limit(NAMED + 1);
  if (!outside.length) return;
  const named = outside
    .slice(0, NAMED)
    .map((target) => `${target.unitName} (${dmy(target.inspectOn)})`)
    .join('; ');
  const more = outside.length > NAMED ? ' và các đơn vị khác' : '';
  throw new AppError(
    'CONFLICT',
    `Không đổi được thời gian kế hoạch sang ${dmy(startsOn)} – ${dmy(endsOn)}: ngày kiểm tra của ${named}${more} nằm ngoài thời gian mới. Hãy đổi ngày kiểm tra của các đơn vị này trước.`,
  );
}

/** Refuses (400) a target's inspection day outside its plan's period. */
export function assertDayWithin(plan: { startsOn: string; endsOn: string }, inspectOn: string) {
  if (inspectOn < plan.startsOn || inspectOn > plan.endsOn)
    throw new AppError(
      'VALIDATION_FAILED',
      `Ngày kiểm tra phải nằm trong thời gian của kế hoạch (${dmy(plan.startsOn)} – ${dmy(plan.endsOn)}).`,
      [{ path: 'inspectOn', message: 'Ngoài thời gian của kế hoạch' }],
    );
}
