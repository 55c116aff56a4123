import { getAwardsDashboard, getFairness } from '#server/modules/dashboards/index.ts';
import { systemActor } from '#server/platform/audit/audit.ts';
import type { Principal } from '#server/platform/auth/policy.ts';
import { openPostgres } from '#server/platform/db/client.ts';
import { nationalDatabase, printTargets, target } from './targets.ts';

/**
 * Issue 15 part 4: the fairness and awards dashboards of one province on the generated national
 * dataset on PostgreSQL (a province holds about 3,000 units, 75,000 people and 70,000 awards a year
 * from `tdkt gen`), after adding a 2025 collective award to a third of its units. Each figure is the
 * median of seven calls of the routes' service (scope check, thresholds, the aggregate SQL) as an
 * administrator. Target < 1 s per dashboard.
 */
const TARGET_MS = 1000;
const YEAR = 2025;

const admin: Principal = {
  id: '00000000-0000-4000-8000-00000000aaaa',
  username: 'bench',
  fullName: 'Bench',
  grants: [],
  scopedGrants: [{ role: 'admin', unitId: null, unitPath: null }],
};
const caller = { principal: admin, actor: systemActor('bench') };

const median = (times: number[]) =>
  Math.round(([...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? 0) * 10) / 10;
async function timed(run: () => Promise<unknown>, repeat = 7) {
  await run();
  const times: number[] = [];
  for (let index = 0; index < repeat; index += 1) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return median(times);
}

/** Runs the dashboards bench (TDKT_BENCH_ONLY=dashboards) and prints the figures. */
export async function runDashboardsBench(): Promise<Record<string, unknown>> {
  const database = await nationalDatabase('dashboards', { copy: true });
  const handle = await openPostgres(database.url, 4);
  try {
    const [province] = await handle.query<{ id: string; name: string; path: string }>(
      `select id, name, path from units where kind = 'province' order by path limit 1`,
    );
    if (!province) throw new Error('the national dataset has no province');
    await handle.query(
      `insert into award_received (unit_id, award_code, year, reward_type, decider)
       select id, 'TTLDTT', $1::int, 'thuong_xuyen', 'Chủ tịch UBND tỉnh'
       from units where abs(hashtext(id::text)) % 3 = 0
       on conflict do nothing`,
      [YEAR],
    );
    await handle.query('analyze award_received');
    const [size] = await handle.query<{ units: number; people: number; awards: number }>(
      `select (select count(*)::int from units where path like $1 || '%') as units,
         (select count(*)::int from persons p join units u on u.id = p.unit_id where u.path like $1 || '%') as people,
         (select count(*)::int from award_received a join units u on u.id = coalesce(a.person_unit_id, a.unit_id)
           where u.path like $1 || '%' and a.year = $2) as awards`,
      [province.path, YEAR],
    );
    const fairness = await getFairness(handle.db, caller, province.id, YEAR);
    const figures = {
      province: province.name,
      ...size,
      fairnessMs: await timed(() => getFairness(handle.db, caller, province.id, YEAR)),
      awardsMs: await timed(() => getAwardsDashboard(handle.db, caller, province.id, YEAR)),
      shares: fairness.rows.map((row) => `${row.label}: ${row.awardShare} % / ${row.staffShare} %`),
    };
    console.log(
      `\nBiểu đồ / dashboards (PostgreSQL, ${database.reused ? 'reused' : 'generated'} national dataset; median of 7 calls):`,
    );
    console.log(figures);
    const targets = [
      target(`biểu đồ công bằng một tỉnh (${YEAR})`, figures.fairnessMs, TARGET_MS, 'ms'),
      target(`biểu đồ khen thưởng một tỉnh (${YEAR})`, figures.awardsMs, TARGET_MS, 'ms'),
    ];
    printTargets(targets);
    return {
      dataset: database.reused ? 'reused' : 'generated',
      genSeconds: database.genSeconds,
      ...figures,
      targets,
    };
  } finally {
    await handle.close();
    await database.drop();
  }
}
