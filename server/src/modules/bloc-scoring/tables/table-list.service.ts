import { sql } from 'drizzle-orm';
import type { ScoringTableStatus, TieBreakStep } from '#contracts/bloc-scoring.ts';
import type { CursorQuery } from '#contracts/common.ts';
import { READ_ROLES, resolveScope } from '#server/modules/organisation/organisation.policy.ts';
import { selectRows } from '#server/modules/organisation/sql-rows.ts';
import type { Database } from '#server/platform/db/client.ts';
import { countCapped, readKeysetPage } from '#server/platform/db/keyset.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { type Caller, sheetAccess, tableAccess, tableVisibleSql } from '../bloc-scoring.policy.ts';
import { getTableRow, listTableBlocs } from '../bloc-scoring.repo.ts';

interface TableListRow {
  id: string;
  councilId: string;
  councilName: string;
  blocId: string | null;
  year: number;
  name: string;
  status: ScoringTableStatus;
  tieBreak: TieBreakStep[];
  leadingCount: number;
  version: number;
}

/** The scoring tables the caller sees (managers, readers over the council, heads, supervisors, members), newest year first. */
export async function listTables(
  db: Database,
  caller: Caller,
  query: CursorQuery & { year?: number | undefined; councilId?: string | undefined },
) {
  const scope = await resolveScope(db, caller.principal, READ_ROLES);
  const filter = sql`${tableVisibleSql(scope, caller.principal) ?? sql`true`}
    ${query.year ? sql`and t.year = ${query.year}` : sql``}
    ${query.councilId ? sql`and t.council_id = ${query.councilId}` : sql``}`;
  const from = sql`from scoring_tables t join councils c on c.id = t.council_id
    join units cu on cu.id = c.unit_id left join units su on su.id = c.standing_unit_id`;
  const page = await readKeysetPage<TableListRow>({
    query,
    order: 'desc',
    columns: [sql`t.year`, sql`t.id`],
    kinds: ['number', 'uuid'],
    read: async ({ where, descending, limit }) =>
      selectRows<TableListRow>(
        db,
        sql`select t.id, t.council_id as "councilId", c.name as "councilName", t.bloc_id as "blocId", t.year, t.name,
            t.status, t.tie_break as "tieBreak", t.leading_count as "leadingCount", t.version
          ${from} where ${filter} ${where ? sql`and ${where}` : sql``}
          order by t.year ${sql.raw(descending ? 'desc' : 'asc')}, t.id ${sql.raw(descending ? 'desc' : 'asc')}
          limit ${limit}`,
      ),
    keyOf: (row) => [Number(row.year), row.id],
  });
  const total = await countCapped(db, sql`select t.id ${from} where ${filter}`, query.exactTotal === 'true');
  return {
    items: page.rows.map((row) => ({
      ...row,
      year: Number(row.year),
      leadingCount: Number(row.leadingCount),
      version: Number(row.version),
    })),
    next: page.next,
    prev: page.prev,
    total,
  };
}

interface SheetListRow {
  id: string;
  blocId: string;
  blocName: string;
  unitId: string;
  unitName: string;
  status: 'self_assessment';
  version: number;
}

/**
 * A table's sheets by bloc: every sheet of the blocs the caller heads, supervises or manages (or
 * whose result is published and they belong to), and their own units' sheets otherwise.
 */
export async function listSheets(
  db: Database,
  caller: Caller,
  tableId: string,
  query: CursorQuery & { blocId?: string | undefined },
) {
  const table = await getTableRow(db, tableId);
  const blocs = await listTableBlocs(db, table.table);
  const access = await tableAccess(db, caller.principal, table, blocs);
  if (!access.canRead) throw new AppError('OUT_OF_SCOPE');
  const whole: string[] = [];
  const own: string[] = [];
  for (const bloc of blocs) {
    const probe = sheetAccess(
      access,
      { blocId: bloc.blocId, unitId: '', status: 'final' },
      false,
      bloc.published,
    );
    if (probe.canRead) whole.push(bloc.blocId);
    own.push(...(access.parts.get(bloc.blocId)?.memberUnitIds ?? []));
  }
  const ids = (values: string[]) => `{${values.join(',')}}`;
  const filter = sql`s.table_id = ${tableId} ${query.blocId ? sql`and s.bloc_id = ${query.blocId}` : sql``}
    and (s.bloc_id = any(${ids(whole)}::uuid[]) or s.unit_id = any(${ids(own)}::uuid[]))`;
  const from = sql`from scoring_sheets s join blocs b on b.id = s.bloc_id join units u on u.id = s.unit_id`;
  const page = await readKeysetPage<SheetListRow>({
    query,
    columns: [sql`s.bloc_id`, sql`s.id`],
    kinds: ['uuid', 'uuid'],
    read: async ({ where, descending, limit }) =>
      selectRows<SheetListRow>(
        db,
        sql`select s.id, s.bloc_id as "blocId", b.name as "blocName", s.unit_id as "unitId", u.name as "unitName",
            s.status, s.version ${from} where ${filter} ${where ? sql`and ${where}` : sql``}
          order by s.bloc_id ${sql.raw(descending ? 'desc' : 'asc')}, s.id ${sql.raw(descending ? 'desc' : 'asc')}
          limit ${limit}`,
      ),
    keyOf: (row) => [row.blocId, row.id],
  });
  const total = await countCapped(db, sql`select s.id ${from} where ${filter}`, query.exactTotal === 'true');
  return {
    items: page.rows.map((row) => ({ ...row, version: Number(row.version) })),
    next: page.next,
    prev: page.prev,
    total,
  };
}
