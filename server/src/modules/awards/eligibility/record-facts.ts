import { and, inArray, lte, sql } from 'drizzle-orm';
import {
  type AwardCode,
  type AwardSubject,
  type DisciplineLevel,
  type EligibilityFacts,
  type HistoryYear,
  type InitiativeScope,
  type MemberFacts,
  type PendingFacts,
  type Rating,
  type RewardType,
  TitleCode,
} from '#contracts/awards.ts';
import { selectRows } from '#server/modules/organisation/sql-rows.ts';
import type { Executor } from '#server/platform/db/client.ts';
import {
  awardsReceived,
  initiatives,
  personDisciplines,
  personRatings,
  unitRatings,
} from '#server/platform/db/schema.ts';
import { disciplineRank } from '../rules/facts.ts';

const TITLES = new Set<string>(TitleCode.options);

/** The history and open matters of one subject, as the engine reads them. */
export interface SubjectFacts {
  history: HistoryYear[];
  pending?: PendingFacts;
  members?: MemberFacts;
}

type YearDraft = {
  rating?: Rating;
  titles: HistoryYear['titles'];
  awards: HistoryYear['awards'];
  initiatives: HistoryYear['initiatives'];
  discipline: DisciplineLevel;
};

function draftYear(years: Map<number, YearDraft>, year: number): YearDraft {
  let draft = years.get(year);
  if (!draft) {
    draft = { titles: [], awards: [], initiatives: [], discipline: 'none' };
    years.set(year, draft);
  }
  return draft;
}

function addReceived(draft: YearDraft, code: string, rewardType: string) {
  const record = rewardType === 'thuong_xuyen' ? code : { code, rewardType: rewardType as RewardType };
  if (TITLES.has(code)) draft.titles.push(record as HistoryYear['titles'][number]);
  else draft.awards.push(record as HistoryYear['awards'][number]);
}

const toHistory = (years: Map<number, YearDraft>): HistoryYear[] =>
  [...years.entries()].sort(([a], [b]) => a - b).map(([year, draft]) => ({ year, ...draft }));

/** Years a discipline period touches (the year of the decision when it has no end). */
function disciplineYears(fromDate: string, toDate: string | null): number[] {
  const from = Number(fromDate.slice(0, 4));
  const to = toDate ? Number(toDate.slice(0, 4)) : from;
  const years: number[] = [];
  for (let year = from; year <= Math.min(to, from + 10); year += 1) years.push(year);
  return years;
}

/**
 * Builds the facts of many people at once from their records up to `forYear`: one query per kind of
 * record for the whole list (never one per person).
 */
