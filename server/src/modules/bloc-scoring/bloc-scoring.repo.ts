import { asc, eq, sql } from 'drizzle-orm';
import type { CriterionKind, CriterionView, ScoringTableStatus } from '#contracts/bloc-scoring.ts';
import type { CriterionRule } from '#contracts/bloc-scoring-math.ts';
import { selectRows } from '#server/modules/organisation/sql-rows.ts';
import type { ActorContext } from '#server/platform/audit/audit.ts';
import type { Executor } from '#server/platform/db/client.ts';
import { councils, scoringCriteria, scoringTables, units } from '#server/platform/db/schema.ts';
import { atVersion, nextVersion, versionedRow } from '#server/platform/db/versioning.ts';
import { AppError } from '#server/platform/http/app-error.ts';

/** How a table, a sheet and an entry are named when gone or changed by someone else. */
export const TABLE = {
  subject: 'Bảng tiêu chí chấm điểm này',
  notFound: 'Không tìm thấy bảng tiêu chí chấm điểm.',
};
export const SHEET = {
  subject: 'Bảng điểm của đơn vị này',
  notFound: 'Không tìm thấy bảng điểm của đơn vị.',
};
export const ENTRY = { subject: 'Điểm tiêu chí này', notFound: 'Không tìm thấy điểm của tiêu chí.' };

/** A table with its council's name, unit and standing body, or 404. */
export async function getTableRow(db: Executor, id: string) {
  const [row] = await db
    .select({
      table: scoringTables,
      councilName: councils.name,
      unitPath: units.path,
      standingPath: sql<string | null>`(select s.path from units s where s.id = ${councils.standingUnitId})`,
    })
    .from(scoringTables)
    .innerJoin(councils, eq(councils.id, scoringTables.councilId))
    .innerJoin(units, eq(units.id, councils.unitId))
    .where(eq(scoringTables.id, id));
  if (!row) throw new AppError('NOT_FOUND', TABLE.notFound);
  return { ...row, status: row.table.status as ScoringTableStatus };
}
export type TableRow = Awaited<ReturnType<typeof getTableRow>>;

/** A table's criteria in their order, with each one's depth in the tree. */
export async function listCriteria(db: Executor, tableId: string): Promise<CriterionView[]> {
  const rows = await db
    .select()
    .from(scoringCriteria)
    .where(eq(scoringCriteria.tableId, tableId))
    .orderBy(asc(scoringCriteria.position));
  const depth = new Map<string, number>();
  return rows.map((row) => {
    const level = row.parentId ? (depth.get(row.parentId) ?? 0) + 1 : 0;
    depth.set(row.id, level);
    return {
      id: row.id,
      parentId: row.parentId,
      code: row.code,
      title: row.title,
      kind: row.kind as CriterionKind,
      maxPoints: row.maxPoints,
      pointsPerItem: row.pointsPerItem,
      penaltyPerItem: row.penaltyPerItem,
      minPoints: row.minPoints,
      evidenceRequired: row.evidenceRequired,
      position: row.position,
      depth: level,
    };
  });
}

/** The math's view of the criteria. */
export const rulesOf = (criteria: readonly CriterionView[]): CriterionRule[] =>
  criteria.map((criterion) => ({
    id: criterion.id,
    parentId: criterion.parentId,
    kind: criterion.kind,
    maxPoints: criterion.maxPoints,
    pointsPerItem: criterion.pointsPerItem,
    penaltyPerItem: criterion.penaltyPerItem,
    minPoints: criterion.minPoints,
  }));

/** One bloc a table scores: its head unit, supervising user, and whether its result is published. */
export interface TableBlocRow {
  blocId: string;
  name: string;
  headUnitId: string | null;
  headUnitName: string | null;
  headUnitPath: string | null;
  supervisorUserId: string | null;
  published: boolean;
}

/** The blocs a table scores: its own bloc, or every bloc of its council that year. */
export function listTableBlocs(
  db: Executor,
  table: { id: string; councilId: string; blocId: string | null; year: number },
) {
  const which = table.blocId
    ? sql`b.id = ${table.blocId}`
    : sql`b.council_id = ${table.councilId} and b.year = ${table.year}`;
  return selectRows<TableBlocRow>(
    db,
    sql`select b.id as "blocId", b.name, hu.id as "headUnitId", hu.name as "headUnitName", hu.path as "headUnitPath",
        sp.user_id as "supervisorUserId",
        exists (select 1 from scoring_publications p where p.table_id = ${table.id} and p.bloc_id = b.id) as published
      from blocs b
      left join bloc_members hm on hm.bloc_id = b.id and hm.role = 'head'
      left join units hu on hu.id = hm.unit_id
      left join council_members cm on cm.id = b.supervisor_member_id
      left join persons sp on sp.id = cm.person_id
      where ${which} order by b.name, b.id`,
  );
}

/** Raises the table's version at the version loaded while it is in `status` (else 404/409). */
export async function bumpTable(
  tx: Executor,
  actor: ActorContext,
  id: string,
  version: number,
  status: ScoringTableStatus | ScoringTableStatus[],
  fields: Partial<typeof scoringTables.$inferInsert> = {},
) {
  const statuses = Array.isArray(status) ? status : [status];
  const rows = await tx
    .update(scoringTables)
    .set({ ...fields, ...nextVersion(scoringTables, actor) })
    .where(
      sql`${atVersion(scoringTables, id, version)} and ${scoringTables.status} in (${sql.join(
        statuses.map((value) => sql`${value}`),
        sql`, `,
      )})`,
    )
    .returning();
  if (rows.length) return rows[0] as typeof scoringTables.$inferSelect;
  const [current] = await tx.select().from(scoringTables).where(eq(scoringTables.id, id));
  if (current && current.version === version)
    throw new AppError('CONFLICT', 'Bảng tiêu chí không ở trạng thái cho phép thao tác này.');
  return versionedRow(tx, rows, scoringTables, id, TABLE);
}
