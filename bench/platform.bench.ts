import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { seedDemo } from '#server/modules/demo/index.ts';
import { openPglite, openPostgres } from '#server/platform/db/client.ts';
import { migrateDatabase } from '#server/platform/db/migrate.ts';
import { createScratchDatabase } from '../tests/support/postgres.ts';
import { httpSignIn, startServer } from '../tests/support/server-process.ts';
import { type EndpointFigures, measure, residentMegabytes } from './http.bench.ts';
import { type TargetFigure, target } from './targets.ts';

const PASSWORD = 'bench-password-123';
/** PGlite must reach at least this share of PostgreSQL's req/s on the same demo data (issue 9 item 4). */
export const PGLITE_SHARE = 1 / 3;

/** The reads compared on both engines: health, then the three lists issue 9 names. */
const CASES: { key: string; name: string; url: string; compared: boolean }[] = [
  { key: 'health', name: 'GET /api/health', url: '/api/health', compared: false },
  {
    key: 'auditList',
    name: 'GET /api/audit-events?pageSize=20',
    url: '/api/audit-events?pageSize=20',
    compared: true,
  },
  {
    key: 'personList',
    name: 'GET /api/persons?pageSize=20',
    url: '/api/persons?pageSize=20',
    compared: true,
  },
  {
    key: 'unitSearch',
    name: 'GET /api/units?q=lai chau',
    url: `/api/units?q=${encodeURIComponent('lai chau')}&pageSize=20`,
    compared: true,
  },
];

interface EngineFigures {
  endpoints: (EndpointFigures & { key: string })[];
  /** Resident memory of the server once started and signed in, before any load. */
  idleRssMb: number;
  /** Resident memory after the load. */
  serverRssMb: number;
}

/** Every case on one running server, signed in as the demo administrator. */
async function measureServer(baseUrl: string, pid: number): Promise<EngineFigures> {
  const session = await httpSignIn(baseUrl, 'demo.admin', PASSWORD);
  if (session.status !== 200) throw new Error(`bench login failed (${session.status})`);
  // Let start-up garbage settle before reading the idle figure.
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const idleRssMb = residentMegabytes(pid);
  const endpoints: EngineFigures['endpoints'] = [];
  for (const item of CASES) {
    const figures = await measure(item.name, `${baseUrl}${item.url}`, {
      headers: { cookie: session.cookie },
    });
    if (figures.errors + figures.non2xx > 0) {
      throw new Error(`${item.name}: ${figures.errors} errors, ${figures.non2xx} non-2xx`);
    }
    endpoints.push({ ...figures, key: item.key });
  }
  return { endpoints, idleRssMb, serverRssMb: residentMegabytes(pid) };
}

/** A PostgreSQL scratch database with the same demo data the embedded server seeds on first start. */
export async function postgresWithDemo(dataDir: string) {
  const database = await createScratchDatabase('bench');
  try {
    const handle = await openPostgres(database.url, 2);
    try {
      await migrateDatabase(handle, database.url);
      await seedDemo(handle.db, { dataDir, fixedPassword: PASSWORD });
      await handle.query('analyze');
    } finally {
      await handle.close();
    }
  } catch (error) {
    await database.drop();
    throw error;
  }
  return database;
}

/**
 * The platform on the embedded PGlite and on PostgreSQL, both with the demo data: req/s, latency,
 * server memory, and PGlite's share of PostgreSQL's req/s on the audit list, the persons list and
 * unit search (target ≥ 1/3).
 */
export async function runPlatformBench() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tdkt-bench-'));
  let pglite: EngineFigures;
  try {
    // The data folder is created and seeded here, as a first start would, then closed: the server
    // measured is an ordinary start of an existing folder (and needs no long first start).
    const handle = await openPglite(dataDir);
    try {
      await migrateDatabase(handle);
      await seedDemo(handle.db, { dataDir, fixedPassword: PASSWORD });
    } finally {
      await handle.close();
    }
    const server = await startServer({ TDKT_DATA_DIR: dataDir, TDKT_DEMO_PASSWORD: PASSWORD });
    try {
      pglite = await measureServer(server.baseUrl, server.pid);
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }

  const seedDir = mkdtempSync(path.join(tmpdir(), 'tdkt-bench-pg-'));
  const database = await postgresWithDemo(seedDir).finally(() =>
    rmSync(seedDir, { recursive: true, force: true }),
  );
  let postgres: EngineFigures;
  try {
    const server = await startServer({ DATABASE_URL: database.url, TDKT_SESSION_SECRET: 'b'.repeat(48) });
    try {
      postgres = await measureServer(server.baseUrl, server.pid);
    } finally {
      await server.stop();
    }
  } finally {
    await database.drop();
  }

  const ratios: {
    endpoint: string;
    pgliteRequestsPerSecond: number;
    postgresRequestsPerSecond: number;
    ratio: number;
  }[] = [];
  const targets: TargetFigure[] = [];
  for (const item of CASES.filter((c) => c.compared)) {
    const a = pglite.endpoints.find((e) => e.key === item.key)?.requestsPerSecond ?? 0;
    const b = postgres.endpoints.find((e) => e.key === item.key)?.requestsPerSecond ?? 0;
    const ratio = Math.round((a / Math.max(1, b)) * 100) / 100;
    ratios.push({ endpoint: item.name, pgliteRequestsPerSecond: a, postgresRequestsPerSecond: b, ratio });
    targets.push(
      target(`PGlite/PostgreSQL req/s ${item.name}`, ratio, Math.round(PGLITE_SHARE * 100) / 100, '', '≥'),
    );
  }
  return { pglite, postgres, ratios, targets };
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const { printTargets } = await import('./targets.ts');
  const result = await runPlatformBench();
  for (const [engine, figures] of [
    ['pglite', result.pglite],
    ['postgres', result.postgres],
  ] as const) {
    console.log(`\n${engine}: idle RSS ${figures.idleRssMb} MB, after load ${figures.serverRssMb} MB`);
    console.table(
      figures.endpoints.map((e) => ({
        endpoint: e.name,
        'req/s': e.requestsPerSecond,
        'p50 ms': e.p50Ms,
        'p99 ms': e.p99Ms,
      })),
    );
  }
  printTargets(result.targets);
}
