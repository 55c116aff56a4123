import { sql } from 'drizzle-orm';
import type { CriterionRule } from '#contracts/bloc-scoring-math.ts';
import { scoreBloc } from '#contracts/bloc-scoring-math.ts';
import { getTableRow, listTableBlocs } from '#server/modules/bloc-scoring/bloc-scoring.repo.ts';
import { computeRanking } from '#server/modules/bloc-scoring/ranking/ranking.service.ts';
import { rankUnits } from '#server/modules/bloc-scoring/scoring/ranking.ts';
import { openPostgres } from '#server/platform/db/client.ts';
import { migrateDatabase } from '#server/platform/db/migrate.ts';
import { createScratchDatabase } from '../tests/support/postgres.ts';
import { printTargets, target } from './targets.ts';

/**
 * Issue 14: scoring a level of 30 blocs × 20 units × 40 criteria and ranking them, target < 1 s.
 * Measured twice: the pure math (scores and ranking of every bloc from figures in memory), and the
 * whole path the ranking page takes on PostgreSQL (read each bloc's criteria, sheets, figures and
 * targets, score, rank) for all 30 blocs one after the other.
 */
const BLOCS = 30;
const UNITS_PER_BLOC = 20;
const GROUPS = 5;
const LEAVES_PER_GROUP = 7;
const TARGET_MS = 1000;
const ROOT = '00000000-0000-4000-8000-000000000001';
const COUNCIL = '00000000-0000-4000-8000-000000000002';
const TABLE = '00000000-0000-4000-8000-000000000003';
const id = (prefix: string, value: string) =>
  `('00000000-0000-4000-${prefix}-' || lpad((${value})::text, 12, '0'))::uuid`;
const unitId = (value: string) => id('8001', value);
const blocId = (value: string) => id('8002', value);
const criterionId = (value: string) => id('8003', value);
const sheetId = (value: string) => id('8004', value);

const SEED = `
  insert into units (id, path, name, code, kind, sort_key) values ('${ROOT}', '/${ROOT}/', 'Tỉnh', 'BENCH', 'province', 'tinh');
  insert into units (id, parent_id, path, name, code, kind, sort_key)
    select ${unitId('g')}, '${ROOT}', '/${ROOT}/' || ${unitId('g')} || '/', 'Đơn vị ' || g, 'U' || g, 'district', 'don vi ' || lpad(g::text, 6, '0')
    from generate_series(1, ${BLOCS * UNITS_PER_BLOC}) g;
  insert into councils (id, unit_id, name) values ('${COUNCIL}', '${ROOT}', 'Hội đồng Thi đua – Khen thưởng tỉnh');
  insert into blocs (id, council_id, year, name) select ${blocId('b')}, '${COUNCIL}', 2024, 'Khối ' || b from generate_series(1, ${BLOCS}) b;
  insert into bloc_members (bloc_id, unit_id, role, position)
    select ${blocId(`1 + (g - 1) / ${UNITS_PER_BLOC}`)}, ${unitId('g')},
      case when (g - 1) % ${UNITS_PER_BLOC} = 0 then 'head' else 'member' end, (g - 1) % ${UNITS_PER_BLOC}
    from generate_series(1, ${BLOCS * UNITS_PER_BLOC}) g;
  insert into scoring_tables (id, council_id, year, name, status, tie_break)
    values ('${TABLE}', '${COUNCIL}', 2024, 'Bảng tiêu chí năm 2024', 'open',
      '[{"kind":"criterion","criterionCode":"1.1"},{"kind":"criterion","criterionCode":"2.1"},{"kind":"vote"}]');
  insert into scoring_criteria (id, table_id, position, code, title, kind, max_points)
    select ${criterionId('k * 10')}, '${TABLE}', (k - 1) * 8, 'G' || k, 'Nhóm ' || k, 'group', 30 from generate_series(1, ${GROUPS}) k;
  insert into scoring_criteria (id, table_id, parent_id, position, code, title, kind, max_points, points_per_item, penalty_per_item, min_points)
    select ${criterionId('k * 10 + j')}, '${TABLE}', ${criterionId('k * 10')}, (k - 1) * 8 + j, k || '.' || j, 'Tiêu chí ' || k || '.' || j,
      (array['bonus_penalty', 'quantitative', 'qualitative', 'fixed'])[1 + j % 4], 5,
      case j % 4 when 3 then 1 when 0 then 2 end, case j % 4 when 0 then 1 end, case j % 4 when 0 then -3 end
    from generate_series(1, ${GROUPS}) k, generate_series(1, ${LEAVES_PER_GROUP}) j;
  insert into scoring_sheets (id, table_id, bloc_id, unit_id, status)
    select ${sheetId('g')}, '${TABLE}', ${blocId(`1 + (g - 1) / ${UNITS_PER_BLOC}`)}, ${unitId('g')}, 'final'
    from generate_series(1, ${BLOCS * UNITS_PER_BLOC}) g;
  insert into scoring_targets (criterion_id, unit_id, target)
    select c.id, ${unitId('g')}, 100 from scoring_criteria c, generate_series(1, ${BLOCS * UNITS_PER_BLOC}) g
    where c.table_id = '${TABLE}' and c.kind = 'quantitative';
  insert into scoring_entries (sheet_id, criterion_id, self_figures, figures)
    select ${sheetId('g')}, c.id, f.figures, f.figures
    from scoring_criteria c, generate_series(1, ${BLOCS * UNITS_PER_BLOC}) g,
      -- Figures spread by unit and criterion (deterministic, so every run scores the same level).
      lateral (select case c.kind
        when 'quantitative' then jsonb_build_object('actual', 50 + (g * 37 + c.position * 11) % 100)
        when 'qualitative' then jsonb_build_object('met', (g + c.position) % 5 <> 0)
        when 'fixed' then jsonb_build_object('count', (g * 3 + c.position) % 8)
        else jsonb_build_object('bonusCount', (g + c.position) % 3, 'penaltyCount', (g * 7 + c.position) % 2) end as figures) f
    where c.table_id = '${TABLE}' and c.kind <> 'group';
  analyze`;

