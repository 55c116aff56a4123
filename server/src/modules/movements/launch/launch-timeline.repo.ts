import { count, eq, sql } from 'drizzle-orm';
import type { Executor } from '#server/platform/db/client.ts';
import { movementAssignments, movementMilestones } from '#server/platform/db/schema.ts';
import type { PlannedAssignment, PlannedMilestone } from './launch-timeline.ts';

/**
 * The unit each assignee names, among the launching unit and the two levels below it (where a plan's
 * assignees sit: "Sở Nội vụ", "Ban Thi đua – Khen thưởng"), active only. A name matches a unit's name
 * or short name without diacritics or case, whole or as the start of the name ("Sở Nội vụ" finds
 * "Sở Nội vụ tỉnh Lai Châu"); the exact and then the highest match wins, and a tie names no one.
 */
export async function findAssigneeUnits(
  executor: Executor,
  launchingUnitId: string,
  names: string[],
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (!names.length) return found;
  const wanted = sql.join(
    names.map((name) => sql`(${name}::text)`),
    sql`, `,
  );
  const result = (await executor.execute(sql`
    with wanted(name) as (values ${wanted}),
    nearby as (
      select u.id, u.name, u.short_name, u.path from units u
      where (u.id = ${launchingUnitId}::uuid or u.parent_id = ${launchingUnitId}::uuid
        or u.parent_id in (select c.id from units c where c.parent_id = ${launchingUnitId}::uuid))
        and (u.valid_to is null or u.valid_to >= current_date)
    ),
    matches as (
      select w.name as wanted, n.id, length(n.path) as depth,
        (f_unaccent(lower(n.name)) = f_unaccent(lower(w.name))
          or f_unaccent(lower(coalesce(n.short_name, ''))) = f_unaccent(lower(w.name))) as exact
      from wanted w join nearby n
        on f_unaccent(lower(n.name)) = f_unaccent(lower(w.name))
        or f_unaccent(lower(coalesce(n.short_name, ''))) = f_unaccent(lower(w.name))
        or starts_with(f_unaccent(lower(n.name)), f_unaccent(lower(w.name)) || ' ')
    ),
    ranked as (
      select wanted, id, rank() over (partition by wanted order by exact desc, depth) as place from matches
    )
    select wanted, min(id::text) as id from ranked where place = 1 group by wanted having count(*) = 1`)) as unknown as {
    rows: { wanted: string; id: string }[];
  };
  for (const row of result.rows) found.set(row.wanted, row.id);
  return found;
}

/** True when the movement already has milestones, and when it already has assignments. */
export async function hasTimeline(executor: Executor, movementId: string) {
  // One after the other: inside a transaction both run on the same connection anyway.
  const [milestones] = await executor
    .select({ value: count() })
    .from(movementMilestones)
    .where(eq(movementMilestones.movementId, movementId));
  const [assignments] = await executor
    .select({ value: count() })
    .from(movementAssignments)
    .where(eq(movementAssignments.movementId, movementId));
  return { milestones: (milestones?.value ?? 0) > 0, assignments: (assignments?.value ?? 0) > 0 };
}

/** Stores the planned milestones of a movement, the launch step already done (it is happening now); returns how many. */
export async function insertMilestones(executor: Executor, movementId: string, planned: PlannedMilestone[]) {
  if (!planned.length) return 0;
  const now = new Date();
  await executor.insert(movementMilestones).values(
    planned.map((milestone) => ({
      movementId,
      ...milestone,
      doneAt: milestone.kind === 'launch' ? now : null,
    })),
  );
  return planned.length;
}

/** Stores the planned assignments whose assignee names a unit; returns how many. */
export async function insertAssignments(
  executor: Executor,
  movementId: string,
  planned: PlannedAssignment[],
  unitOf: Map<string, string>,
) {
  const values = planned.flatMap(({ assignee, ...assignment }) => {
    const assigneeUnitId = unitOf.get(assignee);
    return assigneeUnitId ? [{ movementId, assigneeUnitId, ...assignment }] : [];
  });
  if (values.length) await executor.insert(movementAssignments).values(values);
  return values.length;
}
