import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { EndpointFigures } from './http.bench.ts';
import { printTargets, type TargetFigure, target } from './targets.ts';

// `npm run bench`: every benchmark on loopback; figures printed and kept in bench/results/ with date and commit.
// TDKT_BENCH_ONLY=platform,movements (comma list of documents, awards, decisions, council-sessions, reports, bloc-scoring, statistics, platform, audit, organisation, movements, lists, dashboards, portal) runs only those.
// TDKT_BENCH_DATABASE_URL=postgres://…/db reuses a national database already filled by `tdkt gen`
// (benches that use nationalDatabase() from bench/targets.ts migrate and analyse it instead of generating one).
// Every figure with a target is printed beside it (ĐẠT / CHƯA ĐẠT) and kept under `targets` in the results.
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
if (runs('decisions')) {
  const { runDecisionsBench } = await import('./decisions.bench.ts');
  results.decisions = await runDecisionsBench();
}
if (runs('council-sessions')) {
  const { runCouncilSessionsBench } = await import('./council-sessions.bench.ts');
  results.councilSessions = await runCouncilSessionsBench();
}
if (runs('reports')) {
  const { runReportsBench } = await import('./reports.bench.ts');
  results.reports = await runReportsBench();
}
if (runs('bloc-scoring')) {
  const { runBlocScoringBench } = await import('./bloc-scoring.bench.ts');
  results.blocScoring = await runBlocScoringBench();
}
if (runs('statistics')) {
  const { runStatisticsBench } = await import('./statistics.bench.ts');
  results.statistics = await runStatisticsBench();
}
if (runs('platform')) {
  const { runPlatformBench } = await import('./platform.bench.ts');
  console.log('\nNền tảng / platform, demo data on both engines (autocannon, 10 connections, 8 s each):');
  const platform = await runPlatformBench();
  results.platform = platform;
  for (const engine of ['pglite', 'postgres'] as const) {
    const figures = platform[engine];
    console.log(
      `\n  ${engine}: server RSS ${figures.idleRssMb} MB idle, ${figures.serverRssMb} MB after the load`,
    );
    printEndpoints(figures.endpoints);
  }
  console.table(
    platform.ratios.map((r) => ({
      endpoint: r.endpoint,
      'PGlite req/s': r.pgliteRequestsPerSecond,
      'PostgreSQL req/s': r.postgresRequestsPerSecond,
      ratio: r.ratio,
    })),
  );
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
      // The cascade against its own target (200 ms), the to-do list against 1,000 ms.
      'p99 within target': figures.withinTarget,
    };
  });
}
if (runs('portal')) {
  const { runPortalBench } = await import('./portal.bench.ts');
  console.log(
    '\nCổng công khai / portal (PostgreSQL, demo data, no sign-in; real server vs bare Fastify routes):',
  );
  const portal = await runPortalBench();
  results.portal = portal;
  const endpoints = portal.endpoints;
  printEndpoints(endpoints, (e) => {
    const figures = e as (typeof endpoints)[number];
    return { 'bare req/s': figures.bareRequestsPerSecond, ratio: figures.ratio };
  });
  console.log(`  bare constant route: ${portal.bareConstant.requestsPerSecond} req/s`);
}

if (runs('dashboards')) {
  const { runDashboardsBench } = await import('./dashboards.bench.ts');
  results.dashboards = await runDashboardsBench();
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

/** The targets a part reports itself, else those issue 9 sets, read from the figures it returns. */
function targetsOf(part: string, result: unknown): TargetFigure[] {
  const own = (result as { targets?: TargetFigure[] } | null)?.targets;
  if (Array.isArray(own)) return own;
  if (part === 'lists') {
    const lists = result as {
      deepPages: { name: string; ratio: number }[];
      dashboards: (EndpointFigures & { connections: number })[];
      deepRatioTarget: number;
      cascadeTargetMs: number;
    };
    return [
      ...lists.deepPages.map((e) =>
        target(`trang sâu / trang 1 ${e.name}`, e.ratio, lists.deepRatioTarget, '×', '≤'),
      ),
      ...lists.dashboards
        .filter((e) => e.connections === 10)
        .map((e) => target(`p99 ${e.name} (10 kết nối)`, e.p99Ms, lists.cascadeTargetMs, 'ms')),
    ];
  }
  const endpoints = ((result as { endpoints?: unknown } | null)?.endpoints ?? []) as (EndpointFigures & {
    connections?: number;
  })[];
  if (!Array.isArray(endpoints)) return [];
  const found: TargetFigure[] = [];
  for (const e of endpoints) {
    if (part === 'organisation' && (e.connections ?? 10) === 10 && e.name.startsWith('GET ')) {
      // Person search, unit search, unit children, person page: p99 < 50 ms at 10 connections.
      found.push(target(`p99 ${e.name}`, e.p99Ms, 50, 'ms'));
      if (/persons\?q=/.test(e.name))
        found.push(target(`req/s ${e.name}`, e.requestsPerSecond, 300, 'req/s', '≥'));
    }
    if (part === 'movements' && e.connections === 10 && /dashboard|cascade/i.test(e.name)) {
      // The national dashboard: p99 < 200 ms at 10 connections.
      found.push(target(`p99 ${e.name}`, e.p99Ms, 200, 'ms'));
    }
  }
  return found;
}

const targets: Record<string, TargetFigure[]> = {};
for (const [part, result] of Object.entries(results)) {
  const found = targetsOf(part, result);
  if (found.length) targets[part] = found;
}
let missed = 0;
if (Object.keys(targets).length) {
  console.log('\nMục tiêu / targets:');
  for (const [part, list] of Object.entries(targets)) {
    console.log(`  ${part}:`);
    missed += printTargets(list, '    ');
  }
  const all = Object.values(targets).flat().length;
  console.log(`  ${all - missed}/${all} đạt / met`);
}
// The ratios the issue tracks, side by side: deep page against page 1, PGlite against PostgreSQL.
const ratios = {
  deepPageOverFirstPage: Object.values(targets)
    .flat()
    .filter((t) => t.unit === '×'),
  pgliteOverPostgres: (results.platform as { ratios?: unknown } | undefined)?.ratios ?? null,
};

mkdirSync(path.join(root, 'bench/results'), { recursive: true });
// A partial run gets its own file, so it never overwrites the full run of the same day and commit.
const parts = only.size ? `-${[...only].sort().join('+')}` : '';
const file = path.join(root, 'bench/results', `${date.slice(0, 10)}-${commit}${parts}.json`);
writeFileSync(
  file,
  `${JSON.stringify({ date, commit, node: process.version, targets, ratios, results }, null, 2)}\n`,
);
console.log(`\nĐã ghi kết quả / results written: ${path.relative(root, file)}`);
