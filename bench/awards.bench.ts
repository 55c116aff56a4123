import type { EligibilityFacts, EligibilityInput } from '#contracts/awards.ts';
import {
  checkEligibility,
  createRegistry,
  loadShippedRules,
  parseEligibilityInput,
} from '#server/modules/awards/index.ts';

const TARGET_MS = 1;

const example: EligibilityInput = {
  award: 'CSTDCS',
  date: '2025-12-15',
  forYear: 2025,
  subject: 'individual',
  history: [
    {
      year: 2025,
      rating: 'HTXSNV',
      titles: ['LDTT'],
      awards: ['BK_BO_TINH'],
      initiatives: [{ scope: 'unit' }],
    },
  ],
  decider: { unitKind: 'commune' },
};

const chain: EligibilityInput = {
  award: 'BK_TTG',
  date: '2025-12-15',
  forYear: 2025,
  subject: 'individual',
  history: [2019, 2020, 2021, 2022, 2023, 2024, 2025].map((year) => ({
    year,
    rating: year % 2 ? 'HTXSNV' : 'HTTNV',
    titles: year % 2 ? ['LDTT', 'CSTDCS'] : ['LDTT'],
    awards: year === 2019 ? ['BK_BO_TINH'] : [],
    initiatives: [{ scope: 'unit' }],
  })),
  decider: { unitKind: 'province' },
};

/** Mean, median and 99th percentile (µs per call) over batches of `batch` calls (p99 shows GC pauses). */
function measure(run: () => void, batches: number, batch: number) {
  for (let index = 0; index < batch * 20; index += 1) run();
  const times: number[] = [];
  for (let outer = 0; outer < batches; outer += 1) {
    const start = performance.now();
    for (let inner = 0; inner < batch; inner += 1) run();
    times.push(((performance.now() - start) * 1000) / batch);
  }
  const meanUs = Math.round((times.reduce((sum, time) => sum + time, 0) / times.length) * 10) / 10;
  times.sort((a, b) => a - b);
  const at = (share: number) =>
    Math.round((times[Math.min(times.length - 1, Math.floor(times.length * share))] ?? 0) * 10) / 10;
  return { meanUs, p50Us: at(0.5), p99Us: at(0.99) };
}

/** 75,000 synthetic people of a province, as the candidates feature would hand them to the engine. */
function province(count: number): EligibilityFacts[] {
  const ratings = ['HTXSNV', 'HTTNV', 'HTTNV', 'HTNV'] as const;
  return Array.from({ length: count }, (_, person) =>
    parseEligibilityInput({
      award: 'CSTDCS',
      date: '2025-12-15',
      forYear: 2025,
      subject: 'individual',
      history: [2021, 2022, 2023, 2024, 2025].map((year) => ({
        year,
        rating: ratings[(person + year) % ratings.length],
        titles: (person + year) % 4 === 3 ? [] : ['LDTT'],
        initiatives: (person + year) % 5 === 0 ? [{ scope: 'unit' }] : [],
      })),
    }),
  );
}

/** One eligibility check in process (target < 1 ms), and a tight loop over a province for CSTĐCS. */
export async function runAwardsBench(): Promise<Record<string, unknown>> {
  const loadStart = performance.now();
  const registry = createRegistry(loadShippedRules());
  const loadMs = Math.round(performance.now() - loadStart);
  const parsedExample = parseEligibilityInput(example);
  const parsedChain = parseEligibilityInput(chain);
  const rows = {
    'CSTĐCS, input already parsed': measure(() => checkEligibility(registry, parsedExample), 300, 100),
    'CSTĐCS, parse JSON + check': measure(
      () => checkEligibility(registry, parseEligibilityInput(JSON.stringify(example))),
      300,
      100,
    ),
    'BK Thủ tướng, 7-year chain': measure(() => checkEligibility(registry, parsedChain), 300, 100),
  };
  const people = province(75_000);
  const loopStart = performance.now();
  const verdicts: Record<string, number> = {};
  for (const person of people) {
    const { verdict } = checkEligibility(registry, person);
    verdicts[verdict] = (verdicts[verdict] ?? 0) + 1;
  }
  const loopMs = Math.round(performance.now() - loopStart);
  console.log(`\nKhen thưởng / awards eligibility (in process; target one check < ${TARGET_MS} ms):`);
  console.log(`  load + compile the shipped rule sets: ${loadMs} ms`);
  console.table(
    Object.fromEntries(
      Object.entries(rows).map(([name, figures]) => [
        name,
        { ...figures, [`p99 < ${TARGET_MS} ms`]: figures.p99Us < TARGET_MS * 1000 },
      ]),
    ),
  );
  console.log(`  75,000 people of a province for CSTĐCS 2025: ${loopMs} ms in total`, verdicts);
  const national = await runCandidatesBench();
  return {
    loadMs,
    checks: rows,
    province: { people: people.length, totalMs: loopMs, verdicts },
    targetMs: TARGET_MS,
    ...(national ? { national } : {}),
  };
}

