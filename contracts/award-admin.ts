import { z } from 'zod';
import { AwardCode, AwardSubject, RewardType } from './awards.ts';
import { IsoDate, RecordVersion, StoredDate, Text } from './common.ts';

/** The award catalogue page, administrators' rule overrides and base salaries. */

const Mark = z.enum(['C', 'S', 'U']);
/** One line of a rule as the catalogue shows it (indented tree, each condition with article and mark). */
export const RuleLine = z.object({
  depth: z.number().int(),
  text: z.string(),
  article: z.string().optional(),
  confidence: Mark.optional(),
});
export type RuleLine = z.infer<typeof RuleLine>;

/** The criteria of one award for one subject in one rule set: in force, and as shipped when overridden. */
export const CriteriaView = z.object({
  lines: z.array(RuleLine),
  notes: z.array(z.object({ text: z.string(), article: z.string(), confidence: Mark })),
  rule: z.unknown(),
  shippedLines: z.array(RuleLine).nullable(),
  shippedRule: z.unknown(),
  override: z
    .object({ id: z.string(), version: z.number().int(), reason: z.string(), updatedAt: z.string() })
    .nullable(),
});
export type CriteriaView = z.infer<typeof CriteriaView>;

const Cited = z.object({ article: z.string(), confidence: Mark });
/** Everything one rule set says about one award. */
export const CatalogueAward = z.object({
  code: AwardCode,
  name: z.string(),
  family: z.string(),
  familyName: z.string(),
  subjects: z.array(AwardSubject),
  rewardTypes: z.array(RewardType),
  statistics: z.string().nullable(),
  statisticsName: z.string().nullable(),
  deciders: z.array(Cited.extend({ label: z.string(), note: z.string().optional() })),
  cash: z.array(
    Cited.extend({ subject: AwardSubject, multiple: z.number().nullable(), note: z.string().optional() }),
  ),
  dossier: Cited.extend({ items: z.array(z.string()) }),
  vote: Cited.extend({ text: z.string() }).nullable(),
  posting: Cited.extend({ text: z.string() }),
  criteria: z.array(CriteriaView.extend({ subject: AwardSubject })),
});
export type CatalogueAward = z.infer<typeof CatalogueAward>;

export const RuleSetInfo = z.object({
  id: z.string(),
  name: z.string(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  conditions: z.number().int(),
  byConfidence: z.object({ C: z.number().int(), S: z.number().int(), U: z.number().int() }),
  overridden: z.number().int(),
});
export const CatalogueQuery = z.object({ ruleSet: Text(100).optional() });
export const Catalogue = z.object({
  ruleSets: z.array(RuleSetInfo),
  ruleSet: z.string(),
  awards: z.array(CatalogueAward),
});
export type Catalogue = z.infer<typeof Catalogue>;

/** An administrator's replacement of one shipped rule (`version` when changing an existing one). */
export const OverrideBody = z.strictObject({
  ruleSet: Text(100).min(1),
  award: AwardCode,
  subject: AwardSubject,
  rule: z.unknown(),
  notes: z.unknown().optional(),
  reason: Text(1000).min(5, 'Lý do phải có ít nhất 5 ký tự'),
  version: RecordVersion.optional(),
});
export type OverrideBody = z.infer<typeof OverrideBody>;
export const RestoreQuery = z.object({ reason: Text(1000).min(5, 'Lý do phải có ít nhất 5 ký tự') });

/** The base salary from a date, shipped or added by an administrator. */
export const BaseSalaryView = z.object({
  from: StoredDate,
  amount: z.number().int(),
  article: z.string(),
  confidence: Mark,
  added: z.boolean(),
});
export const BaseSalaryList = z.object({ items: z.array(BaseSalaryView) });
export type BaseSalaryList = z.infer<typeof BaseSalaryList>;
export const BaseSalaryBody = z.strictObject({
  from: IsoDate,
  amount: z
    .number()
    .int('Mức lương phải là số nguyên')
    .min(100_000, 'Mức lương cơ sở quá thấp')
    .max(100_000_000),
  article: Text(300).min(5, 'Ghi văn bản quy định (số nghị định, điều, khoản)'),
});
export type BaseSalaryBody = z.infer<typeof BaseSalaryBody>;
