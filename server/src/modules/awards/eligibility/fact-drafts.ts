import {
  type DisciplineLevel,
  type HistoryYear,
  type MemberFacts,
  type PendingFacts,
  type Rating,
  type RewardType,
  TitleCode,
} from '#contracts/awards.ts';

const TITLES = new Set<string>(TitleCode.options);

/** The history and open matters of one subject, as the engine reads them. */
export interface SubjectFacts {
  history: HistoryYear[];
  pending?: PendingFacts;
  members?: MemberFacts;
  /** A collective leading its bloc in the year of achievement (published bloc scoring). */
  leadsBloc?: boolean;
}

/** One year of a subject's history while its records are being gathered. */
export type YearDraft = {
  rating?: Rating;
  titles: HistoryYear['titles'];
  awards: HistoryYear['awards'];
  initiatives: HistoryYear['initiatives'];
  discipline: DisciplineLevel;
};

/** The years of many subjects while their records are gathered, subject by subject. */
export class HistoryDrafts {
  readonly #subjects = new Map<string, Map<number, YearDraft>>();

  /** The draft of one subject's year, created empty on first use. */
  year(subjectId: string, year: number): YearDraft {
    let years = this.#subjects.get(subjectId);
    if (!years) {
      years = new Map();
      this.#subjects.set(subjectId, years);
    }
    let draft = years.get(year);
    if (!draft) {
      draft = { titles: [], awards: [], initiatives: [], discipline: 'none' };
      years.set(year, draft);
    }
    return draft;
  }

  /** A subject's history, year by year in order (empty when nothing was recorded). */
  history(subjectId: string): HistoryYear[] {
    const years = this.#subjects.get(subjectId);
    if (!years) return [];
    return [...years.entries()].sort(([a], [b]) => a - b).map(([year, draft]) => ({ year, ...draft }));
  }
}

/** Files a title or award received under the titles or the other forms of its year. */
export function addReceived(draft: YearDraft, code: string, rewardType: string): void {
  const record = rewardType === 'thuong_xuyen' ? code : { code, rewardType: rewardType as RewardType };
  if (TITLES.has(code)) draft.titles.push(record as HistoryYear['titles'][number]);
  else draft.awards.push(record as HistoryYear['awards'][number]);
}

/** Years a discipline period touches (the year of the decision when it has no end). */
export function disciplineYears(fromDate: string, toDate: string | null): number[] {
  const from = Number(fromDate.slice(0, 4));
  const to = toDate ? Number(toDate.slice(0, 4)) : from;
  const years: number[] = [];
  for (let year = from; year <= Math.min(to, from + 10); year += 1) years.push(year);
  return years;
}

/** A list of ids as one SQL array literal (`{a,b}`), bound as a single parameter and cast in SQL. */
export const idArray = (ids: readonly string[]): string => `{${ids.join(',')}}`;
