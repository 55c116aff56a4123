import { sql } from 'drizzle-orm';
import type { Rating } from '#contracts/awards.ts';
import { leadingUnitIds } from '#server/modules/bloc-scoring/index.ts';
import { selectRows } from '#server/modules/organisation/sql-rows.ts';
import type { Executor } from '#server/platform/db/client.ts';
import type { FactNeeds } from '../rules/fact-needs.ts';
import { addReceived, HistoryDrafts, idArray, type SubjectFacts } from './fact-drafts.ts';
import { ALL_FACTS, yearsUpTo } from './record-facts.ts';

type MemberRow = {
  unitId: string;
  total: number;
  completed: number;
  ldtt: number;
  cstdcs: number;
  disciplined: number;
};

const none = Promise.resolve([] as never[]);

/**
 * Builds the facts of many units at once: their ratings and awards up to `forYear`, and their direct
 * members in `forYear` (how many, how rated, how many LĐTT and CSTĐCS, disciplined at warning or
 * above), and whether each leads its bloc that year (published bloc scoring) — one query per kind for
 * the whole list; with `needs`, only what the award's rule reads.
 */
export async function unitFacts(
  db: Executor,
  unitIds: string[],
  forYear: number,
  needs: FactNeeds = ALL_FACTS,
): Promise<Map<string, SubjectFacts>> {
  const result = new Map<string, SubjectFacts>();
  if (!unitIds.length) return result;
  const ids = sql`${idArray(unitIds)}::uuid[]`;
  const codes = needs.awardCodes.length
    ? sql` and award_code = any(${`{${needs.awardCodes.join(',')}}`}::text[])`
    : sql``;
  const [ratings, received, members, leaders] = await Promise.all([
    needs.ratingsFrom === null
      ? none
      : selectRows<{ unitId: string; year: number; rating: string }>(
          db,
          sql`select unit_id as "unitId", year, rating from award_unit_ratings
              where unit_id = any(${ids}) and ${yearsUpTo(sql`year`, needs.ratingsFrom, forYear)}`,
        ),
    needs.awardsFrom === null
      ? none
      : selectRows<{ unitId: string; year: number; code: string; rewardType: string }>(
          db,
          sql`select unit_id as "unitId", year, award_code as code, reward_type as "rewardType"
              from award_received
              where unit_id = any(${ids}) and ${yearsUpTo(sql`year`, needs.awardsFrom, forYear)}${codes}`,
        ),
    needs.members
      ? selectRows<MemberRow>(
          db,
          sql`select p.unit_id as "unitId", count(*)::int as total,
            count(*) filter (where r.rating in ('HTNV', 'HTTNV', 'HTXSNV'))::int as completed,
            count(*) filter (where exists (select 1 from award_received a where a.person_id = p.id
              and a.year = ${forYear} and a.award_code = 'LDTT'))::int as ldtt,
            count(*) filter (where exists (select 1 from award_received a where a.person_id = p.id
              and a.year = ${forYear} and a.award_code = 'CSTDCS'))::int as cstdcs,
            count(*) filter (where exists (select 1 from award_person_disciplines d where d.person_id = p.id
              and not d.pending and d.level in ('warning', 'higher')
              and extract(year from d.from_date) <= ${forYear}
              and extract(year from coalesce(d.to_date, d.from_date)) >= ${forYear}))::int as disciplined
          from persons p
          left join award_person_ratings r on r.person_id = p.id and r.year = ${forYear}
          where p.unit_id = any(${ids})
          group by p.unit_id`,
        )
      : none,
    needs.bloc ? leadingUnitIds(db, unitIds, forYear) : Promise.resolve(new Set<string>()),
  ]);
  const drafts = new HistoryDrafts();
  for (const row of ratings) drafts.year(row.unitId, row.year).rating = row.rating as Rating;
  for (const row of received) addReceived(drafts.year(row.unitId, row.year), row.code, row.rewardType);
  const memberRows = new Map(members.map((row) => [row.unitId, row]));
  for (const unitId of unitIds) {
    const row = memberRows.get(unitId);
    result.set(unitId, {
      history: drafts.history(unitId),
      ...(leaders.has(unitId) ? { leadsBloc: true } : {}),
      ...(row
        ? {
            members: {
              total: Number(row.total),
              completedDuties: Number(row.completed),
              ldtt: Number(row.ldtt),
              cstdcs: Number(row.cstdcs),
              disciplinedWarningOrAbove: Number(row.disciplined),
            },
          }
        : {}),
    });
  }
  return result;
}
