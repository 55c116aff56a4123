import path from 'node:path';
import pg from 'pg';
import { createScratchDatabase } from '../tests/support/postgres.ts';
import { httpSignIn, runCli, startServer } from '../tests/support/server-process.ts';
import { type EndpointFigures, measure } from './http.bench.ts';
import { seedNationalMovement } from './movements.bench.ts';

const PASSWORD = 'bench-password-123';
/**
 * The national dataset (`tdkt gen` defaults), unless TDKT_BENCH_LISTS_DATABASE_URL (or, as every national
 * bench, TDKT_BENCH_DATABASE_URL) names one already generated.
 */
const SIZE: string[] = [];
const AUDIT_EVENTS = Number(process.env.TDKT_BENCH_AUDIT_ROWS ?? 1_000_000);
/** A deep page costs at most this many times page 1 (issue 9). */
const DEEP_RATIO_TARGET = 1.5;
/** The national cascade dashboard's p99 at 10 connections (issue 9). */
const CASCADE_TARGET_MS = 200;

/** Base64url JSON, as the server writes cursors. */
const cursorOf = (values: unknown[]) => Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');

/**
 * What the lists need beyond `tdkt gen`: a launched national movement with one obligation per unit
 * (movements.bench.ts), ~1M audit events over two years, a notification per unit for the admin and
 * a unit registration per unit, all set-based. Idempotent: a database seeded before is reused.
 */
export async function seedLists(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const existing = await client.query<{ id: string }>(
      `select id from movements where name like 'Phong trào thi đua “Cả nước chung tay%' limit 1`,
    );
    let movementId = existing.rows[0]?.id;
    if (!movementId) movementId = (await seedNationalMovement(url)).movementId;
    const [{ n: events }] = (await client.query<{ n: number }>('select count(*)::int as n from audit_events'))
      .rows as [{ n: number }];
    if (events < AUDIT_EVENTS / 2) {
      // As the table's owner, with the chain triggers off: the bench never verifies this chain.
      await client.query('begin');
      await client.query('alter table audit_events disable trigger user');
      await client.query(
        `insert into audit_events (occurred_at, actor_username, action, entity_type, entity_id, after, seq, prev_hash, hash)
         select timestamptz '2025-01-01 08:00+07' + (i * interval '60 seconds'),
           'user' || (i % 500),
           (array['auth.login','person.update','unit.update','council.update','registration.submit'])[1 + i % 5],
           (array['user','person','unit','council','registration'])[1 + i % 5],
           (i % 100000)::text,
           jsonb_build_object('i', i),
           $1::bigint + i, repeat('0', 64), repeat('0', 64)
         from generate_series(1, $2::int) as i`,
        [events, AUDIT_EVENTS],
      );
      await client.query('alter table audit_events enable trigger user');
      await client.query('commit');
      await client.query('vacuum (analyze) audit_events');
    }
    const admin = await client.query<{ id: string }>(`select id from users where username = 'bench.admin'`);
    const adminId = admin.rows[0]?.id;
    if (adminId) {
      await client.query(
        `insert into notifications (user_id, kind, title, body, created_at, dedupe_key)
         select $1, 'movement.launched', 'Phát động phong trào', 'Đơn vị ' || u.code,
           timestamptz '2025-01-01 08:00+07' + (row_number() over (order by u.id) * interval '1 minute'),
           'bench:' || u.id
         from units u
         on conflict do nothing`,
        [adminId],
      );
      await client.query('vacuum (analyze) notifications');
    }
    await client.query(
      `insert into registrations (movement_id, kind, unit_id, status, pledge)
       select $1, 'unit', u.id, 'submitted', 'Đăng ký thi đua của ' || u.code from units u
       where u.parent_id is not null
       on conflict do nothing`,
      [movementId],
    );
    await client.query('vacuum (analyze) registrations');
    const deep = async (query: string) => (await client.query(query)).rows[0] as Record<string, unknown>;
    // The rows 90 % of the way down each list, as a user paging that far would hold in a cursor.
    const audit = await deep(
      `select to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as m, id
       from audit_events order by occurred_at desc, id desc offset ${Math.floor(AUDIT_EVENTS * 0.9)} limit 1`,
    );
    const notification = adminId
      ? await deep(
          `select to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as m, id
           from notifications where user_id = '${adminId}' order by created_at desc, id desc offset 90000 limit 1`,
        )
      : null;
    const registration = await deep(
      `select u.sort_key, u.id as unit_id, r.kind, r.id from registrations r join units u on u.id = r.unit_id
       where r.movement_id = '${movementId}' order by u.sort_key, u.id, r.kind, r.id offset 90000 limit 1`,
    );
    const province = await deep(`select id from units where code = 'P01'`);
    const provinceChild = await deep(
      `select sort_key, id from units where parent_id = '${province.id}' order by sort_key, id
       offset (select count(*) * 9 / 10 from units where parent_id = '${province.id}') limit 1`,
    );
    return {
      movementId,
      provinceId: province.id as string,
      cursors: {
        audit: cursorOf([audit.m, Number(audit.id)]),
        notifications: notification ? cursorOf([notification.m, notification.id]) : null,
        registrations: cursorOf([
          registration.sort_key,
          registration.unit_id,
          registration.kind,
          '',
          registration.id,
        ]),
        provinceChildren: provinceChild ? cursorOf([provinceChild.sort_key, provinceChild.id]) : null,
      },
    };
  } finally {
    await client.end();
  }
}

