import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createScratchDatabase } from '../tests/support/postgres.ts';
import { httpSignIn, runCli, startServer } from '../tests/support/server-process.ts';
import { type EndpointFigures, measure, residentMegabytes } from './http.bench.ts';

const PASSWORD = 'bench-password-123';

/** Health and an authenticated read (a page of the audit log) on one running server. */
async function measureServer(baseUrl: string, pid: number, username: string) {
  const session = await httpSignIn(baseUrl, username, PASSWORD);
  if (session.status !== 200) throw new Error(`bench login failed (${session.status})`);
  const endpoints: EndpointFigures[] = [];
  endpoints.push(await measure('GET /api/health', `${baseUrl}/api/health`));
  endpoints.push(
    await measure(
      'GET /api/audit-events?pageSize=20 (signed in)',
      `${baseUrl}/api/audit-events?pageSize=20`,
      {
        headers: { cookie: session.cookie },
      },
    ),
  );
  return { endpoints, serverRssMb: residentMegabytes(pid) };
}

/** The platform baseline on the embedded PGlite and on PostgreSQL. */
export async function runPlatformBench() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tdkt-bench-'));
  const pglite = await startServer({ TDKT_DATA_DIR: dataDir, TDKT_DEMO_PASSWORD: PASSWORD });
  let pgliteFigures: Awaited<ReturnType<typeof measureServer>>;
  try {
    pgliteFigures = await measureServer(pglite.baseUrl, pglite.pid, 'demo.admin');
  } finally {
    await pglite.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }

  const database = await createScratchDatabase('bench');
  const env = { DATABASE_URL: database.url, TDKT_SESSION_SECRET: 'b'.repeat(48) };
  try {
    await runCli(
      ['user', 'create', '--username', 'bench.admin', '--role', 'admin', '--password', PASSWORD],
      env,
    );
    const postgres = await startServer(env);
    try {
      return {
        pglite: pgliteFigures,
        postgres: await measureServer(postgres.baseUrl, postgres.pid, 'bench.admin'),
      };
    } finally {
      await postgres.stop();
    }
  } finally {
    await database.drop();
  }
}
