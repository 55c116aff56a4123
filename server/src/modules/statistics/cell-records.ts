import { type SQL, sql } from 'drizzle-orm';
import { type AwardCode, awardName, type RewardType, rewardTypeLabels } from '#contracts/awards.ts';
import { type MovementKind, movementKindLabels } from '#contracts/movements.ts';
import type { StatisticsCellQuery, StatisticsRecord, StatisticsRecordPage } from '#contracts/statistics.ts';
import type { Executor } from '#server/platform/db/client.ts';
import { countCapped, readKeysetPage } from '#server/platform/db/keyset.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { type FigureScope, movementsFrom, recordsFrom } from './figures.ts';
import { awardFilterSql, movementFilterSql, subjectSql } from './filters.ts';
import { getForm, statisticalPeriod } from './form-registry.ts';
import { type Caller, placeOf } from './statistics.policy.ts';
import { manualReason } from './statistics.service.ts';

type Row = StatisticsRecord & { key: string };
const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/**
 * The records behind a counted cell (award records, or movements for 0601/0701), newest decision first,
 * one keyset page at a time; a typed cell or a heading has none (400).
 */
export async function listCellRecords(
  db: Executor,
  caller: Caller,
  code: string,
  query: StatisticsCellQuery,
): Promise<StatisticsRecordPage> {
  const form = getForm(code, query.year);
  const row = form.rows.find((item) => item.code === query.row);
  const column = form.columns.find((item) => item.code === query.column);
  if (!row || !column || row.heading) throw new AppError('NOT_FOUND', 'Biểu không có ô này.');
  const place = await placeOf(db, caller, query.unitId);
  if (manualReason(form, row.code, column.code) !== null)
    throw new AppError(
      'VALIDATION_FAILED',
      'Ô này do cán bộ nhập tay: không có danh sách bản ghi kèm theo.',
      [{ path: 'row', message: 'Ô nhập tay' }],
    );
  const scope: FigureScope = { ...statisticalPeriod(query.year), path: place.unit?.path ?? null };
  const filters = [row.where ?? {}, column.where ?? {}];
  const isAwards = form.source === 'awards';
  const from = isAwards ? recordsFrom(scope) : movementsFrom(scope);
  const where = isAwards ? awardFilterSql(filters) : movementFilterSql(filters);
  const keyColumns = isAwards ? [sql`r.decision_date`, sql`r.id`] : [sql`m.launched_at`, sql`m.id`];
  const [page, total] = await Promise.all([
    readKeysetPage<Row>({
      query,
      columns: keyColumns,
      kinds: ['string', 'uuid'],
      order: 'desc',
      keyOf: (item) => [item.key, item.id],
      read: ({ where: key, descending, limit }) =>
        (isAwards ? readAwards : readMovements)(db, from, where, key, descending ? 'desc' : 'asc', limit),
    }),
    countCapped(db, sql`select 1 from ${from} and ${where}`, query.exactTotal === 'true'),
  ]);
  return { items: page.rows.map(({ key: _key, ...item }) => item), next: page.next, prev: page.prev, total };
}

async function readAwards(
  db: Executor,
  from: SQL,
  where: SQL,
  key: SQL | undefined,
  direction: 'asc' | 'desc',
  limit: number,
): Promise<Row[]> {
  const order = sql.raw(direction);
  const result = await db.execute(sql`
    select r.id, r.decision_date::text as key, r.decision_date::text as "decisionDate",
      r.decision_number as "decisionNumber", r.award_code as "awardCode", r.reward_type as "rewardType",
      ${subjectSql} as "subjectKind", coalesce(p.full_name, r.household_name, su.name) as subject,
      case when r.unit_id is null then su.name end as "unitName"
    from ${from} and ${where} ${key ? sql`and ${key}` : sql``}
    order by r.decision_date ${order}, r.id ${order} limit ${limit}`);
  return rowsOf<Row & { awardCode: string }>(result).map(({ awardCode, ...item }) => ({
    ...item,
    award: awardName(awardCode as AwardCode),
    rewardType: rewardTypeLabels[item.rewardType as RewardType] ?? item.rewardType,
  }));
}

async function readMovements(
  db: Executor,
  from: SQL,
  where: SQL,
  key: SQL | undefined,
  direction: 'asc' | 'desc',
  limit: number,
): Promise<Row[]> {
  const order = sql.raw(direction);
  const result = await db.execute(sql`
    select m.id, to_char(m.launched_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as key,
      m.name as subject, lu.name as "unitName", m.kind, m.plan_number as "decisionNumber",
      to_char(m.launched_at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') as "decisionDate"
    from ${from} and ${where} ${key ? sql`and ${key}` : sql``}
    order by m.launched_at ${order}, m.id ${order} limit ${limit}`);
  return rowsOf<Row & { kind: string }>(result).map(({ kind, ...item }) => ({
    ...item,
    subjectKind: 'movement',
    award: `Phong trào ${movementKindLabels[kind as MovementKind]?.toLowerCase() ?? kind}`,
    rewardType: null,
  }));
}
