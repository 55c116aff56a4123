import { sql } from 'drizzle-orm';
import { getForm } from '#server/modules/statistics/form-registry.ts';
import { placeFor } from '#server/modules/statistics/statistics.policy.ts';
import { fillForm } from '#server/modules/statistics/statistics.service.ts';
import { openPostgres } from '#server/platform/db/client.ts';
import { migrateDatabase } from '#server/platform/db/migrate.ts';
import { createScratchDatabase } from '../tests/support/postgres.ts';
import { printTargets, target } from './targets.ts';

/**
 * Issue 15: biểu 0602 and 0603 for the whole national tree, target < 2 s each on PostgreSQL. The
 * national dataset has no award records, so a scratch database gets a national-size tree of its
 * own (34 provinces, 1,020 departments, ~99,000 communes and enterprises), 150,000 people and
 * 300,000 award records decided over three statistical years (2023–2025): ~100,000 in each.
 */
const UNITS = 100_000;
const PROVINCES = 34;
const SECOND = PROVINCES * 30;
const PERSONS = 150_000;
const PERSON_RECORDS = 200_000;
const UNIT_RECORDS = 100_000;
const TARGET_MS = 2000;
const unitId = (value: string) => `('00000000-0000-4000-8001-' || lpad((${value})::text, 12, '0'))::uuid`;
const personId = (value: string) => `('00000000-0000-4000-8002-' || lpad((${value})::text, 12, '0'))::uuid`;

const SEED = `
  insert into units (id, path, name, code, kind, sort_key)
    select ${unitId('g')}, '/' || ${unitId('g')} || '/', 'Tỉnh ' || g, 'P' || g, 'province', 'tinh ' || lpad(g::text, 6, '0')
    from generate_series(1, ${PROVINCES}) g;
  insert into units (id, parent_id, path, name, code, kind, sort_key)
    select ${unitId('g')}, p.id, p.path || ${unitId('g')} || '/', 'Sở ' || g, 'D' || g, 'department', 'so ' || lpad(g::text, 6, '0')
    from generate_series(${PROVINCES + 1}, ${PROVINCES + SECOND}) g
    join units p on p.id = ${unitId(`1 + (g - ${PROVINCES + 1}) % ${PROVINCES}`)};
  insert into units (id, parent_id, path, name, code, kind, sort_key)
    select ${unitId('g')}, p.id, p.path || ${unitId('g')} || '/', 'Đơn vị ' || g, 'C' || g,
      case when g % 20 = 0 then 'state_enterprise' else 'commune' end, 'don vi ' || lpad(g::text, 6, '0')
    from generate_series(${PROVINCES + SECOND + 1}, ${UNITS}) g
    join units p on p.id = ${unitId(`${PROVINCES + 1} + (g - ${PROVINCES + SECOND + 1}) % ${SECOND}`)};
  insert into persons (id, full_name, gender, category, unit_id, sort_key)
    select ${personId('g')}, 'Người ' || g, case when g % 2 = 0 then 'female' else 'male' end, 'civil_servant',
      ${unitId(`${PROVINCES + 1} + g % ${UNITS - PROVINCES}`)}, 'nguoi ' || lpad(g::text, 7, '0')
    from generate_series(1, ${PERSONS}) g;
  insert into award_person_position_classes (person_id, position_class)
    select ${personId('g')}, (array['central_provincial_leader', 'department_leader', 'entrepreneur', 'other_leader', 'direct_worker'])[1 + g % 5]
    from generate_series(1, ${PERSONS}) g where g % 3 <> 0;
  insert into award_received (person_id, award_code, year, reward_type, decision_number, decision_date, decider)
    select ${personId(`1 + g % ${PERSONS}`)},
      (array['BK_BO_TINH', 'CSTD_BO_TINH', 'KY_NIEM_CHUONG', 'LDTT', 'CSTDCS', 'BK_TTG', 'HCLD_HANG_BA', 'CSTDTQ'])[1 + (g / ${PERSONS}) * 4 + g % 4],
      2023 + g % 3, (array['thuong_xuyen', 'chuyen_de', 'dot_xuat', 'cong_hien'])[1 + g % 7 % 4],
      g || '/QĐ-UBND', date '2022-12-01' + (g % 1095), 'Chủ tịch UBND tỉnh'
    from generate_series(1, ${PERSON_RECORDS}) g;
  insert into award_received (unit_id, award_code, year, reward_type, decision_number, decision_date, decider)
    select ${unitId(`1 + g % ${UNITS}`)}, (array['BK_BO_TINH', 'CO_BO_TINH', 'TTLDTT', 'BK_TTG', 'CO_CP'])[1 + g % 5],
      2023 + g % 3, (array['thuong_xuyen', 'chuyen_de'])[1 + g % 2], g || '/QĐ-UBND', date '2022-12-01' + (g % 1095),
      'Chủ tịch UBND tỉnh'
    from generate_series(1, ${UNIT_RECORDS}) g;
  vacuum analyze`;

