import { z } from 'zod';
import {
  AwardCode,
  AwardSubject,
  CalendarDate,
  Confidence,
  DeciderKind,
  DisciplineLevel,
  InitiativeScope,
  Rating,
  RewardType,
} from './awards.ts';
import { endNotBeforeStart } from './common.ts';

/** A span of years (offsets) may not end before it starts. */
const yearsInOrder = endNotBeforeStart('fromYear', 'toYear', 'Năm kết thúc không được trước năm bắt đầu');

/**
 * Rule sets as data: the zod schema of the JSON files in server/src/modules/awards/rules/rule-sets/.
 * A rule is a tree over a small closed vocabulary of conditions; every leaf carries its article
 * (a full Vietnamese citation) and its confidence mark.
 */

const Text = z
  .string()
  .min(1)
  .max(2000)
  .refine(
    (value) => ![...value].some((char) => char.charCodeAt(0) < 32 || char.charCodeAt(0) === 127),
    'Không được chứa ký tự điều khiển',
  );
/** Years relative to the year of achievement: 0 is that year, -1 the year before. */
const Offset = z.number().int().min(-50).max(0);
const Codes = z.array(AwardCode).min(1);
const cited = {
  code: z
    .string()
    .regex(/^[a-z0-9_]+$/)
    .optional(),
  article: Text,
  confidence: Confidence,
};

/** Rating at least `level` in one year. */
const RatingAtLeast = z.strictObject({
  kind: z.literal('rating_at_least'),
  level: Rating,
  year: Offset,
  ...cited,
});
/** Not rated at all in a year (people outside the rating system: workers, farmers). */
const NotRated = z.strictObject({ kind: z.literal('not_rated'), year: Offset, ...cited });
/** One of the titles or forms received for a year. */
const TitleInYear = z.strictObject({
  kind: z.literal('title_in_year'),
  codes: Codes,
  year: Offset,
  ...cited,
});
/** One of the titles in `count` chain links ending at the year of achievement, `every` years apart. */
const ConsecutiveTitles = z.strictObject({
  kind: z.literal('consecutive_titles'),
  codes: Codes,
  count: z.number().int().min(1).max(20),
  every: z.number().int().min(1).max(10).default(1),
  ...cited,
});
/** At least `count` unused initiatives of scope `minScope` or wider, recognised in the years given. */
const Initiative = z
  .strictObject({
    kind: z.literal('initiative'),
    minScope: InitiativeScope,
    count: z.number().int().min(1).max(10).default(1),
    fromYear: Offset,
    toYear: Offset,
    ...cited,
  })
  .superRefine(yearsInOrder);
/** After award A: `years` consecutive years rated ≥ minRating containing K titles and M top ratings. */
const AfterAwardChain = z.strictObject({
  kind: z.literal('after_award_chain'),
  after: Codes,
  years: z.number().int().min(1).max(20),
  minRating: Rating,
  titles: z.strictObject({ codes: Codes, count: z.number().int().min(1).max(20) }).optional(),
  ratings: z.strictObject({ level: Rating, count: z.number().int().min(1).max(20) }).optional(),
  initiatives: z
    .strictObject({ minScope: InitiativeScope, count: z.number().int().min(1).max(20) })
    .optional(),
  ...cited,
});
/** A share or count of the members of a collective in the year of achievement. */
const MemberShare = z.strictObject({
  kind: z.literal('member_share'),
  metric: z.enum(['completedDuties', 'ldtt', 'cstdcs', 'disciplinedWarningOrAbove']),
  comparison: z.enum(['at_least_share', 'more_than_share', 'at_least_count', 'at_most_count']),
  value: z.number().min(0),
  ...cited,
});
/** No discipline at or above a level in the years given. */
const NoDiscipline = z
  .strictObject({
    kind: z.literal('no_discipline'),
    atLeast: DisciplineLevel.exclude(['none']),
    fromYear: Offset,
    toYear: Offset,
    ...cited,
  })
  .superRefine(yearsInOrder);
/** Nothing pending: discipline, investigation, inspection, complaint. */
const NothingPending = z.strictObject({ kind: z.literal('nothing_pending'), ...cited });
/** Not already received (by default the award checked) for the years given. */
const NotReceived = z
  .strictObject({
    kind: z.literal('not_received'),
    codes: Codes.optional(),
    fromYear: Offset,
    toYear: Offset,
    ...cited,
  })
  .superRefine(yearsInOrder);
/** A criterion only the council can judge: never decided from facts. */
const Judgment = z.strictObject({ kind: z.literal('judgment'), text: Text, ...cited });

const leaves = [
  RatingAtLeast,
  NotRated,
  TitleInYear,
  ConsecutiveTitles,
  Initiative,
  AfterAwardChain,
  MemberShare,
  NoDiscipline,
  NothingPending,
  NotReceived,
  Judgment,
] as const;
export type RuleLeaf = z.infer<(typeof leaves)[number]>;
export type RuleLeafKind = RuleLeaf['kind'];

/** all: every child must hold; any: one route is enough. `label` names the route (điểm, khoản). */
export interface RuleGroup {
  kind: 'all' | 'any';
  label?: string | undefined;
  of: RuleNode[];
}
export type RuleNode = RuleGroup | RuleLeaf;

/** True for all-of and any-of nodes. */
export const isGroup = (node: RuleNode): node is RuleGroup => node.kind === 'all' || node.kind === 'any';

export const RuleNode: z.ZodType<RuleNode, unknown> = z.lazy(() =>
  z.union([
    z.strictObject({
      kind: z.enum(['all', 'any']),
      label: Text.optional(),
      of: z.array(RuleNode).min(1).max(20),
    }),
    ...leaves,
  ]),
);

