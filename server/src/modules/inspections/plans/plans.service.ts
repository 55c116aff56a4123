import { and, eq, sql } from 'drizzle-orm';
import type {
  InspectionCreateBody,
  InspectionItem,
  InspectionUpdateBody,
  InspectionView,
  TeamRole,
} from '#contracts/inspections.ts';
import type { CriterionNode } from '#contracts/movements.ts';
import { getCurrentPlan, getVisibleMovement } from '#server/modules/movements/index.ts';
import { recordAudit } from '#server/platform/audit/audit.ts';
import type { Database, Executor } from '#server/platform/db/client.ts';
import {
  councils,
  inspectionPlans,
  inspectionTeamMembers,
  persons,
  units,
} from '#server/platform/db/schema.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { assertRangeAfterChange } from '#server/platform/http/ranges.ts';
import { nextStatus, normaliseItems } from '../inspection-rules.ts';
import { assertAllowed, type Caller, planAccess } from '../inspections.policy.ts';
import { bumpPlan, getPlanRow, type PlanRow, placeOf } from '../inspections.repo.ts';
import { assertTargetsWithin } from './plan-dates.ts';

/** Drafts a yearly inspection plan of a council the caller is an emulation officer of. */
export async function createPlan(db: Database, caller: Caller, body: InspectionCreateBody) {
  const [council] = await db
    .select({
      id: councils.id,
      unitPath: units.path,
      standingPath: sql<string | null>`(select s.path from units s where s.id = ${councils.standingUnitId})`,
    })
    .from(councils)
    .innerJoin(units, eq(units.id, councils.unitId))
    .where(eq(councils.id, body.councilId));
  if (!council) throw new AppError('NOT_FOUND', 'Không tìm thấy Hội đồng Thi đua – Khen thưởng.');
  const access = await planAccess(db, caller.principal, {
    planId: '00000000-0000-0000-0000-000000000000',
    councilId: council.id,
    year: body.year,
    status: 'draft',
    unitPath: council.unitPath,
    standingPath: council.standingPath,
  });
  if (!access.isOfficer) throw new AppError('OUT_OF_SCOPE');
  assertYearDates(body.year, body.startsOn, body.endsOn);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(inspectionPlans)
      .values({
        ...body,
        purpose: body.purpose ?? '',
        items: normaliseItems(body.items),
        createdBy: caller.actor.userId,
        updatedBy: caller.actor.userId,
      })
      .returning();
    if (!row) throw new Error('inspection plan not created');
    await recordAudit(tx, caller.actor, {
      action: 'inspection.create',
      entityType: 'inspection_plan',
      entityId: row.id,
      after: row,
    });
    return row.id;
  });
}

/** The plan's dates lie in its year (a yearly plan). */
function assertYearDates(year: number, startsOn: string, endsOn: string) {
  for (const [path, value] of [
    ['startsOn', startsOn],
    ['endsOn', endsOn],
  ] as const)
    if (Number(value.slice(0, 4)) !== year)
      throw new AppError('VALIDATION_FAILED', `Ngày kiểm tra phải trong năm ${year}.`, [
        { path, message: `Phải trong năm ${year}` },
      ]);
}

/** Changes a draft plan's fields and content items at the version loaded (else 409). */
export async function updatePlan(db: Database, caller: Caller, id: string, body: InspectionUpdateBody) {
  const before = await getPlanRow(db, id);
  assertAllowed(await planAccess(db, caller.principal, placeOf(before)), 'edit');
  const { version, items, ...fields } = body;
  assertRangeAfterChange(
    { startsOn: before.plan.startsOn, endsOn: before.plan.endsOn },
    { startsOn: fields.startsOn, endsOn: fields.endsOn },
    'startsOn',
    'endsOn',
    'Ngày kết thúc không được trước ngày bắt đầu',
  );
  assertYearDates(
    before.plan.year,
    fields.startsOn ?? before.plan.startsOn,
    fields.endsOn ?? before.plan.endsOn,
  );
  await db.transaction(async (tx) => {
    const row = await bumpPlan(tx, caller.actor, id, version, 'draft', {
      ...fields,
      ...(items ? { items: normaliseItems(items) } : {}),
    });
    // Checked after the version check, in the transaction: a target added meanwhile raised the version.
    if (fields.startsOn || fields.endsOn) await assertTargetsWithin(tx, id, row.startsOn, row.endsOn);
    await recordAudit(tx, caller.actor, {
      action: 'inspection.update',
      entityType: 'inspection_plan',
      entityId: id,
      before: before.plan,
      after: row,
    });
  });
}

/** Approves a draft plan (it needs content and a target) or completes an approved one. */
export async function movePlan(
  db: Database,
  caller: Caller,
  id: string,
  move: 'approve' | 'complete',
  version: number,
) {
  const before = await getPlanRow(db, id);
  assertAllowed(await planAccess(db, caller.principal, placeOf(before)), move);
  const status = before.plan.status as InspectionView['status'];
  const next = nextStatus(status, move);
  if (!next) throw new AppError('CONFLICT', 'Kế hoạch kiểm tra không ở trạng thái cho phép thao tác này.');
  if (move === 'approve') {
    const [count] = (
      (await db.execute(
        sql`select count(*)::int as n from inspection_targets where plan_id = ${id}`,
      )) as unknown as { rows: { n: number }[] }
    ).rows;
    if (!before.plan.items.length || !Number(count?.n))
      throw new AppError(
        'CONFLICT',
        'Kế hoạch kiểm tra cần ít nhất một nội dung kiểm tra và một đơn vị được kiểm tra trước khi phê duyệt.',
      );
  }
  await db.transaction(async (tx) => {
    const row = await bumpPlan(tx, caller.actor, id, version, status, { status: next });
    await recordAudit(tx, caller.actor, {
      action: move === 'approve' ? 'inspection.approve' : 'inspection.complete',
      entityType: 'inspection_plan',
      entityId: id,
      before: { status },
      after: { status: row.status },
    });
  });
}

