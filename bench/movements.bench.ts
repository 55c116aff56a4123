import path from 'node:path';
import pg from 'pg';
import { createScratchDatabase } from '../tests/support/postgres.ts';
import { httpSignIn, runCli, startServer } from '../tests/support/server-process.ts';
import { type EndpointFigures, measure, residentMegabytes } from './http.bench.ts';

const PASSWORD = 'bench-password-123';
/** 100,000 units as in production; few people, since the cascade never reads them. */
const SIZE = ['--provinces', '34', '--communes', '3300', '--units', '100000', '--persons', '20000'];
/** What the dashboard must stay under at the 99th percentile. */
const TARGET_MS = 1000;

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
    await client.query('analyze units; analyze plan_obligations; analyze movements');
    const { rows } = await client.query<{ id: string }>(`select id from units where code = 'P01'`);
    const [{ count }] = (await client.query<{ count: string }>('select count(*) from plan_obligations'))
      .rows as [{ count: string }];
    return { movementId, provinceId: rows[0]?.id as string, obligations: Number(count) };
  } finally {
    await client.end();
  }
}

/**
 * The cascade dashboard of a national movement over 100,000 units, at the top and one province down,
 * and the home page's to-do list of an admin, the national officer and a province officer.
 */
export async function runMovementsBench(): Promise<Record<string, unknown>> {
  const database = await createScratchDatabase('mvbench');
  const env = { DATABASE_URL: database.url, TDKT_SESSION_SECRET: 'b'.repeat(48) };
  try {
    const genStart = Date.now();
    const gen = await runCli(['gen', ...SIZE], env);
    if (gen.code !== 0) throw new Error(`tdkt gen failed:\n${gen.output}`);
    const genSeconds = (Date.now() - genStart) / 1000;
    const created = await runCli(
      ['user', 'create', '--username', 'bench.admin', '--role', 'admin', '--password', PASSWORD],
      env,
    );
    if (created.code !== 0) throw new Error(`tdkt user create failed:\n${created.output}`);
    const seedStart = Date.now();
    const seeded = await seedNationalMovement(database.url);
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
      if (officer.code !== 0) throw new Error(`tdkt user create failed:\n${officer.output}`);
    }
    const server = await startServer(env);
    try {
      const cookieOf = async (username: string) => {
        const session = await httpSignIn(server.baseUrl, username, PASSWORD);
        if (session.status !== 200) throw new Error(`bench login failed (${session.status})`);
        return { cookie: session.cookie };
      };
      const headers = await cookieOf('bench.admin');
      const base = `${server.baseUrl}/api/movements/${seeded.movementId}/cascade`;
      const todo = `${server.baseUrl}/api/todo`;
      const cases: [string, string, Record<string, string>][] = [
        ['GET /api/movements/:id/cascade (national, 34 provinces)', base, headers],
        ['GET /api/movements/:id/cascade?unitId=:province', `${base}?unitId=${seeded.provinceId}`, headers],
        // Home page: the admin walks ~30,000 pending obligations of units without an officer, the
        // national officer follows up ~30,000 overdue units (both counted up to 1,000), a province
        // officer reads their own obligation: each must stay a bounded, indexed query.
        ['GET /api/todo (admin: units without an officer)', todo, headers],
        ['GET /api/todo (national officer: follow-up)', todo, await cookieOf('bench.national')],
        ['GET /api/todo (province officer)', todo, await cookieOf('bench.province')],
      ];
      const endpoints: (EndpointFigures & { connections: number; rows: number; withinTarget: boolean })[] =
        [];
      for (const [name, url, headers] of cases) {
        const sample = await fetch(url, { headers });
        if (sample.status !== 200) throw new Error(`${name}: ${sample.status} ${await sample.text()}`);
        const body = (await sample.json()) as { rows?: unknown[]; items?: unknown[] };
        // One user opening the dashboard, then ten at once (the platform bench's load).
        for (const connections of [1, 10]) {
          const figures = await measure(name, url, { headers, seconds: 6, connections });
          endpoints.push({
            ...figures,
            connections,
            rows: (body.rows ?? body.items ?? []).length,
            withinTarget: figures.p99Ms < TARGET_MS,
          });
        }
      }
      return {
        dataset: SIZE.join(' '),
        genSeconds,
        seedSeconds,
        obligations: seeded.obligations,
        targetMs: TARGET_MS,
        endpoints,
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