/** The national database: TDKT_BENCH_DATABASE_URL (as every national bench), else the awards one. */
const NATIONAL_URL =
  process.env.TDKT_BENCH_DATABASE_URL ??
  process.env.TDKT_BENCH_NATIONAL_AWARDS_URL ??
  'postgres://postgres@127.0.0.1:5432/tdkt_national_awards';
const CANDIDATES_TARGET_MS = 2000;

/**
 * The candidates of one province (about 75,000 people) for CSTĐCS 2025 on the national dataset on
 * PostgreSQL (target < 2 s), through the code the candidates export runs (`candidatesOfPath`: the
 * subtree's units, then rounds of units with their people and the records the rule reads), and the
 * ratio to a bare loop doing the same work (the province's people in one query, their facts in
 * one query per kind of record by the province's units, the engine on each). Runs when the national database exists (`tdkt gen`);
 * awards records for the province are generated on first use when `tdkt gen` predates them.
 */
async function runCandidatesBench(): Promise<Record<string, unknown> | null> {
  const { openPostgres } = await import('#server/platform/db/client.ts');
  const { migrateDatabase } = await import('#server/platform/db/migrate.ts');
  const { candidatesOfPath } = await import('#server/modules/awards/eligibility/candidates.ts');
  const { listChecker } = await import('#server/modules/awards/eligibility/list-check.ts');
  const { personFacts } = await import('#server/modules/awards/eligibility/record-facts.ts');
  const { generateAwardRecords } = await import('#server/modules/awards/gen-awards.ts');
  let handle: Awaited<ReturnType<typeof openPostgres>>;
  try {
    handle = await openPostgres(NATIONAL_URL, 4);
    await handle.query('select 1 from persons limit 1');
  } catch {
    console.log(`  (no national dataset at ${NATIONAL_URL}: candidates bench skipped)`);
    return null;
  }
  try {
    await migrateDatabase(handle, NATIONAL_URL);
    const [province] = await handle.query<{ id: string; path: string; name: string; people: number }>(
      `select u.id, u.path, u.name,
         (select count(*)::int from persons p join units s on s.id = p.unit_id where s.path like u.path || '%') as people
       from units u where u.kind = 'province' order by u.path limit 1`,
    );
    if (!province) return null;
    const [ratings] = await handle.query<{ n: number }>(
      `select count(*)::int as n from award_person_ratings r join persons p on p.id = r.person_id
       join units u on u.id = p.unit_id where u.path like $1 || '%'`,
      [province.path],
    );
    if (!ratings?.n) {
      const started = performance.now();
      await generateAwardRecords(handle, { fromYear: 2021, toYear: 2025, unitPathPrefix: province.path });
      await handle.query('analyze');
      console.log(
        `  generated awards records of ${province.name}: ${Math.round(performance.now() - started)} ms`,
      );
    }
    const registry = createRegistry(loadShippedRules());
    const query = { award: 'CSTDCS' as const, year: 2025, show: 'candidates' as const };
    const runOnce = async () => {
      const started = performance.now();
      let shown = 0;
      for await (const batch of candidatesOfPath(handle.db, registry, province.path, query))
        shown += batch.length;
      return { ms: Math.round(performance.now() - started), shown };
    };
    const bareOnce = async () => {
      const started = performance.now();
      const check = listChecker(registry, 'CSTDCS', 'individual', '2025-12-31', 2025);
      const people = await handle.query<{ id: string; unit_id: string }>(
        `select p.id, p.unit_id from persons p join units u on u.id = p.unit_id where u.path like $1 || '%'`,
        [province.path],
      );
      const ids = people.map((row) => row.id);
      const unitIds = [...new Set(people.map((row) => row.unit_id))];
      let shown = 0;
      const facts = await personFacts(handle.db, ids, 2025, check.needs, unitIds);
      for (const id of ids) if (check.run(facts.get(id)).verdict !== 'not_eligible') shown += 1;
      return { ms: Math.round(performance.now() - started), shown };
    };
    await runOnce();
    const route = await runOnce();
    await bareOnce();
    const bare = await bareOnce();
    const figures = {
      province: province.name,
      people: province.people,
      candidates: route.shown,
      totalMs: route.ms,
      bareMs: bare.ms,
      bareCandidates: bare.shown,
      ratio: Math.round((route.ms / Math.max(1, bare.ms)) * 100) / 100,
      targetMs: CANDIDATES_TARGET_MS,
      withinTarget: route.ms < CANDIDATES_TARGET_MS,
    };
    console.log('  candidates of one province for CSTĐCS 2025 on PostgreSQL (national dataset):', figures);
    return figures;
  } finally {
    await handle.close();
  }
}
