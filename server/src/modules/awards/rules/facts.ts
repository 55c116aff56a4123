import {
  type AwardCode,
  type AwardSubject,
  DisciplineLevel,
  type EligibilityFacts,
  type InitiativeFact,
  InitiativeScope,
  type MemberFacts,
  type PendingFacts,
  Rating,
  RewardType,
} from '#contracts/awards.ts';

/** Rank of a rating, KHTNV = 0 … HTXSNV = 3; -1 when not rated. */
export const ratingRank = (rating: Rating): number => Rating.options.indexOf(rating);
/** Rank of a discipline level, none = 0 … higher = 3. */
export const disciplineRank = (level: DisciplineLevel): number => DisciplineLevel.options.indexOf(level);
/** Rank of an initiative scope, unit = 0 … national = 2. */
export const scopeRank = (scope: InitiativeScope): number => InitiativeScope.options.indexOf(scope);
/** Bit of a reward type in a mask of reward types. */
export const rewardTypeBit = (type: RewardType): number => 1 << RewardType.options.indexOf(type);
/** Every reward type. */
export const ALL_REWARD_TYPES = (1 << RewardType.options.length) - 1;
/** The công trạng (thường xuyên) bit: what a duplicate of a công trạng proposal is made of. */
export const REGULAR_BIT = rewardTypeBit('thuong_xuyen');

/** What a subject achieved and received for one year, indexed for fast look-ups. */
export interface YearFacts {
  rating: number;
  /** Award code → mask of the reward types it was received under that year. */
  codes: Map<AwardCode, number>;
  initiatives: InitiativeFact[];
  discipline: number;
}

/** The facts of one check, indexed once and read by every condition. */
export interface Facts {
  award: AwardCode;
  forYear: number;
  subject: AwardSubject;
  members: MemberFacts | undefined;
  pending: PendingFacts | undefined;
  /** A collective leading its bloc in the year of achievement (published bloc scoring). */
  leadsBloc: boolean;
  years: Map<number, YearFacts>;
}

const EMPTY_YEAR: YearFacts = { rating: -1, codes: new Map(), initiatives: [], discipline: 0 };

/** Indexes the parsed input (history by year, codes with their reward types). */
export function buildFacts(input: EligibilityFacts): Facts {
  const years = new Map<number, YearFacts>();
  for (const entry of input.history) {
    const codes = new Map<AwardCode, number>();
    for (const record of [...entry.titles, ...entry.awards]) {
      const [code, type] =
        typeof record === 'string' ? [record, 'thuong_xuyen' as const] : [record.code, record.rewardType];
      codes.set(code, (codes.get(code) ?? 0) | rewardTypeBit(type));
    }
    years.set(entry.year, {
      rating: entry.rating === undefined ? -1 : ratingRank(entry.rating),
      codes,
      initiatives: entry.initiatives,
      discipline: disciplineRank(entry.discipline),
    });
  }
  return {
    award: input.award,
    forYear: input.forYear,
    subject: input.subject,
    members: input.members,
    pending: input.pending,
    leadsBloc: input.leadsBloc ?? false,
    years,
  };
}

/** The facts of a year (an empty year when nothing is recorded). */
export function yearOf(facts: Facts, year: number): YearFacts {
  return facts.years.get(year) ?? EMPTY_YEAR;
}