const median = (times: number[]) =>
  Math.round(([...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? 0) * 10) / 10;
async function timed(run: () => Promise<unknown> | unknown, repeat = 5) {
  await run();
  const times: number[] = [];
  for (let index = 0; index < repeat; index += 1) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return median(times);
}

/** The level in memory: the same tree, random figures, every unit with a target of 100. */
function memoryLevel() {
  const rules: CriterionRule[] = [];
  const kinds = ['bonus_penalty', 'quantitative', 'qualitative', 'fixed'] as const;
  for (let group = 1; group <= GROUPS; group++) {
    rules.push({
      id: `G${group}`,
      parentId: null,
      kind: 'group',
      maxPoints: 30,
      pointsPerItem: null,
      penaltyPerItem: null,
      minPoints: null,
    });
    for (let leaf = 1; leaf <= LEAVES_PER_GROUP; leaf++) {
      const kind = kinds[leaf % 4] as (typeof kinds)[number];
      rules.push({
        id: `${group}.${leaf}`,
        parentId: `G${group}`,
        kind,
        maxPoints: 5,
        pointsPerItem: kind === 'fixed' ? 1 : kind === 'bonus_penalty' ? 2 : null,
        penaltyPerItem: kind === 'bonus_penalty' ? 1 : null,
        minPoints: kind === 'bonus_penalty' ? -3 : null,
      });
    }
  }
  const blocs = Array.from({ length: BLOCS }, (_, bloc) =>
    Array.from({ length: UNITS_PER_BLOC }, (_, unit) => ({
      unitId: `${bloc}-${unit}`,
      figures: new Map(
        rules.map((rule) => [
          rule.id,
          {
            actual: 50 + Math.floor(Math.random() * 100),
            met: Math.random() < 0.8,
            count: Math.floor(Math.random() * 8),
            bonusCount: 1,
            penaltyCount: 1,
          },
        ]),
      ),
      targets: new Map(rules.map((rule) => [rule.id, 100])),
    })),
  );
  return { rules, blocs };
}

/** Scores and ranks the level in memory and on PostgreSQL; prints the figures beside the 1 s target. */
export async function runBlocScoringBench() {
  const level = memoryLevel();
  const chain = [{ kind: 'criterion' as const, criterionCode: '1.1' }, { kind: 'vote' as const }];
  const memoryMs = await timed(() => {
    for (const members of level.blocs) {
      const scores = scoreBloc(level.rules, members);
      rankUnits(
        members.map((unit) => ({
          unitId: unit.unitId,
          total: scores.get(unit.unitId)?.total ?? 0,
          pointsByCode: scores.get(unit.unitId)?.points ?? new Map(),
          womenShare: null,
          votes: null,
        })),
        chain,
        1,
      );
    }
  });
  const database = await createScratchDatabase('bloc_scoring_bench');
  const handle = await openPostgres(database.url, 4);
  try {
    await migrateDatabase(handle, database.url);
    const started = performance.now();
    for (const statement of SEED.split(';\n')) await handle.db.execute(sql.raw(statement));
    const seedMs = Math.round(performance.now() - started);
    const table = await getTableRow(handle.db, TABLE);
    const blocs = await listTableBlocs(handle.db, table.table);
    let leaders = 0;
    const databaseMs = await timed(async () => {
      leaders = 0;
      for (const bloc of blocs) {
        const { ranked } = await computeRanking(handle.db, table, bloc.blocId, new Map());
        leaders += ranked.filter((row) => row.isLeading).length;
      }
    });
    const targets = [
      target(
        `chấm và xếp hạng ${BLOCS} khối × ${UNITS_PER_BLOC} đơn vị × ${GROUPS * (LEAVES_PER_GROUP + 1)} tiêu chí (trong bộ nhớ)`,
        memoryMs,
        TARGET_MS,
        'ms',
      ),
      target(
        `chấm và xếp hạng ${BLOCS} khối × ${UNITS_PER_BLOC} đơn vị × ${GROUPS * (LEAVES_PER_GROUP + 1)} tiêu chí (PostgreSQL, đọc và tính)`,
        databaseMs,
        TARGET_MS,
        'ms',
      ),
    ];
    console.log(
      `\nChấm điểm khối/cụm / bloc scoring (seed ${seedMs} ms; ${blocs.length} khối, ${leaders} đơn vị dẫn đầu):`,
    );
    printTargets(targets);
    return {
      blocs: blocs.length,
      unitsPerBloc: UNITS_PER_BLOC,
      criteria: GROUPS * (LEAVES_PER_GROUP + 1),
      seedMs,
      memoryMs,
      databaseMs,
      targets,
    };
  } finally {
    await handle.close();
    await database.drop();
  }
}
