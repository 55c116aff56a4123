import { sql } from 'drizzle-orm';
import type { CursorQuery } from '#contracts/common.ts';
import type {
  InspectionListQuery,
  InspectionPage,
  InspectionStatus,
  TargetPage,
} from '#contracts/inspections.ts';
import { READ_ROLES, resolveScope } from '#server/modules/organisation/organisation.policy.ts';
import type { Database } from '#server/platform/db/client.ts';
import { countCapped, readKeysetPage } from '#server/platform/db/keyset.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { type Caller, planAccess, planVisibleSql, targetVisibleSql } from '../inspections.policy.ts';
import { getPlanRow, placeOf } from '../inspections.repo.ts';

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;
const today = () => new Date().toISOString().slice(0, 10);

interface PlanListRow {
  id: string;
  year: number;
  title: string;
  councilName: string;
  startsOn: string;
  endsOn: string;
  status: InspectionStatus;
  targetCount: number;
  overdueCount: number;
}

/** Plans the caller sees (whole or through their unit's target), newest year first. */
export async function listPlans(
  db: Database,
  caller: Caller,
  query: InspectionListQuery,
): Promise<InspectionPage> {
  const scope = await resolveScope(db, caller.principal, READ_ROLES);
  const visible = planVisibleSql(scope, caller.principal.id) ?? sql`true`;
  const filter = sql`${visible}
    ${query.year ? sql`and p.year = ${query.year}` : sql``}
    ${query.status ? sql`and p.status = ${query.status}` : sql``}`;
  const from = sql`from inspection_plans p join councils c on c.id = p.council_id
    join units cu on cu.id = c.unit_id left join units su on su.id = c.standing_unit_id`;
  const page = await readKeysetPage<PlanListRow>({
    query,
    order: 'desc',
    columns: [sql`p.year`, sql`p.id`],
    kinds: ['number', 'uuid'],
    read: async ({ where, descending, limit }) =>
      rowsOf<PlanListRow>(
        await db.execute(sql`select p.id, p.year, p.title, c.name as "councilName",
            p.starts_on::text as "startsOn", p.ends_on::text as "endsOn", p.status,
            (select count(*)::int from inspection_targets t where t.plan_id = p.id) as "targetCount",
            (select count(*)::int from inspection_remedies r join inspection_targets t on t.id = r.target_id
              where t.plan_id = p.id and r.status <> 'done' and r.due_on < ${today()}) as "overdueCount"
          ${from} where ${filter} ${where ? sql`and ${where}` : sql``}
          order by p.year ${sql.raw(descending ? 'desc' : 'asc')}, p.id ${sql.raw(descending ? 'desc' : 'asc')}
          limit ${limit}`),
      ),
    keyOf: (row) => [Number(row.year), row.id],
  });
  const total = await countCapped(db, sql`select p.id ${from} where ${filter}`, query.exactTotal === 'true');
  return {
    items: page.rows.map((row) => ({
      ...row,
      year: Number(row.year),
      targetCount: Number(row.targetCount),
      overdueCount: Number(row.overdueCount),
    })),
    next: page.next,
    prev: page.prev,
    total,
  };
}

interface TargetListRow {
  id: string;
  unitId: string;
  unitName: string;
  inspectOn: string;
  findingCount: number;
  remedyCount: number;
  openRemedyCount: number;
  overdueCount: number;
  version: number;
}

/** The targets of a plan by inspection day: all of them, or only the caller's units' for a partial reader. */
export async function listTargets(
  db: Database,
  caller: Caller,
  planId: string,
  query: CursorQuery,
): Promise<TargetPage> {
  const row = await getPlanRow(db, planId);
  const access = await planAccess(db, caller.principal, placeOf(row));
  const own = access.isFullView ? sql`true` : (targetVisibleSql(access.readScope) ?? sql`true`);
  const filter = sql`t.plan_id = ${planId} and ${own}`;
  const from = sql`from inspection_targets t join units tu on tu.id = t.unit_id`;
  if (!access.isFullView) {
    const [found] = rowsOf<{ id: string }>(
      await db.execute(sql`select t.id ${from} where ${filter} limit 1`),
    );
    if (!found) throw new AppError('OUT_OF_SCOPE');
  }
  const page = await readKeysetPage<TargetListRow>({
    query,
    columns: [sql`t.inspect_on`, sql`t.id`],
    kinds: ['string', 'uuid'],
    read: async ({ where, descending, limit }) =>
      rowsOf<TargetListRow>(
        await db.execute(sql`select t.id, t.unit_id as "unitId", tu.name as "unitName",
            t.inspect_on::text as "inspectOn", t.version,
            (select count(*)::int from inspection_findings f where f.target_id = t.id) as "findingCount",
            (select count(*)::int from inspection_remedies r where r.target_id = t.id) as "remedyCount",
            (select count(*)::int from inspection_remedies r where r.target_id = t.id and r.status <> 'done') as "openRemedyCount",
            (select count(*)::int from inspection_remedies r where r.target_id = t.id and r.status <> 'done'
              and r.due_on < ${today()}) as "overdueCount"
          ${from} where ${filter} ${where ? sql`and ${where}` : sql``}
          order by t.inspect_on ${sql.raw(descending ? 'desc' : 'asc')}, t.id ${sql.raw(descending ? 'desc' : 'asc')}
          limit ${limit}`),
      ),
    keyOf: (target) => [target.inspectOn, target.id],
  });
  const total = await countCapped(db, sql`select t.id ${from} where ${filter}`, query.exactTotal === 'true');
  return {
    items: page.rows.map((target) => ({
      ...target,
      findingCount: Number(target.findingCount),
      remedyCount: Number(target.remedyCount),
      openRemedyCount: Number(target.openRemedyCount),
      overdueCount: Number(target.overdueCount),
    })),
    next: page.next,
    prev: page.prev,
    total,
  };
}
