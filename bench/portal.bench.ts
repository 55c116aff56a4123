import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startServer } from '../tests/support/server-process.ts';
import { type EndpointFigures, measure } from './http.bench.ts';
import { startBareServer } from './organisation.bench.ts';
import { postgresWithDemo } from './platform.bench.ts';

const SECONDS = Number(process.env.TDKT_BENCH_SECONDS ?? 6);

/** The published demo decision the decision page shows. */
async function publishedDecisionId(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      `select id from decisions where published_at is not null and status = 'issued' order by published_at limit 1`,
    );
    if (!rows[0]) throw new Error('the demo has no published decision');
    return rows[0].id;
  } finally {
    await client.end();
  }
}

/** Every figure must come from 200 answers only. */
function checked(figures: EndpointFigures) {
  if (figures.errors + figures.non2xx > 0)
    throw new Error(`${figures.name}: ${figures.errors} errors, ${figures.non2xx} non-2xx`);
  return figures;
}

/**
 * The public portal on PostgreSQL with the demo data, without sign-in: req/s of the home page and of
 * a decision page (its list included) on the real server, against bare Fastify routes doing the same
 * reads and rendering (bench/portal-bare-server.ts), and a bare constant route as Fastify's ceiling.
 */
export async function runPortalBench() {
  const seedDir = mkdtempSync(path.join(tmpdir(), 'tdkt-bench-portal-'));
  const database = await postgresWithDemo(seedDir).finally(() =>
    rmSync(seedDir, { recursive: true, force: true }),
  );
  try {
    const id = await publishedDecisionId(database.url);
    const server = await startServer({ DATABASE_URL: database.url, TDKT_SESSION_SECRET: 'b'.repeat(48) });
    const bare = await startBareServer(database.url, 'bench/portal-bare-server.ts');
    try {
      const pairs = [
        ['GET /cong-khai', `${server.baseUrl}/cong-khai`, `${bare.baseUrl}/bare/home`],
        [
          'GET /cong-khai/quyet-dinh/:id',
          `${server.baseUrl}/cong-khai/quyet-dinh/${id}`,
          `${bare.baseUrl}/bare/decision?id=${id}`,
        ],
      ] as const;
      const endpoints: (EndpointFigures & { bareRequestsPerSecond: number; ratio: number })[] = [];
      for (const [name, real, twin] of pairs) {
        // A short unrecorded run of each first: both processes and the database caches warm alike.
        for (const url of [real, twin]) await measure('warm-up', url, { seconds: 2 });
        const figures = checked(await measure(name, real, { seconds: SECONDS }));
        const baseline = checked(await measure(`bare ${name}`, twin, { seconds: SECONDS }));
        const ratio =
          Math.round((figures.requestsPerSecond / Math.max(1, baseline.requestsPerSecond)) * 100) / 100;
        endpoints.push({ ...figures, bareRequestsPerSecond: baseline.requestsPerSecond, ratio });
      }
      const hello = checked(
        await measure('bare GET constant', `${bare.baseUrl}/bare/hello`, { seconds: SECONDS }),
      );
      return { endpoints, bareConstant: hello };
    } finally {
      await bare.stop();
      await server.stop();
    }
  } finally {
    await database.drop();
  }
}
