import path from 'node:path';
import pg from 'pg';
import { createScratchDatabase } from '../tests/support/postgres.ts';
import { httpSignIn, runCli, startServer } from '../tests/support/server-process.ts';
import { type EndpointFigures, measure, residentMegabytes } from './http.bench.ts';
import {
  BENCH_PASSWORD,
  ensureBenchAdmin,
  formatTarget,
  nationalDatabase,
  type TargetFigure,
  target,
} from './targets.ts';

const PASSWORD = BENCH_PASSWORD;
/** 100,000 units as in production; few people, since the cascade never reads them. */
const SIZE = ['--provinces', '34', '--communes', '3300', '--units', '100000', '--persons', '20000'];
/** What the to-do list must stay under at the 99th percentile. */
const TARGET_MS = 1000;
/** The national cascade dashboard's p99 at 10 connections, without a cache of identical requests (issue 9). */
const CASCADE_TARGET_MS = 200;

/**
 * Puts the generated provinces under one national root, inserts a launched national movement and one
 * obligation per unit, set-based, with mixed statuses (issued on time or late, not applicable,
 * pending past the deadline = missing, pending). Returns the ids the benchmark asks for.
 */
export async function seedNationalMovement(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const rootId = crypto.randomUUID();
    const movementId = crypto.randomUUID();
    await client.query('begin');
    await client.query(
      `insert into units (id, path, name, code, kind, is_collegial, sort_key)
       values ($1, $2, 'Chính phủ', 'VN', 'central', true, 'chinh phu')`,
      [rootId, `/${rootId}/`],
    );
    await client.query(`update units set path = $2 || substr(path, 2) where id <> $1::uuid`, [
      rootId,
      `/${rootId}/`,
    ]);
    await client.query(`update units set parent_id = $1 where parent_id is null and id <> $1`, [rootId]);
    await client.query(
      `insert into movements (id, name, kind, status, period_from, period_to, launching_unit_id,
         root_movement_id, plan_deadline, launched_at)
       values ($1, 'Phong trào thi đua “Cả nước chung tay vì người nghèo”', 'thematic', 'launched', 2026, 2030,
         $2, $1, '2026-06-30', '2026-03-01T08:00:00+07:00')`,
      [movementId, rootId],
    );
    // Ten buckets by a hash of the unit id: 4 on time, 2 late, 1 not applicable, 3 still pending
    // (past the deadline, so "missing" on the dashboard).
    await client.query(
      `insert into plan_obligations (movement_id, root_movement_id, unit_id, state, due_on, issued_at, reason)
       select $1, $1, u.id,
         case when b.k < 6 then 'issued' when b.k = 6 then 'not_applicable' else 'pending' end,
         date '2026-06-30',
         case when b.k < 4 then timestamptz '2026-05-15 09:00+07'
              when b.k < 6 then timestamptz '2026-08-01 09:00+07' end,
         case when b.k = 6 then 'Đơn vị không thuộc đối tượng' end
       from units u cross join lateral (select abs(hashtext(u.id::text)) % 10 as k) b
       where u.id <> $2::uuid`,
      [movementId, rootId],
    );
    await client.query('commit');
    // VACUUM too: every unit row was just rewritten and 100,000 obligations added (autovacuum may be off).
    await client.query('vacuum (analyze) units, plan_obligations, cascade_counts, movements');
    const { rows } = await client.query<{ id: string }>(`select id from units where code = 'P01'`);
    const [{ count }] = (await client.query<{ count: string }>('select count(*) from plan_obligations'))
      .rows as [{ count: string }];
    return { movementId, provinceId: rows[0]?.id as string, obligations: Number(count) };
  } finally {
    await client.end();
  }
}

/** The national movement a previous run seeded into a reused database, if any. */
async function seededBefore(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string; obligations: number }>(
      `select m.id, (select count(*)::int from plan_obligations p where p.root_movement_id = m.id) as obligations
       from movements m where m.name like 'Phong trào thi đua “Cả nước chung tay%' limit 1`,
    );
    const province = await client.query<{ id: string }>(`select id from units where code = 'P01'`);
    const movement = rows[0];
    return movement
      ? {
          movementId: movement.id,
          provinceId: province.rows[0]?.id as string,
          obligations: movement.obligations,
        }
      : null;
  } finally {
    await client.end();
  }
}

/** A cascade URL's distinct variants (page sizes 20 to 49): no two requests in a row are the same. */
const distinctPaths = (path: string) =>
  Array.from({ length: 30 }, (_, i) => `${path}${path.includes('?') ? '&' : '?'}limit=${20 + i}`);

/**
 * The cascade dashboard of a national movement over 100,000 units, at the top and one province down,
 * and the home page's to-do list of an admin, the national officer and a province officer. With
 * TDKT_BENCH_DATABASE_URL the national database is reused (the movement seeded once, kept for the
 * next run); else a scratch database is generated. The dashboards are measured on distinct requests.
 */