/** A criterion the council weighs that facts cannot show; listed with the verdict. */
export const RuleNote = z.strictObject({ text: Text, article: Text, confidence: Confidence });
export type RuleNote = z.infer<typeof RuleNote>;

/** The criteria of one award for one subject. */
export const CriteriaEntry = z.strictObject({ rule: RuleNode, notes: z.array(RuleNote).default([]) });
export type CriteriaEntry = z.infer<typeof CriteriaEntry>;

const BySubject = <T extends z.ZodType>(entry: T) =>
  z.strictObject({ individual: entry.optional(), collective: entry.optional(), household: entry.optional() });

/** criteria.json: every award's criteria per subject. */
export const CriteriaFile = z.record(AwardCode, BySubject(CriteriaEntry));

/** Cash multiple of one award for one subject (null: not known). */
export const CashEntry = z.strictObject({
  multiple: z.number().min(0).max(1000).nullable(),
  article: Text,
  confidence: Confidence,
  /** E.g. "tối đa" when the decree gives a ceiling. */
  note: Text.optional(),
});
export type CashEntry = z.infer<typeof CashEntry>;
/** cash.json: multiples of the base salary per award and subject. */
export const CashFile = z.record(AwardCode, BySubject(CashEntry));

/** Council vote required before proposing or deciding. */
export const VoteRule = z.strictObject({
  body: Text,
  thresholdPercent: z.number().min(0).max(100),
  /** true: strictly more than the threshold (a majority). */
  strictlyAbove: z.boolean(),
  denominator: z.enum(['all_members', 'present']),
  absentWrittenVotes: z.boolean(),
  secretBallot: z.boolean(),
  quorum: z
    .strictObject({ percent: z.number().min(0).max(100), article: Text, confidence: Confidence })
    .nullable(),
  article: Text,
  confidence: Confidence,
});
export type VoteRule = z.infer<typeof VoteRule>;

/** Dossier, vote and public posting of one award. */
export const ProcedureEntry = z.strictObject({
  dossier: z.strictObject({ items: z.array(Text).min(1), article: Text, confidence: Confidence }),
  vote: VoteRule.nullable(),
  posting: z.strictObject({
    required: z.boolean(),
    workingDays: z.number().int().min(1).max(60).nullable(),
    article: Text,
    confidence: Confidence,
  }),
});
export type ProcedureEntry = z.infer<typeof ProcedureEntry>;
/** procedure.json: the default procedure, and per award only the parts that differ from it. */
export const ProcedureFile = z.strictObject({
  default: ProcedureEntry,
  awards: z.partialRecord(AwardCode, ProcedureEntry.partial()),
});

/** One grant of authority: these decider kinds may decide these awards ('*' = every award). */
export const AuthorityGrant = z.strictObject({
  kinds: z.array(DeciderKind).min(1),
  awards: z.union([z.array(AwardCode).min(1), z.literal('*')]),
  article: Text,
  confidence: Confidence,
  note: Text.optional(),
});
export type AuthorityGrant = z.infer<typeof AuthorityGrant>;
export const AuthorityFile = z.array(AuthorityGrant);

const Cited = z.strictObject({ article: Text, confidence: Confidence });

/** meta.json: identity, period and the rules that apply to every award of the set. */
export const RuleSetMeta = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/),
    name: Text,
    effectiveFrom: CalendarDate,
    effectiveTo: CalendarDate.nullable(),
    /** Conditions added to every award of the listed subjects (duplicates, pending matters…). */
    general: z.array(z.strictObject({ subjects: z.array(AwardSubject).min(1), rule: RuleNode })),
    /** Reward types that never count toward later công trạng chains (NĐ 152 Điều 4 khoản 3). */
    chainExclusion: Cited.extend({ rewardTypes: z.array(RewardType) }),
    /** An initiative founds one award only. */
    initiativeOnce: Cited,
    householdCash: Cited.extend({ factor: z.number().min(0).max(10) }),
    /** Amount rounded up to this step (đồng); null: not rounded. */
    rounding: Cited.extend({ step: z.number().int().min(1).nullable() }),
    /** A word added to the authority answer for a kind of decider (e.g. a level that no longer exists). */
    deciderNotes: z.partialRecord(DeciderKind, Text).default({}),
    /** Names that differ in this period. */
    names: z.partialRecord(AwardCode, Text).default({}),
    /** Doubts for achievements of earlier years; `review` turns an eligible verdict into needs_review. */
    transitions: z
      .array(Cited.extend({ forYearAtMost: z.number().int(), message: Text, review: z.boolean() }))
      .default([]),
  })
  .superRefine(
    endNotBeforeStart('effectiveFrom', 'effectiveTo', 'Ngày hết hiệu lực không được trước ngày có hiệu lực'),
  );
export type RuleSetMeta = z.infer<typeof RuleSetMeta>;

/** base-salary.json: the base salary (lương cơ sở) from each date. */
export const BaseSalaryFile = z
  .array(Cited.extend({ from: CalendarDate, amount: z.number().int().min(1) }))
  .min(1);
export type BaseSalaryEntry = z.infer<typeof BaseSalaryFile>[number];

/** An administrator's replacement of one shipped rule, with the reason (stored and audited later). */
export const RuleOverride = z.strictObject({
  award: AwardCode,
  ruleSet: z.string().min(1).max(100),
  subject: AwardSubject,
  rule: RuleNode,
  notes: z.array(RuleNote).optional(),
  reason: Text.pipe(z.string().min(5, 'Lý do phải có ít nhất 5 ký tự')),
});
export type RuleOverride = z.infer<typeof RuleOverride>;
