import type { Command } from 'commander';
import { generateAwardRecords } from '../modules/awards/gen-awards.ts';
import { type GenUnit, generateUnits, personNames } from '../modules/organisation/index.ts';
import { type DatabaseHandle, openPostgres } from '../platform/db/client.ts';
import { migrateDatabase } from '../platform/db/migrate.ts';
import { AppError } from '../platform/http/app-error.ts';

interface GenOptions {
  provinces: string;
  communes: string;
  units: string;
  persons: string;
}

const UNIT_BATCH = 5000;
const PERSON_CHUNK = 250_000;
const CATEGORIES = ['cadre', 'civil_servant', 'public_employee', 'worker', 'soldier'];

const seconds = (start: number) => `${((Date.now() - start) / 1000).toFixed(1)} s`;

async function insertUnits(handle: DatabaseHandle, batch: GenUnit[]) {
  const params: unknown[] = [];
  const rows = batch.map((unit) => {
    const base = params.length;
    params.push(
      unit.id,
      unit.parentId,
      unit.path,
      unit.name,
      unit.shortName,
      unit.code,
      unit.kind,
      unit.isCollegial,
      unit.sortKey,
    );
    return `(${Array.from({ length: 9 }, (_, i) => `$${base + i + 1}`).join(',')})`;
  });
  await handle.query(
    `insert into units (id, parent_id, path, name, short_name, code, kind, is_collegial, sort_key) values ${rows.join(',')}`,
    params,
  );
}

/**
 * Fills an empty PostgreSQL database with a national-scale synthetic dataset: units in multi-row
 * batches of 5,000 (their sort keys computed in TypeScript), people with INSERT … SELECT
 * generate_series in chunks of 250,000 (names and sort keys from a prepared table), the people's
 * secondary indexes dropped during the load and rebuilt after.
 */
export async function generateDataset(
  url: string,
  options: { provinces: number; communes: number; units: number; persons: number },
) {
  const started = Date.now();
  // One connection: the temporary tables and session settings below belong to it.
  const handle = await openPostgres(url, 1);
  try {
    await migrateDatabase(handle, url);
    const [{ count } = { count: 0 }] = await handle.query<{ count: number }>(
      'select (select count(*) from units) + (select count(*) from persons) as count',
    );
    if (Number(count) > 0) {
      throw new AppError(
        'CONFLICT',
        'Cơ sở dữ liệu đã có dữ liệu; tdkt gen chỉ chạy trên CSDL trống / the database is not empty.',
      );
    }
    let batch: GenUnit[] = [];
    let units = 0;
    for (const unit of generateUnits(options)) {
      batch.push(unit);
      if (batch.length === UNIT_BATCH) {
        await insertUnits(handle, batch);
        units += batch.length;
        batch = [];
        if (units % 20_000 === 0) console.log(`  đơn vị / units: ${units} (${seconds(started)})`);
      }
    }
    if (batch.length) await insertUnits(handle, batch);
    units += batch.length;
    console.log(`Đã tạo ${units} đơn vị / units created (${seconds(started)})`);

    const names = personNames();
    await handle.query(
      'create temporary table gen_names (n int primary key, full_name text, gender text, sort_key text collate "C")',
    );
    for (let i = 0; i < names.length; i += 2000) {
      const slice = names.slice(i, i + 2000);
      await handle.query(
        `insert into gen_names select * from unnest($1::int[], $2::text[], $3::text[], $4::text[])`,
        [
          slice.map((_, k) => i + k),
          slice.map((n) => n.fullName),
          slice.map((n) => n.gender),
          slice.map((n) => n.sortKey),
        ],
      );
    }
    await handle.query(
      'create temporary table gen_units as select (row_number() over (order by path)) - 1 as n, id from units',
    );
    await handle.query('alter table gen_units add primary key (n)');
    const indexes = await handle.query<{ indexname: string; indexdef: string }>(
      `select indexname, indexdef from pg_indexes where tablename = 'persons' and indexname <> 'persons_pkey'
       and indexname not in ('persons_identity_key', 'persons_user_key', 'persons_id_number_key')`,
    );
    for (const index of indexes) await handle.query(`drop index ${index.indexname}`);
    for (let from = 0; from < options.persons; from += PERSON_CHUNK) {
      const to = Math.min(options.persons, from + PERSON_CHUNK) - 1;
      // Person i works in unit i % U; its ordinal in the unit (i / U) keeps (unit, name, birth date) unique.
      await handle.query(
        `insert into persons (full_name, gender, birth_date, category, position, is_leader, is_direct_worker, unit_id, sort_key)
         select nm.full_name, nm.gender,
           date '1965-01-01' + (((i / $3) * 397 + (i % $3) * 13) % 12000)::int,
           (array['${CATEGORIES.join("','")}'])[1 + (i % 5)],
           case when i / $3 = 0 then 'Thủ trưởng đơn vị' when i % 3 = 0 then 'Nhân viên' else 'Chuyên viên' end,
           i / $3 < 2, i % 3 = 0, u.id, nm.sort_key
         from generate_series($1::bigint, $2::bigint) as i
         join gen_units u on u.n = i % $3
         join gen_names nm on nm.n = ((i * 7919) % $4)`,
        [from, to, units, names.length],
      );
      console.log(`  cán bộ / persons: ${to + 1} (${seconds(started)})`);
    }
    console.log(`Dựng lại chỉ mục / rebuilding ${indexes.length} indexes… (${seconds(started)})`);
    await handle.query(`set maintenance_work_mem = '256MB'`);
    for (const index of indexes) await handle.query(index.indexdef);
    await handle.query(
      'insert into employments (person_id, unit_id, position, started_on) select id, unit_id, position, birth_date + 8000 from persons',
    );
    await generateAwardRecords(handle, {
      fromYear: 2021,
      toYear: 2025,
      log: (line) => console.log(`${line} (${seconds(started)})`),
    });
    await handle.query('analyze');
    console.log(`Xong / done: ${units} đơn vị, ${options.persons} cán bộ trong ${seconds(started)}.`);
  } finally {
    await handle.close();
  }
}

/** `tdkt gen --provinces 34 --communes 3300 --units 100000 --persons 2500000` (PostgreSQL only). */
export function registerGenCommands(program: Command): void {
  program
    .command('gen')
    .description(
      'Sinh dữ liệu tổng hợp quy mô toàn quốc vào CSDL PostgreSQL trống / fill an empty PostgreSQL database with synthetic data',
    )
    .option('--provinces <n>', 'số tỉnh', '34')
    .option('--communes <n>', 'số xã, phường', '3300')
    .option('--units <n>', 'tổng số đơn vị', '100000')
    .option('--persons <n>', 'số cán bộ', '2500000')
    .action(async (raw: GenOptions) => {
      const url = process.env.DATABASE_URL;
      if (!url) {
        throw new AppError(
          'FORBIDDEN',
          'tdkt gen chỉ chạy trên PostgreSQL: đặt DATABASE_URL (không sinh dữ liệu lớn vào PGlite) / PostgreSQL only: set DATABASE_URL.',
        );
      }
      const options = {
        provinces: Number(raw.provinces),
        communes: Number(raw.communes),
        units: Number(raw.units),
        persons: Number(raw.persons),
      };
      if (
        Object.values(options).some((value) => !Number.isInteger(value) || value < 1) ||
        options.units < options.provinces * 19 + options.communes
      ) {
        throw new AppError(
          'VALIDATION_FAILED',
          'Tham số không hợp lệ: các số phải nguyên dương và --units ≥ 19 × tỉnh + số xã.',
        );
      }
      await generateDataset(url, options);
    });
}
