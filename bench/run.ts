import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { EndpointFigures } from './http.bench.ts';

// `npm run bench`: every benchmark on loopback; figures printed and kept in bench/results/ with date and commit.
// TDKT_BENCH_ONLY=platform,movements (comma list of documents, awards, platform, audit, organisation, movements) runs only those.
const root = path.resolve(import.meta.dirname, '..');
const commit = (() => {
  try {
    return execSync('git rev-parse --short HEAD', { cwd: root }).toString().trim();
  } catch {
    return 'unknown';
  }
})();
const date = new Date().toISOString();
const only = new Set(
  (process.env.TDKT_BENCH_ONLY ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean),
);
/** True when the part is to run: every part unless TDKT_BENCH_ONLY names some. */
const runs = (part: string) => only.size === 0 || only.has(part);

/** Prints endpoint figures as a table, with any extra columns named. */
function printEndpoints(
  endpoints: EndpointFigures[],
  extra: (e: EndpointFigures) => Record<string, unknown> = () => ({}),
) {
  console.table(
    endpoints.map((e) => ({
      endpoint: e.name,
      'req/s': e.requestsPerSecond,
      'p50 ms': e.p50Ms,
      'p99 ms': e.p99Ms,
      errors: e.errors + e.non2xx,
      ...extra(e),
    })),
  );
}

const results: Record<string, unknown> = {};
const documentBench = path.join(root, 'bench/documents.bench.ts');
if (runs('documents') && existsSync(documentBench)) {
  const { runDocumentBench } = await import('./documents.bench.ts');
  results.documents = await runDocumentBench();
}
if (runs('awards')) {
  const { runAwardsBench } = await import('./awards.bench.ts');
  results.awards = await runAwardsBench();
}
if (runs('platform')) {
  const { runPlatformBench } = await import('./platform.bench.ts');
  console.log('\nNền tảng / platform (autocannon, 10 connections, 8 s each):');
  const platform = await runPlatformBench();
  results.platform = platform;
  for (const [engine, figures] of Object.entries(platform)) {
    console.log(`\n  ${engine}: server RSS ${figures.serverRssMb} MB`);
    printEndpoints(figures.endpoints);
  }
}
if (runs('audit')) {
  const { runAuditBench } = await import('./audit.bench.ts');
  console.log('\nNhật ký / audit (one recordAudit, µs per event; chain trigger and its lock included):');
  const audit = await runAuditBench();
  results.audit = audit;
  console.table(
    Object.entries(audit).map(([engine, figures]) => ({
      engine,
      events: figures.events,
      'own transaction': figures.ownTransactionUs,
      'many in one transaction': figures.inOneTransactionUs,
      [`${figures.workers} writers at once`]: figures.concurrentUs ?? '—',
    })),
  );
}
if (runs('organisation')) {
  const { runOrganisationBench } = await import('./organisation.bench.ts');
  console.log('\nTổ chức / organisation (PostgreSQL, generated national dataset, 6 s each):');
  const organisation = await runOrganisationBench();
  results.organisation = organisation;
  const endpoints = organisation.endpoints as (EndpointFigures & {
    bareRequestsPerSecond: number;
    ratio: number;
  })[];
  console.log(`  dataset: ${organisation.dataset} (gen ${organisation.genSeconds} s)`);
  printEndpoints(endpoints, (e) => {
    const figures = e as (typeof endpoints)[number];
    return { 'bare req/s': figures.bareRequestsPerSecond, ratio: figures.ratio };
  });
  console.log('  import:', organisation.import);
}
if (runs('movements')) {
  const { runMovementsBench } = await import('./movements.bench.ts');
  console.log(
    '\nPhong trào / movements (PostgreSQL, cascade and to-do over 100,000 units, 1 and 10 connections, 6 s each):',
  );
  const movements = await runMovementsBench();
  results.movements = movements;
  const endpoints = movements.endpoints as (EndpointFigures & {
    connections: number;
    rows: number;
    withinTarget: boolean;
  })[];
  console.log(
    `  dataset: ${movements.dataset} (gen ${movements.genSeconds} s), ${movements.obligations} obligations (seed ${movements.seedSeconds} s), server RSS ${movements.serverRssMb} MB`,
  );
  printEndpoints(endpoints, (e) => {
    const figures = e as (typeof endpoints)[number];
    return {
      connections: figures.connections,
      rows: figures.rows,
      [`p99 < ${movements.targetMs} ms`]: figures.withinTarget,
    };
  });
}

if (runs('lists')) {
  const { runListsBench } = await import('./lists.bench.ts');
  console.log(
    '\nDanh sách / lists (PostgreSQL, national dataset: page 1 vs a page 90 % down, and the cascade):',
  );
  const lists = await runListsBench();
  results.lists = lists;
  console.table(
    (
      lists.deepPages as {
        name: string;
        first: EndpointFigures;
        deep: EndpointFigures;
        ratio: number;
        withinTarget: boolean;
      }[]
    ).map((e) => ({
      list: e.name,
      'page 1 p50 ms': e.first.p50Ms,
      'deep p50 ms': e.deep.p50Ms,
      ratio: e.ratio,
      [`≤ ${lists.deepRatioTarget}`]: e.withinTarget,
    })),
  );
  printEndpoints(lists.dashboards as EndpointFigures[], (e) => {
    const figures = e as EndpointFigures & { connections: number; withinTarget: boolean };
    return { connections: figures.connections, [`p99 < ${lists.cascadeTargetMs} ms`]: figures.withinTarget };
  });
}

mkdirSync(path.join(root, 'bench/results'), { recursive: true });
// A partial run gets its own file, so it never overwrites the full run of the same day and commit.
const parts = only.size ? `-${[...only].sort().join('+')}` : '';
const file = path.join(root, 'bench/results', `${date.slice(0, 10)}-${commit}${parts}.json`);
writeFileSync(file, `${JSON.stringify({ date, commit, node: process.version, results }, null, 2)}\n`);
console.log(`\nĐã ghi kết quả / results written: ${path.relative(root, file)}`);