export async function runMovementsBench(): Promise<Record<string, unknown>> {
  const reused = process.env.TDKT_BENCH_DATABASE_URL;
  const database = reused
    ? await nationalDatabase('mvbench')
    : { ...(await createScratchDatabase('mvbench')), reused: false };
  const env = { DATABASE_URL: database.url, TDKT_SESSION_SECRET: 'b'.repeat(48) };
  try {
    let genSeconds: number | null = null;
    if (!reused) {
      const genStart = Date.now();
      const gen = await runCli(['gen', ...SIZE], env);
      if (gen.code !== 0) throw new Error(`tdkt gen failed:\n${gen.output}`);
      genSeconds = (Date.now() - genStart) / 1000;
    }
    await ensureBenchAdmin(database.url);
    const seedStart = Date.now();
    const seeded =
      (reused && (await seededBefore(database.url))) || (await seedNationalMovement(database.url));
    const seedSeconds = (Date.now() - seedStart) / 1000;
    // The national movement's launching officer follows up every unit; a province's officer owes a plan.
    for (const [username, unit] of [
      ['bench.national', 'VN'],
      ['bench.province', 'P01'],
    ] as const) {
      const officer = await runCli(
        [
          'user',
          'create',
          '--username',
          username,
          '--role',
          'tdkt_officer',
          '--unit',
          unit,
          '--password',
          PASSWORD,
        ],
        env,
      );
      if (officer.code !== 0 && !(reused && /đã được sử dụng|đã tồn tại/i.test(officer.output)))
        throw new Error(`tdkt user create failed:\n${officer.output}`);
    }
    const server = await startServer(env);
    try {
      const cookieOf = async (username: string) => {
        const session = await httpSignIn(server.baseUrl, username, PASSWORD);
        if (session.status !== 200) throw new Error(`bench login failed (${session.status})`);
        return { cookie: session.cookie };
      };
      const headers = await cookieOf('bench.admin');
      const cascade = `/api/movements/${seeded.movementId}/cascade`;
      const cases: [string, string, Record<string, string>, string[] | undefined][] = [
        [
          'GET /api/movements/:id/cascade (national, 34 provinces, distinct requests)',
          cascade,
          headers,
          distinctPaths(cascade),
        ],
        [
          'GET /api/movements/:id/cascade?unitId=:province (distinct requests)',
          `${cascade}?unitId=${seeded.provinceId}`,
          headers,
          distinctPaths(`${cascade}?unitId=${seeded.provinceId}`),
        ],
        // Home page: the admin walks ~30,000 pending obligations of units without an officer, the
        // national officer follows up ~30,000 overdue units (both counted up to 1,000), a province
        // officer reads their own obligation: each must stay a bounded, indexed query.
        ['GET /api/todo (admin: units without an officer)', '/api/todo', headers, undefined],
        [
          'GET /api/todo (national officer: follow-up)',
          '/api/todo',
          await cookieOf('bench.national'),
          undefined,
        ],
        ['GET /api/todo (province officer)', '/api/todo', await cookieOf('bench.province'), undefined],
      ];
      const endpoints: (EndpointFigures & { connections: number; rows: number; withinTarget: boolean })[] =
        [];
      const targets: TargetFigure[] = [];
      for (const [name, path, headers, paths] of cases) {
        const url = `${server.baseUrl}${path}`;
        const sample = await fetch(url, { headers });
        if (sample.status !== 200) throw new Error(`${name}: ${sample.status} ${await sample.text()}`);
        const body = (await sample.json()) as { rows?: unknown[]; items?: unknown[] };
        const isCascade = path.startsWith(cascade);
        // One user opening the dashboard, then ten at once (the platform bench's load).
        for (const connections of [1, 10]) {
          const figures = await measure(name, url, { headers, seconds: 6, connections, paths });
          const limit = isCascade ? CASCADE_TARGET_MS : TARGET_MS;
          endpoints.push({
            ...figures,
            connections,
            rows: (body.rows ?? body.items ?? []).length,
            withinTarget: figures.p99Ms < limit,
          });
          const figure = target(`p99 ${name} (${connections} kết nối)`, figures.p99Ms, limit, 'ms');
          if (connections === 10) targets.push(figure);
          console.log(`    ${formatTarget(figure)}, ${figures.requestsPerSecond} req/s`);
        }
      }
      return {
        dataset: reused ? 'existing national database (TDKT_BENCH_DATABASE_URL)' : SIZE.join(' '),
        genSeconds,
        seedSeconds,
        obligations: seeded.obligations,
        targetMs: TARGET_MS,
        cascadeTargetMs: CASCADE_TARGET_MS,
        endpoints,
        targets,
        serverRssMb: residentMegabytes(server.pid),
      };
    } finally {
      await server.stop();
    }
  } finally {
    await database.drop();
  }
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const result = await runMovementsBench();
  console.log(JSON.stringify(result, null, 2));
}