/** The top-level collective criteria of a movement's plan the caller sees, as content items to add. */
export async function itemsFromMovement(
  db: Database,
  caller: Caller,
  id: string,
  movementId: string,
  version: number,
) {
  const before = await getPlanRow(db, id);
  assertAllowed(await planAccess(db, caller.principal, placeOf(before)), 'edit');
  const movement = await getVisibleMovement(db, caller, movementId);
  const plan = await getCurrentPlan(db, movement);
  const criteria: CriterionNode[] = plan.criteria.collective.length
    ? plan.criteria.collective
    : plan.criteria.individual;
  if (!criteria.length)
    throw new AppError(
      'CONFLICT',
      'Kế hoạch của phong trào chưa có tiêu chí thi đua để đưa vào nội dung kiểm tra.',
    );
  const added: InspectionItem[] = criteria.map((node) => ({
    id: `c-${node.id}`
      .toLowerCase()
      .replace(/[^a-z0-9-]/g, '')
      .slice(0, 40),
    // A bullet ("-", "+", "•") is no part of what is checked; the page numbers the items itself.
    text: [node.label && /^[-+•*–]$/.test(node.label.trim()) ? null : node.label, node.text]
      .filter(Boolean)
      .join(' ')
      .slice(0, 2000),
    assessment: node.points ? 'score' : 'none',
    maxScore: node.points ? Math.min(Math.round(node.points), 1000) : null,
  }));
  const items = normaliseItems([
    ...before.plan.items,
    ...added.filter((item) => !before.plan.items.some((kept) => kept.id === item.id)),
  ]);
  await db.transaction(async (tx) => {
    const row = await bumpPlan(tx, caller.actor, id, version, 'draft', { items });
    await recordAudit(tx, caller.actor, {
      action: 'inspection.update',
      entityType: 'inspection_plan',
      entityId: id,
      before: { items: before.plan.items },
      after: { items: row.items, movementId },
    });
  });
}

/** The team of a plan, lead first. */
export async function readTeam(db: Executor, planId: string) {
  const rows = await db
    .select({
      id: inspectionTeamMembers.id,
      personId: inspectionTeamMembers.personId,
      name: persons.fullName,
      unitName: units.name,
      councilMemberId: inspectionTeamMembers.councilMemberId,
      role: inspectionTeamMembers.role,
    })
    .from(inspectionTeamMembers)
    .innerJoin(persons, eq(persons.id, inspectionTeamMembers.personId))
    .innerJoin(units, eq(units.id, persons.unitId))
    .where(and(eq(inspectionTeamMembers.planId, planId)));
  const order: Record<string, number> = { lead: 0, secretary: 2, member: 1 };
  return rows
    .map((row) => ({ ...row, role: row.role as TeamRole }))
    .sort((a, b) => (order[a.role] ?? 9) - (order[b.role] ?? 9) || a.name.localeCompare(b.name, 'vi'));
}

/** One plan the caller may read, with its team, counts and the caller's actions. */
export async function getPlan(db: Database, caller: Caller, id: string): Promise<InspectionView> {
  const row = await getPlanRow(db, id);
  const access = await planAccess(db, caller.principal, placeOf(row));
  if (!access.isFullView) {
    const own = await ownTargetCount(db, id, access.readScope);
    if (!own) throw new AppError('OUT_OF_SCOPE');
  }
  const today = new Date().toISOString().slice(0, 10);
  const counts = await planCounts(db, id, access.isFullView ? null : access.readScope, today);
  return present(row, {
    ...counts,
    team: await readTeam(db, id),
    isFullView: access.isFullView,
    actions: access.actions,
  });
}

async function ownTargetCount(db: Executor, planId: string, scope: string[] | null) {
  return (await planCounts(db, planId, scope, '1900-01-01')).targetCount;
}

/** Targets and overdue remedies of a plan, over every target or those of units in `scope`. */
async function planCounts(db: Executor, planId: string, scope: string[] | null, today: string) {
  const within =
    scope === null
      ? sql`true`
      : scope.length
        ? sql.join(
            scope.map((prefix) => sql`tu.path like ${`${prefix}%`}`),
            sql` or `,
          )
        : sql`false`;
  const [counts] = (
    (await db.execute(sql`select count(*)::int as "targetCount",
        coalesce(sum((select count(*) from inspection_remedies r where r.target_id = t.id
          and r.status <> 'done' and r.due_on < ${today})), 0)::int as "overdueCount"
      from inspection_targets t join units tu on tu.id = t.unit_id
      where t.plan_id = ${planId} and (${within})`)) as unknown as {
      rows: { targetCount: number; overdueCount: number }[];
    }
  ).rows;
  return { targetCount: Number(counts?.targetCount ?? 0), overdueCount: Number(counts?.overdueCount ?? 0) };
}

function present(
  row: PlanRow,
  extra: Pick<InspectionView, 'targetCount' | 'overdueCount' | 'team' | 'isFullView' | 'actions'>,
): InspectionView {
  const { plan } = row;
  return {
    id: plan.id,
    year: plan.year,
    title: plan.title,
    councilId: plan.councilId,
    councilName: row.councilName,
    unitName: row.unitName,
    purpose: plan.purpose,
    startsOn: plan.startsOn,
    endsOn: plan.endsOn,
    status: plan.status as InspectionView['status'],
    items: plan.items,
    version: plan.version,
    ...extra,
    team: extra.isFullView ? extra.team : [],
  };
}
