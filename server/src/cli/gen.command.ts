import type { Command } from 'commander';
import { generateAwardRecords } from '#server/modules/awards/gen-awards.ts';
import { type GenUnit, generateUnits, personNames } from '#server/modules/organisation/index.ts';
import { type DatabaseHandle, openPostgres } from '#server/platform/db/client.ts';
import { migrateDatabase } from '#server/platform/db/migrate.ts';
import { AppError } from '#server/platform/http/app-error.ts';

interface GenOptions {
  provinces: string;
  communes: string;
  units: string;
  persons: string;
}

const UNIT_BATCH = 20_000;
const PERSON_CHUNK = 250_000;
const CATEGORIES = ['cadre', 'civil_servant', 'public_employee', 'worker', 'soldier'];
/** The tables `tdkt gen` fills; their keys, indexes and foreign keys are rebuilt after the load. */
const LOADED_TABLES = ['units', 'persons', 'employments'];
/** The award records `tdkt gen` adds (several years of every person), loaded the same way in a second transaction. */
const AWARD_TABLES = ['award_person_ratings', 'award_received', 'award_initiatives'];

const seconds = (start: number) => `${((Date.now() - start) / 1000).toFixed(1)} s`;

/** Units in one statement per batch: one array parameter per column, unnested into rows. */
async function insertUnits(handle: DatabaseHandle, batch: GenUnit[]) {
  await handle.query(
    `insert into units (id, parent_id, path, name, short_name, code, kind, is_collegial, sort_key)
     select * from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                          $8::boolean[], $9::text[])`,
    [
      batch.map((u) => u.id),
      batch.map((u) => u.parentId),
      batch.map((u) => u.path),
      batch.map((u) => u.name),
      batch.map((u) => u.shortName),
      batch.map((u) => u.code),
      batch.map((u) => u.kind),
      batch.map((u) => u.isCollegial),
      batch.map((u) => u.sortKey),
    ],
  );
}

/** One statement that rebuilds what the load removed, and the table it belongs to. */
interface Rebuild {
  table: string;
  sql: string;
}

/**
 * Removes, for the duration of the load, every index, key and foreign key of the loaded tables
 * (and foreign keys of other tables pointing at them): a bulk load then only appends rows, and the
 * indexes are built once by sorting, the foreign keys checked once by a join. Returns the
 * statements that put them back, keys first, then indexes, then foreign keys.
 */
async function dropForLoad(
  handle: DatabaseHandle,
  tables: string[],
): Promise<{ keys: Rebuild[]; indexes: Rebuild[]; foreign: Rebuild[] }> {
  const foreign = await handle.query<Rebuild & { drop: string }>(
    `select conrelid::regclass::text as table,
            format('alter table %s drop constraint %I', conrelid::regclass, conname) as drop,
            format('alter table %s add constraint %I %s', conrelid::regclass, conname, pg_get_constraintdef(oid)) as sql
       from pg_constraint
      where contype = 'f' and (conrelid = any($1::regclass[]) or confrelid = any($1::regclass[]))`,
    [tables],
  );
  const keys = await handle.query<Rebuild & { drop: string }>(
    `select conrelid::regclass::text as table,
            format('alter table %s drop constraint %I', conrelid::regclass, conname) as drop,
            format('alter table %s add constraint %I %s', conrelid::regclass, conname, pg_get_constraintdef(oid)) as sql
       from pg_constraint
      where contype in ('p', 'u') and conrelid = any($1::regclass[])`,
    [tables],
  );
  const indexes = await handle.query<Rebuild & { drop: string }>(
    `select i.indrelid::regclass::text as table, format('drop index %s', i.indexrelid::regclass) as drop,
            pg_get_indexdef(i.indexrelid) as sql
       from pg_index i
      where i.indrelid = any($1::regclass[])
        and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid and c.contype in ('p', 'u', 'x'))`,
    [tables],
  );
  for (const item of [...foreign, ...indexes, ...keys]) await handle.query(item.drop);
  const strip = (items: (Rebuild & { drop: string })[]) => items.map(({ table, sql }) => ({ table, sql }));
  return { keys: strip(keys), indexes: strip(indexes), foreign: strip(foreign) };
}

/** Seconds spent per step and per table, as `tdkt gen` reports them. */
export interface GenTimings {
  /** Loading rows, per table. */
  load: Record<string, number>;
  /** Award records (ratings, titles) for several years, after the organisation is loaded. */
  awards: number;
  /** Rebuilding keys and indexes, per table. */
  indexes: Record<string, number>;
  /** Checking and restoring the foreign keys. */
  foreignKeys: number;
  analyze: number;
  total: number;
}

/**
 * Fills an empty PostgreSQL database with a national-scale synthetic dataset, in one transaction
 * (a failure leaves the database as it was): the keys, indexes and foreign keys of units, persons
 * and employments are dropped first; units go in with unnest() over one array per column, 20,000
 * a statement (their sort keys computed in TypeScript); people with INSERT … SELECT generate_series
 * in chunks of 250,000 (names and sort keys from a prepared table); employments with one
 * INSERT … SELECT; then keys and indexes are rebuilt by sorting, foreign keys checked by one join
 * each, and the whole database vacuumed and analysed. Prints and returns the seconds of each step.
 */
