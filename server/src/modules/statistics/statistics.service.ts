import type { StatisticsCell, StatisticsFormDef, StatisticsReport } from '#contracts/statistics.ts';
import type { Executor } from '#server/platform/db/client.ts';
import { awardGroups, manualFigures, movementGroups } from './figures.ts';
import { matchesAward, matchesMovement } from './filters.ts';
import { getForm, statisticalPeriod } from './form-registry.ts';
import { type Caller, placeOf, type StatisticsPlace } from './statistics.policy.ts';

/** Why a cell is typed by hand (null when the system counts it). */
export function manualReason(form: StatisticsFormDef, rowCode: string, columnCode: string): string | null {
  if (form.source === 'manual') return form.notes[0] ?? 'Cán bộ nhập tay.';
  const row = form.rows.find((item) => item.code === rowCode);
  const column = form.columns.find((item) => item.code === columnCode);
  return row?.manual ?? column?.manual ?? null;
}

/**
 * A form filled for a unit's subtree (or the whole system) and a statistical year: every counted cell
 * from one grouped read of the period's records, every typed cell as the subtree's sum.
 */
export async function produceForm(
  db: Executor,
  caller: Caller,
  code: string,
  query: { year: number; unitId?: string | undefined },
): Promise<StatisticsReport> {
  const form = getForm(code, query.year);
  return fillForm(db, form, query.year, await placeOf(db, caller, query.unitId));
}

/** A form filled for a place already checked (the caller's, or a queued job's). */
export async function fillForm(
  db: Executor,
  form: StatisticsFormDef,
  year: number,
  place: StatisticsPlace,
): Promise<StatisticsReport> {
  const query = { year };
  const period = statisticalPeriod(query.year);
  const scope = { ...period, path: place.unit?.path ?? null };
  const [awards, movements, typed] = await Promise.all([
    form.source === 'awards' ? awardGroups(db, scope) : Promise.resolve([]),
    form.source === 'movements' ? movementGroups(db, scope) : Promise.resolve([]),
    manualFigures(db, form.code, query.year, scope.path, place.unit?.id ?? null),
  ]);
  const typedOf = new Map(typed.map((entry) => [`${entry.row}|${entry.column}`, entry]));
  const cells: StatisticsCell[] = [];
  for (const row of form.rows) {
    if (row.heading) continue;
    for (const column of form.columns) {
      if (manualReason(form, row.code, column.code) !== null) {
        const entry = typedOf.get(`${row.code}|${column.code}`);
        const own =
          entry?.ownValue != null
            ? { value: Number(entry.ownValue), version: Number(entry.ownVersion) }
            : null;
        cells.push({
          row: row.code,
          column: column.code,
          value: Number(entry?.total ?? 0),
          manual: true,
          own,
        });
        continue;
      }
      const filters = [row.where ?? {}, column.where ?? {}];
      const value =
        form.source === 'awards'
          ? awards
              .filter((group) => matchesAward(group, filters))
              .reduce((sum, group) => sum + group.count, 0)
          : movements
              .filter((group) => matchesMovement(group, filters))
              .reduce((sum, group) => sum + group.count, 0);
      cells.push({ row: row.code, column: column.code, value, manual: false, own: null });
    }
  }
  return {
    form,
    year: query.year,
    periodFrom: period.from,
    periodTo: period.to,
    unit: place.unit ? { id: place.unit.id, name: place.unit.name } : null,
    receivingUnit: place.receivingUnit,
    cells,
    canEnter: place.canEnter,
  };
}
