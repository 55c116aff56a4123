import { sql } from 'drizzle-orm';

/** SQL: a nominee's display name (person, collective or household) — over `nominees n`. */
export const nomineeNameSql = sql`coalesce(np.full_name, nu.name, n.household_name, '')`;

/** SQL joins for `nomineeNameSql` and the proposing unit `pu` — over `nominees n` and `nominations t`. */
export const nomineeJoins = sql`
  left join persons np on np.id = n.person_id
  left join units nu on nu.id = n.unit_id
  join units pu on pu.id = t.proposing_unit_id`;

/** SQL: the nominee `n` is appraised in a tờ trình `t` received by the council's unit (the agenda's pool). */
export const candidateCondition = (councilUnitId: string) => sql`n.status = 'appraised'
  and exists (select 1 from award_rounds r where r.id = t.round_id and r.receiving_unit_id = ${councilUnitId})`;