/**
 * Page 1 against a page 90 % of the way down each list (audit events, notifications,
 * registrations, a province's subordinates on the cascade), and the cascade dashboard at the
 * national level and one province down, at 1 and 10 connections, on the national dataset.
 */
export async function runListsBench(): Promise<Record<string, unknown>> {
  const reuse = process.env.TDKT_BENCH_LISTS_DATABASE_URL ?? process.env.TDKT_BENCH_DATABASE_URL;
  const database = reuse ? { url: reuse, drop: async () => {} } : await createScratchDatabase('listsbench');
  const env = { DATABASE_URL: database.url, TDKT_SESSION_SECRET: 'b'.repeat(48) };
  try {
    if (!reuse) {
      const gen = await runCli(['gen', ...SIZE], env);
      if (gen.code !== 0) throw new Error(`tdkt gen failed:\n${gen.output}`);
    }
    const created = await runCli(
      ['user', 'create', '--username', 'bench.admin', '--role', 'admin', '--password', PASSWORD],
      env,
    );
    if (created.code !== 0 && !/đã được sử dụng|đã tồn tại/i.test(created.output)) {
      throw new Error(`tdkt user create failed:\n${created.output}`);
    }
    const seedStart = Date.now();
    const seeded = await seedLists(database.url);
    const seedSeconds = (Date.now() - seedStart) / 1000;
    const server = await startServer(env);
    try {
      const session = await httpSignIn(server.baseUrl, 'bench.admin', PASSWORD);
      if (session.status !== 200) throw new Error(`bench login failed (${session.status})`);
      const headers = { cookie: session.cookie };
      const base = server.baseUrl;
      const cascade = `${base}/api/movements/${seeded.movementId}/cascade`;
      const pairs: [string, string, string | null][] = [
        ['GET /api/audit-events', `${base}/api/audit-events?limit=20`, seeded.cursors.audit],
        ['GET /api/notifications', `${base}/api/notifications?limit=20`, seeded.cursors.notifications],
        [
          'GET /api/movements/:id/registrations',
          `${base}/api/movements/${seeded.movementId}/registrations?limit=20`,
          seeded.cursors.registrations,
        ],
        [
          'GET /api/movements/:id/cascade?unitId=:province (subordinates)',
          `${cascade}?unitId=${seeded.provinceId}&limit=20`,
          seeded.cursors.provinceChildren,
        ],
      ];
      const deepPages: {
        name: string;
        first: EndpointFigures;
        deep: EndpointFigures;
        ratio: number;
        withinTarget: boolean;
      }[] = [];
      for (const [name, url, cursor] of pairs) {
        if (!cursor) continue;
        const deepUrl = `${url}&after=${cursor}`;
        for (const check of [url, deepUrl]) {
          const sample = await fetch(check, { headers });
          if (sample.status !== 200) throw new Error(`${name}: ${sample.status} ${await sample.text()}`);
        }
        const first = await measure(`${name} page 1`, url, { headers, seconds: 5, connections: 1 });
        const deep = await measure(`${name} deep page`, deepUrl, { headers, seconds: 5, connections: 1 });
        const ratio = Math.round((deep.p50Ms / Math.max(first.p50Ms, 0.5)) * 100) / 100;
        deepPages.push({ name, first, deep, ratio, withinTarget: ratio <= DEEP_RATIO_TARGET });
      }
      const dashboards: (EndpointFigures & { connections: number; withinTarget: boolean })[] = [];
      for (const [name, url] of [
        ['GET /api/movements/:id/cascade (national)', cascade],
        ['GET /api/movements/:id/cascade?unitId=:province', `${cascade}?unitId=${seeded.provinceId}`],
      ] as const) {
        for (const connections of [1, 10]) {
          const figures = await measure(name, url, { headers, seconds: 6, connections });
          dashboards.push({ ...figures, connections, withinTarget: figures.p99Ms < CASCADE_TARGET_MS });
        }
      }
      return {
        auditEvents: AUDIT_EVENTS,
        seedSeconds,
        deepRatioTarget: DEEP_RATIO_TARGET,
        cascadeTargetMs: CASCADE_TARGET_MS,
        deepPages,
        dashboards,
      };
    } finally {
      await server.stop();
    }
  } finally {
    await database.drop();
  }
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const result = await runListsBench();
  console.log(JSON.stringify(result, null, 2));
}