const median = (times: number[]) =>
  Math.round(([...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? 0) * 10) / 10;
async function timed(run: () => Promise<unknown>, repeat = 5) {
  await run();
  const times: number[] = [];
  for (let index = 0; index < repeat; index += 1) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return median(times);
}

/** Fills 0602 and 0603 of 2025 for the whole tree and for one province; prints them beside 2 s. */
export async function runStatisticsBench() {
  const database = await createScratchDatabase('statistics_bench');
  const handle = await openPostgres(database.url, 4);
  try {
    await migrateDatabase(handle, database.url);
    const started = performance.now();
    for (const statement of SEED.split(';\n')) await handle.db.execute(sql.raw(statement));
    const seedMs = Math.round(performance.now() - started);
    const whole = await placeFor(handle.db, null);
    const province = await placeFor(handle.db, '00000000-0000-4000-8001-000000000001');
    const department = await placeFor(
      handle.db,
      `00000000-0000-4000-8001-${String(PROVINCES + 1).padStart(12, '0')}`,
    );
    const figures: Record<string, number> = {};
    const totals: Record<string, number> = {};
    for (const code of ['0602', '0603']) {
      const form = getForm(code, 2025);
      for (const [label, place] of [
        ['national', whole],
        ['province', province],
        ['department', department],
      ] as const) {
        let total = 0;
        figures[`${code} ${label}`] = await timed(async () => {
          const report = await fillForm(handle.db, form, 2025, place);
          total = report.cells.find((cell) => cell.row === '01' && cell.column === '1')?.value ?? 0;
        });
        totals[`${code} ${label}`] = total;
      }
    }
    const scansOf = async (path: string | undefined) => {
      const plan = (await handle.db.execute(
        sql.raw(`explain select count(*) from award_received r join units su on su.id = coalesce(r.unit_id, r.person_unit_id, r.household_unit_id)
          where r.decision_date between '2024-12-01' and '2025-11-30' and su.path like '${path}%'`),
      )) as unknown as { rows: Record<string, string>[] };
      return plan.rows
        .map((row) => Object.values(row)[0] as string)
        .filter((line) => /Scan/.test(line))
        .map((line) => line.replace(/\s*\(cost.*$/, '').replace(/^[\s->]*/, ''))
        .join(', ');
    };
    const indexes = {
      province: await scansOf(province.unit?.path),
      department: await scansOf(department.unit?.path),
    };
    const targets = ['0602', '0603'].flatMap((code) => [
      target(
        `biểu ${code} năm 2025, toàn quốc (PostgreSQL)`,
        figures[`${code} national`] ?? Number.NaN,
        TARGET_MS,
        'ms',
      ),
      target(
        `biểu ${code} năm 2025, một tỉnh (PostgreSQL)`,
        figures[`${code} province`] ?? Number.NaN,
        TARGET_MS,
        'ms',
      ),
    ]);
    console.log(
      `\nThống kê / statistics (seed ${seedMs} ms; ${UNITS} đơn vị, ${PERSONS} người, ${PERSON_RECORDS + UNIT_RECORDS} bản ghi khen thưởng; ` +
        `tổng số 0602/0603 toàn quốc ${totals['0602 national']}/${totals['0603 national']}, một tỉnh ${totals['0602 province']}/${totals['0603 province']}; ` +
        `kế hoạch một tỉnh: ${indexes.province}; một sở: ${indexes.department}):`,
    );
    printTargets(targets);
    return {
      units: UNITS,
      persons: PERSONS,
      records: PERSON_RECORDS + UNIT_RECORDS,
      seedMs,
      figures,
      totals,
      indexes,
      targets,
    };
  } finally {
    await handle.close();
    await database.drop();
  }
}