export async function personFacts(
  db: Executor,
  personIds: string[],
  forYear: number,
): Promise<Map<string, SubjectFacts>> {
  const result = new Map<string, SubjectFacts>();
  if (!personIds.length) return result;
  const [ratings, received, found, disciplines] = await Promise.all([
    db
      .select({ personId: personRatings.personId, year: personRatings.year, rating: personRatings.rating })
      .from(personRatings)
      .where(and(inArray(personRatings.personId, personIds), lte(personRatings.year, forYear))),
    db
      .select({
        personId: awardsReceived.personId,
        year: awardsReceived.year,
        code: awardsReceived.awardCode,
        rewardType: awardsReceived.rewardType,
      })
      .from(awardsReceived)
      .where(and(inArray(awardsReceived.personId, personIds), lte(awardsReceived.year, forYear))),
    db
      .select({
        personId: initiatives.personId,
        year: initiatives.year,
        scope: initiatives.scope,
        usedForAward: initiatives.usedForAward,
        usedForYear: initiatives.usedForYear,
      })
      .from(initiatives)
      .where(and(inArray(initiatives.personId, personIds), lte(initiatives.year, forYear))),
    db
      .select({
        personId: personDisciplines.personId,
        level: personDisciplines.level,
        fromDate: personDisciplines.fromDate,
        toDate: personDisciplines.toDate,
        pending: personDisciplines.pending,
      })
      .from(personDisciplines)
      .where(inArray(personDisciplines.personId, personIds)),
  ]);
  const drafts = new Map<string, Map<number, YearDraft>>();
  const pending = new Set<string>();
  const yearsOf = (personId: string) => {
    let years = drafts.get(personId);
    if (!years) {
      years = new Map();
      drafts.set(personId, years);
    }
    return years;
  };
  for (const row of ratings) draftYear(yearsOf(row.personId), row.year).rating = row.rating as Rating;
  for (const row of received)
    addReceived(draftYear(yearsOf(row.personId as string), row.year), row.code, row.rewardType);
  for (const row of found) {
    draftYear(yearsOf(row.personId), row.year).initiatives.push({
      scope: row.scope as InitiativeScope,
      ...(row.usedForAward && row.usedForYear
        ? { usedFor: { award: row.usedForAward as AwardCode, forYear: row.usedForYear } }
        : {}),
    });
  }
  for (const row of disciplines) {
    if (row.pending) {
      pending.add(row.personId);
      continue;
    }
    for (const year of disciplineYears(row.fromDate, row.toDate)) {
      if (year > forYear) continue;
      const draft = draftYear(yearsOf(row.personId), year);
      if (disciplineRank(row.level as DisciplineLevel) > disciplineRank(draft.discipline))
        draft.discipline = row.level as DisciplineLevel;
    }
  }
  for (const personId of personIds) {
    const years = drafts.get(personId);
    result.set(personId, {
      history: years ? toHistory(years) : [],
      ...(pending.has(personId) ? { pending: { discipline: true } } : {}),
    });
  }
  return result;
}

/**
 * Builds the facts of many units at once: their ratings and awards up to `forYear`, and their direct
 * members in `forYear` (how many, how rated, how many LĐTT and CSTĐCS, disciplined at warning or
 * above) — one query per kind for the whole list.
 */
export async function unitFacts(
  db: Executor,
  unitIds: string[],
  forYear: number,
): Promise<Map<string, SubjectFacts>> {
  const result = new Map<string, SubjectFacts>();
  if (!unitIds.length) return result;
  const ids = sql.join(
    unitIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const [ratings, received, members] = await Promise.all([
    db
      .select({ unitId: unitRatings.unitId, year: unitRatings.year, rating: unitRatings.rating })
      .from(unitRatings)
      .where(and(inArray(unitRatings.unitId, unitIds), lte(unitRatings.year, forYear))),
    db
      .select({
        unitId: awardsReceived.unitId,
        year: awardsReceived.year,
        code: awardsReceived.awardCode,
        rewardType: awardsReceived.rewardType,
      })
      .from(awardsReceived)
      .where(and(inArray(awardsReceived.unitId, unitIds), lte(awardsReceived.year, forYear))),
    selectRows<{
      unitId: string;
      total: number;
      completed: number;
      ldtt: number;
      cstdcs: number;
      disciplined: number;
    }>(
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
          where p.unit_id in (${ids})
          group by p.unit_id`,
    ),
  ]);
  const drafts = new Map<string, Map<number, YearDraft>>();
  const yearsOf = (unitId: string) => {
    let years = drafts.get(unitId);
    if (!years) {
      years = new Map();
      drafts.set(unitId, years);
    }
    return years;
  };
  for (const row of ratings) draftYear(yearsOf(row.unitId), row.year).rating = row.rating as Rating;
  for (const row of received)
    addReceived(draftYear(yearsOf(row.unitId as string), row.year), row.code, row.rewardType);
  const memberRows = new Map(members.map((row) => [row.unitId, row]));
  for (const unitId of unitIds) {
    const years = drafts.get(unitId);
    const row = memberRows.get(unitId);
    result.set(unitId, {
      history: years ? toHistory(years) : [],
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
  };
}