export async function generateDataset(
  url: string,
  options: { provinces: number; communes: number; units: number; persons: number },
): Promise<GenTimings> {
  const started = Date.now();
  const timings: GenTimings = { load: {}, indexes: {}, foreignKeys: 0, analyze: 0, awards: 0, total: 0 };
  const step = async (record: (s: number) => void, work: () => Promise<unknown>) => {
    const from = Date.now();
    await work();
    record((Date.now() - from) / 1000);
  };
  // One connection: the transaction, temporary tables and session settings below belong to it.
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
    await handle.query('begin');
    await handle.query(`set local maintenance_work_mem = '512MB'`);
    const rebuild = await dropForLoad(handle, LOADED_TABLES);

    let units = 0;
    await step(
      (s) => {
        timings.load.units = s;
      },
      async () => {
        let batch: GenUnit[] = [];
        for (const unit of generateUnits(options)) {
          batch.push(unit);
          if (batch.length === UNIT_BATCH) {
            await insertUnits(handle, batch);
            units += batch.length;
            batch = [];
          }
        }
        if (batch.length) await insertUnits(handle, batch);
        units += batch.length;
      },
    );
    console.log(`Đã tạo ${units} đơn vị / units created (${seconds(started)})`);

    await step(
      (s) => {
        timings.load.persons = s;
      },
      async () => {
        const names = personNames();
        await handle.query(
          'create temporary table gen_names (n int primary key, full_name text, gender text, sort_key text collate "C") on commit drop',
        );
        await handle.query(
          `insert into gen_names select * from unnest($1::int[], $2::text[], $3::text[], $4::text[])`,
          [
            names.map((_, k) => k),
            names.map((n) => n.fullName),
            names.map((n) => n.gender),
            names.map((n) => n.sortKey),
          ],
        );
        await handle.query(
          'create temporary table gen_units on commit drop as select (row_number() over (order by path)) - 1 as n, id from units',
        );
        await handle.query('alter table gen_units add primary key (n)');
        await handle.query('analyze gen_names; analyze gen_units');
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
      },
    );
    await step(
      (s) => {
        timings.load.employments = s;
      },
      () =>
        handle.query(
          'insert into employments (person_id, unit_id, position, started_on) select id, unit_id, position, birth_date + 8000 from persons',
        ),
    );
    console.log(`Dựng lại khóa và chỉ mục / rebuilding keys and indexes… (${seconds(started)})`);
    for (const item of [...rebuild.keys, ...rebuild.indexes]) {
      await step(
        (s) => {
          timings.indexes[item.table] = (timings.indexes[item.table] ?? 0) + s;
        },
        () => handle.query(item.sql),
      );
    }
    await step(
      (s) => {
        timings.foreignKeys = s;
      },
      async () => {
        for (const item of rebuild.foreign) await handle.query(item.sql);
      },
    );
    await handle.query('commit');
    await step(
      (s) => {
        timings.analyze = s;
      },
      // VACUUM as well as ANALYZE: a bulk load leaves every page not yet all-visible, so without it
      // (autovacuum may be off, and is late after a load) counts and searches read the heap row by
      // row instead of answering from the index alone (index-only scans), and set hint bits as they go.
      () => handle.query('vacuum (analyze)'),
    );
    timings.total = (Date.now() - started) / 1000;
    const round = (value: number) => Math.round(value * 10) / 10;
    for (const table of LOADED_TABLES) {
      console.log(
        `  ${table}: nạp / load ${round(timings.load[table] ?? 0)} s, khóa và chỉ mục / keys and indexes ${round(timings.indexes[table] ?? 0)} s`,
      );
    }
    console.log(
      `  khóa ngoại / foreign keys ${round(timings.foreignKeys)} s, VACUUM ANALYZE ${round(timings.analyze)} s`,
    );
    await step(
      (s) => {
        timings.awards = s;
      },
      () =>
        loadAwardRecords(handle, {
          fromYear: 2021,
          toYear: 2025,
          log: (line) => console.log(`${line} (${seconds(started)})`),
        }),
    );
    timings.total = (Date.now() - started) / 1000;
    console.log(`Xong / done: ${units} đơn vị, ${options.persons} cán bộ trong ${seconds(started)}.`);
    return timings;
  } catch (error) {
    await handle.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await handle.close();
  }
}

/**
 * Adds the award records of every person for the years given, in one transaction, the way the
 * organisation is loaded: the award tables' keys, indexes and foreign keys dropped and their
 * triggers off (each record is written with its person's unit, which the trigger would set), rows
 * appended, then keys and indexes rebuilt by sorting and foreign keys checked by one join each; then
 * the tables vacuumed and analysed. Millions of rows, each with a trigger and three index entries
 * written one by one, took minutes per year.
 */
export async function loadAwardRecords(
  handle: DatabaseHandle,
  options: { fromYear: number; toYear: number; log?: (line: string) => void },
): Promise<void> {
  await handle.query('begin');
  try {
    await handle.query(`set local maintenance_work_mem = '512MB'`);
    const rebuild = await dropForLoad(handle, AWARD_TABLES);
    for (const table of AWARD_TABLES) await handle.query(`alter table ${table} disable trigger user`);
    await generateAwardRecords(handle, options);
    for (const item of [...rebuild.keys, ...rebuild.indexes, ...rebuild.foreign])
      await handle.query(item.sql);
    for (const table of AWARD_TABLES) await handle.query(`alter table ${table} enable trigger user`);
    await handle.query('commit');
  } catch (error) {
    await handle.query('rollback').catch(() => undefined);
    throw error;
  }
  options.log?.('  chỉ mục hồ sơ khen thưởng / award record indexes rebuilt');
  await handle.query(`vacuum (analyze) ${AWARD_TABLES.join(', ')}`);
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
