import { and, eq, inArray, sql } from 'drizzle-orm';
import type { CriterionInput } from '#contracts/bloc-scoring.ts';
import type { Executor } from '#server/platform/db/client.ts';
import { scoringCriteria, scoringTargets } from '#server/platform/db/schema.ts';

/**
 * Replaces a draft table's criteria with the list given, keeping the id (and the units' targets) of
 * every criterion whose code stays; criteria whose code is gone are removed with their targets.
 */
export async function replaceCriteria(tx: Executor, tableId: string, criteria: readonly CriterionInput[]) {
  const existing = await tx
    .select({ id: scoringCriteria.id, code: scoringCriteria.code })
    .from(scoringCriteria)
    .where(eq(scoringCriteria.tableId, tableId));
  const idOf = new Map(existing.map((row) => [row.code, row.id]));
  const kept = new Set(criteria.map((criterion) => criterion.code));
  const removed = existing.filter((row) => !kept.has(row.code)).map((row) => row.id);
  const ids = new Map(
    criteria.map((criterion) => [criterion.code, idOf.get(criterion.code) ?? crypto.randomUUID()]),
  );
  if (existing.length)
    await tx.update(scoringCriteria).set({ parentId: null }).where(eq(scoringCriteria.tableId, tableId));
  if (removed.length) {
    await tx.delete(scoringTargets).where(inArray(scoringTargets.criterionId, removed));
    await tx.delete(scoringCriteria).where(inArray(scoringCriteria.id, removed));
  }
  const values = criteria.map((criterion, position) => ({
    id: ids.get(criterion.code) as string,
    tableId,
    parentId: criterion.parentCode === null ? null : (ids.get(criterion.parentCode) ?? null),
    position,
    code: criterion.code,
    title: criterion.title,
    kind: criterion.kind,
    maxPoints: criterion.maxPoints,
    pointsPerItem: criterion.pointsPerItem,
    penaltyPerItem: criterion.penaltyPerItem,
    minPoints: criterion.minPoints,
    evidenceRequired: criterion.evidenceRequired,
  }));
  if (!values.length) return;
  // One statement for all rows: a row's parent may be new in the same list (foreign keys are checked at its end).
  await tx
    .insert(scoringCriteria)
    .values(values)
    .onConflictDoUpdate({
      target: scoringCriteria.id,
      set: {
        parentId: sql`excluded.parent_id`,
        position: sql`excluded.position`,
        title: sql`excluded.title`,
        kind: sql`excluded.kind`,
        maxPoints: sql`excluded.max_points`,
        pointsPerItem: sql`excluded.points_per_item`,
        penaltyPerItem: sql`excluded.penalty_per_item`,
        minPoints: sql`excluded.min_points`,
        evidenceRequired: sql`excluded.evidence_required`,
      },
      where: and(eq(scoringCriteria.tableId, tableId)),
    });
  // Targets only make sense on quantitative criteria.
  await tx.execute(sql`delete from scoring_targets t using scoring_criteria c
    where c.id = t.criterion_id and c.table_id = ${tableId} and c.kind <> 'quantitative'`);
}

/** The criteria of a table as inputs, in order (for a copy or an export). */
export async function criteriaInputs(tx: Executor, tableId: string): Promise<CriterionInput[]> {
  const rows = await tx
    .select()
    .from(scoringCriteria)
    .where(eq(scoringCriteria.tableId, tableId))
    .orderBy(scoringCriteria.position);
  const codeOf = new Map(rows.map((row) => [row.id, row.code]));
  return rows.map((row) => ({
    code: row.code,
    parentCode: row.parentId ? (codeOf.get(row.parentId) ?? null) : null,
    title: row.title,
    kind: row.kind as CriterionInput['kind'],
    maxPoints: row.maxPoints,
    pointsPerItem: row.pointsPerItem,
    penaltyPerItem: row.penaltyPerItem,
    minPoints: row.minPoints,
    evidenceRequired: row.evidenceRequired,
  }));
}
