import { sql } from 'drizzle-orm';
import type { CriterionView, Figures, SheetStatus } from '#contracts/bloc-scoring.ts';
import { scoreBloc } from '#contracts/bloc-scoring-math.ts';
import { selectRows } from '#server/modules/organisation/sql-rows.ts';
import type { Executor } from '#server/platform/db/client.ts';
import { listCriteria, rulesOf } from '../bloc-scoring.repo.ts';

/** A member unit's sheet in a bloc. */
export interface SheetRowData {
  id: string;
  unitId: string;
  unitName: string;
  unitPath: string;
  status: SheetStatus;
  version: number;
}

/**
 * Everything a bloc's scores are computed from, read in four queries whatever the bloc's size: the
 * criteria, the members' sheets, the figures in force of their entries and their targets; then every
 * member's points live (the leader of each quantitative criterion sets the others' scale).
 */
export async function loadBlocScores(db: Executor, tableId: string, blocId: string) {
  const [criteria, sheets] = await Promise.all([
    listCriteria(db, tableId),
    selectRows<SheetRowData>(
      db,
      sql`select s.id, s.unit_id as "unitId", u.name as "unitName", u.path as "unitPath", s.status, s.version
        from scoring_sheets s join units u on u.id = s.unit_id
        where s.table_id = ${tableId} and s.bloc_id = ${blocId}
        order by (select m.position from bloc_members m where m.bloc_id = s.bloc_id and m.unit_id = s.unit_id), u.name`,
    ),
  ]);
  const [entries, targets] = await Promise.all([
    selectRows<{ unitId: string; criterionId: string; figures: Figures | null }>(
      db,
      sql`select s.unit_id as "unitId", e.criterion_id as "criterionId", e.figures
        from scoring_entries e join scoring_sheets s on s.id = e.sheet_id
        where s.table_id = ${tableId} and s.bloc_id = ${blocId}`,
    ),
    selectRows<{ unitId: string; criterionId: string; target: number }>(
      db,
      sql`select t.unit_id as "unitId", t.criterion_id as "criterionId", t.target
        from scoring_targets t join scoring_criteria c on c.id = t.criterion_id
        join scoring_sheets s on s.unit_id = t.unit_id and s.table_id = c.table_id and s.bloc_id = ${blocId}
        where c.table_id = ${tableId}`,
    ),
  ]);
  const figures = new Map<string, Map<string, Figures>>();
  for (const entry of entries) {
    if (!entry.figures) continue;
    const map = figures.get(entry.unitId) ?? new Map<string, Figures>();
    map.set(entry.criterionId, entry.figures);
    figures.set(entry.unitId, map);
  }
  const targetMaps = new Map<string, Map<string, number>>();
  for (const target of targets) {
    const map = targetMaps.get(target.unitId) ?? new Map<string, number>();
    map.set(target.criterionId, Number(target.target));
    targetMaps.set(target.unitId, map);
  }
  const scores = scoreBloc(
    rulesOf(criteria),
    sheets.map((sheet) => ({
      unitId: sheet.unitId,
      figures: figures.get(sheet.unitId) ?? new Map(),
      targets: targetMaps.get(sheet.unitId) ?? new Map(),
    })),
  );
  return {
    criteria,
    sheets: sheets.map((sheet) => ({ ...sheet, version: Number(sheet.version) })),
    scores,
    figures,
    targets: targetMaps,
  };
}
export type BlocScores = Awaited<ReturnType<typeof loadBlocScores>>;

/** Points per criterion code, for the tie-break chain. */
export const pointsByCode = (criteria: readonly CriterionView[], points: ReadonlyMap<string, number>) =>
  new Map(criteria.map((criterion) => [criterion.code, points.get(criterion.id) ?? 0]));

/** The share of women among each unit's people on record (null when the unit has nobody). */
export async function womenShares(db: Executor, unitIds: readonly string[]) {
  if (!unitIds.length) return new Map<string, number | null>();
  const rows = await selectRows<{ unitId: string; total: number; women: number }>(
    db,
    sql`select p.unit_id as "unitId", count(*)::int as total, count(*) filter (where p.gender = 'female')::int as women
      from persons p where p.unit_id = any(${`{${unitIds.join(',')}}`}::uuid[]) group by p.unit_id`,
  );
  const shares = new Map<string, number | null>(unitIds.map((id) => [id, null]));
  for (const row of rows)
    shares.set(row.unitId, Number(row.total) ? Number(row.women) / Number(row.total) : null);
  return shares;
}
