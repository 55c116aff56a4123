import { sql } from 'drizzle-orm';
import type { Executor } from '#server/platform/db/client.ts';

/** The counts behind the fairness dashboard of a subtree and year, read in one statement. */
export interface FairnessCounts {
  staff: number;
  staffDirect: number;
  staffLeader: number;
  staffWomen: number;
  units: number;
  smallUnits: number;
  individualAwards: number;
  awardsDirect: number;
  awardsLeader: number;
  awardsWomen: number;
  collectiveAwards: number;
  collectiveAwardsSmall: number;
  collectiveAwardsUnknown: number;
}

/**
 * A person's class: the position class of the statistics forms when recorded, else the person's own
 * flags (direct worker, leader). Entrepreneurs and people with neither flag count in neither group.
 */
const classOf = sql`case
  when c.position_class = 'direct_worker' or (c.position_class is null and p.is_direct_worker) then 'direct'
  when c.position_class in ('central_provincial_leader', 'department_leader', 'other_leader')
    or (c.position_class is null and p.is_leader) then 'leader'
  else 'other' end`;

/**
 * Staff and awards of the subtree under `path` for the year: the people of the subtree's units (from
 * the covering index persons_unit_fairness_idx) with their class and gender, the year's individual
 * awards of their units (award_received_person_unit_year_idx) joined to them by hash, and the
 * collective awards against each unit's headcount: the people of the unit and of the units below it
 * (its divisions), added up the paths (small: at most `smallSize` people; a unit nobody is recorded
 * in, nor below it, is of unknown size).
 */
export async function readFairnessCounts(
  executor: Executor,
  path: string,
  year: number,
  smallSize: number,
): Promise<FairnessCounts> {
  const result = (await executor.execute(sql`
    with sub as materialized (
      select id from units where path like ${`${path}%`}
    ), people as materialized (
      select p.id, p.unit_id, p.gender = 'female' as is_woman, ${classOf} as class
      from persons p left join award_person_position_classes c on c.person_id = p.id
      where p.unit_id in (select id from sub)
    ), unit_counts as (
      select unit_id, count(*)::int as n from people group by unit_id
    ), sizes as materialized (
      select a.id::uuid as unit_id, sum(c.n)::int as n
      from unit_counts c join units u on u.id = c.unit_id
      cross join lateral unnest(string_to_array(trim(both '/' from u.path), '/')) as a(id)
      where a.id::uuid in (select id from sub)
      group by 1
    ), staff as (
      select count(*)::int as staff,
        count(*) filter (where class = 'direct')::int as staff_direct,
        count(*) filter (where class = 'leader')::int as staff_leader,
        count(*) filter (where is_woman)::int as staff_women
      from people
    ), collectives as (
      select count(*)::int as units, count(*) filter (where n <= ${smallSize})::int as small_units from sizes
    ), individual as (
      select count(*)::int as individual_awards,
        count(*) filter (where pe.class = 'direct')::int as awards_direct,
        count(*) filter (where pe.class = 'leader')::int as awards_leader,
        count(*) filter (where pe.is_woman)::int as awards_women
      from award_received a join people pe on pe.id = a.person_id
      where a.person_unit_id in (select id from sub) and a.year = ${year}
    ), collective as (
      select count(*)::int as collective_awards,
        count(*) filter (where s.n <= ${smallSize})::int as collective_awards_small,
        count(*) filter (where s.n is null)::int as collective_awards_unknown
      from award_received a left join sizes s on s.unit_id = a.unit_id
      where a.unit_id in (select id from sub) and a.year = ${year}
    )
    select * from staff, collectives, individual, collective`)) as unknown as {
    rows: Record<string, number>[];
  };
  const row = result.rows[0] ?? {};
  const n = (key: string) => Number(row[key] ?? 0);
  return {
    staff: n('staff'),
    staffDirect: n('staff_direct'),
    staffLeader: n('staff_leader'),
    staffWomen: n('staff_women'),
    units: n('units'),
    smallUnits: n('small_units'),
    individualAwards: n('individual_awards'),
    awardsDirect: n('awards_direct'),
    awardsLeader: n('awards_leader'),
    awardsWomen: n('awards_women'),
    collectiveAwards: n('collective_awards'),
    collectiveAwardsSmall: n('collective_awards_small'),
    collectiveAwardsUnknown: n('collective_awards_unknown'),
  };
}
