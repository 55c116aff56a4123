import { type SQL, sql } from 'drizzle-orm';
import type {
  AwardCode,
  AwardSubject,
  DisciplineLevel,
  EligibilityFacts,
  InitiativeScope,
  Rating,
} from '#contracts/awards.ts';
import { selectRows } from '#server/modules/organisation/sql-rows.ts';
import type { Executor } from '#server/platform/db/client.ts';
import type { FactNeeds } from '../rules/fact-needs.ts';
import { disciplineRank } from '../rules/facts.ts';
import { addReceived, disciplineYears, HistoryDrafts, idArray, type SubjectFacts } from './fact-drafts.ts';

export type { SubjectFacts } from './fact-drafts.ts';

/** Every record of every kind up to the year of achievement (what one person's page shows). */
export const ALL_FACTS: FactNeeds = {
  ratingsFrom: Number.NEGATIVE_INFINITY,
  awardsFrom: Number.NEGATIVE_INFINITY,
  awardCodes: [],
  initiativesFrom: Number.NEGATIVE_INFINITY,
  disciplineFrom: Number.NEGATIVE_INFINITY,
  pending: true,
  members: true,
  bloc: true,
};

/** `and year between …` for the years from `from` (any year when unbounded) to the year of achievement. */
export function yearsUpTo(column: SQL, from: number, forYear: number): SQL {
  return Number.isFinite(from) ? sql`${column} between ${from} and ${forYear}` : sql`${column} <= ${forYear}`;
}

type RatingRow = { personId: string; year: number; rating: string };
type ReceivedRow = { personId: string; year: number; code: string; rewardType: string };
type InitiativeRow = {
  personId: string;
  year: number;
  scope: string;
  usedForAward: string | null;
  usedForYear: number | null;
};
type DisciplineRow = {
  personId: string;
  level: string;
  fromDate: string;
  toDate: string | null;
  pending: boolean;
};

const none = Promise.resolve([] as never[]);

/**
 * Builds the facts of many people at once from their records up to `forYear`: one query per kind of
 * record for the whole list (never one per person), the people bound as one array parameter. With
 * `needs` (what the award's rule can read, rules/fact-needs.ts) only those kinds, years and award
 * codes are read, which a list of a whole province needs to stay fast; the verdicts are the same.
 * With `unitIds` (every person of those units is in `personIds`), the records are read by the
 * person's unit they carry (`person_unit_id`, kept by a trigger) instead of person by person.
 */
export async function personFacts(
  db: Executor,
  personIds: string[],
  forYear: number,
  needs: FactNeeds = ALL_FACTS,
  unitIds?: string[],
): Promise<Map<string, SubjectFacts>> {
  const result = new Map<string, SubjectFacts>();
  if (!personIds.length) return result;
  const ids = sql`${idArray(personIds)}::uuid[]`;
  // Everyone of whole units: their records are read by unit (one index range per unit and kind).
  const whose = unitIds
    ? sql`person_unit_id = any(${idArray(unitIds)}::uuid[])`
    : sql`person_id = any(${ids})`;
  const codes = needs.awardCodes.length
    ? sql` and award_code = any(${`{${needs.awardCodes.join(',')}}`}::text[])`
    : sql``;
  const [ratings, received, found, disciplines] = await Promise.all([
    needs.ratingsFrom === null
      ? none
      : selectRows<RatingRow>(
          db,
          sql`select person_id as "personId", year, rating from award_person_ratings
              where ${whose} and ${yearsUpTo(sql`year`, needs.ratingsFrom, forYear)}`,
        ),
    needs.awardsFrom === null
      ? none
      : selectRows<ReceivedRow>(
          db,
          sql`select person_id as "personId", year, award_code as code, reward_type as "rewardType"
              from award_received
              where ${whose} and ${yearsUpTo(sql`year`, needs.awardsFrom, forYear)}${codes}`,
        ),
    needs.initiativesFrom === null
      ? none
      : selectRows<InitiativeRow>(
          db,
          sql`select person_id as "personId", year, scope, used_for_award as "usedForAward",
                used_for_year as "usedForYear"
              from award_initiatives
              where ${whose} and ${yearsUpTo(sql`year`, needs.initiativesFrom, forYear)}`,
        ),
    needs.disciplineFrom === null && !needs.pending
      ? none
      : selectRows<DisciplineRow>(
          db,
          sql`select d.person_id as "personId", d.level, d.from_date::text as "fromDate",
                d.to_date::text as "toDate", d.pending
              from award_person_disciplines d
              ${
                // Disciplines are few: found through their people's units rather than by binding
                // every person of a province (tens of thousands of ids) once more.
                unitIds
                  ? sql`join persons p on p.id = d.person_id where p.unit_id = any(${idArray(unitIds)}::uuid[])`
                  : sql`where d.person_id = any(${ids})`
              }`,
        ),
  ]);
  const drafts = new HistoryDrafts();
  const pending = new Set<string>();
  for (const row of ratings) drafts.year(row.personId, row.year).rating = row.rating as Rating;
  for (const row of received) addReceived(drafts.year(row.personId, row.year), row.code, row.rewardType);
  for (const row of found) {
    drafts.year(row.personId, row.year).initiatives.push({
      scope: row.scope as InitiativeScope,
      ...(row.usedForAward && row.usedForYear
        ? { usedFor: { award: row.usedForAward as AwardCode, forYear: row.usedForYear } }
        : {}),
    });
  }
  const disciplineFrom = needs.disciplineFrom;
  for (const row of disciplines) {
    if (row.pending) {
      if (needs.pending) pending.add(row.personId);
      continue;
    }
    if (disciplineFrom === null) continue;
    for (const year of disciplineYears(row.fromDate, row.toDate)) {
      if (year > forYear || year < disciplineFrom) continue;
      const draft = drafts.year(row.personId, year);
      if (disciplineRank(row.level as DisciplineLevel) > disciplineRank(draft.discipline))
        draft.discipline = row.level as DisciplineLevel;
    }
  }
  for (const personId of personIds) {
    result.set(personId, {
      history: drafts.history(personId),
      ...(pending.has(personId) ? { pending: { discipline: true } } : {}),
    });
  }
  return result;
}

/** The engine's input for one subject. */
export function eligibilityInput(
  award: AwardCode,
  subject: AwardSubject,
  date: string,
  forYear: number,
  facts: SubjectFacts | undefined,
): EligibilityFacts {
  return {
    award,
    date,
    forYear,
    subject,
    history: facts?.history ?? [],
    ...(facts?.pending ? { pending: facts.pending } : {}),
    ...(facts?.members && subject === 'collective' ? { members: facts.members } : {}),
    ...(facts?.leadsBloc && subject === 'collective' ? { leadsBloc: true } : {}),
  };
}
