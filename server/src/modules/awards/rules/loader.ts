import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { awardCatalogue } from '#contracts/award-catalogue.ts';
import {
  AuthorityFile,
  BaseSalaryFile,
  CashFile,
  CriteriaFile,
  isGroup,
  ProcedureFile,
  type RuleNode,
  RuleSetMeta,
} from '#contracts/award-rules.ts';
import type { AwardCode, AwardSubject } from '#contracts/awards.ts';
import { RuleDataError } from './rule-data-error.ts';
import type { EffectiveCriteria, RuleSetData, ShippedRules } from './rule-set.ts';

/** The folder of the shipped rule data. */
export const shippedDataDir = path.join(import.meta.dirname, 'rule-sets');

function readJson<T extends z.ZodType>(file: string, schema: T): z.output<T> {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new RuleDataError(`Không đọc được tệp quy tắc ${file}: ${(error as Error).message}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RuleDataError(
      `Tệp quy tắc ${file} không hợp lệ tại "${issue?.path.join('.') || 'gốc'}": ${issue?.message ?? ''}`,
    );
  }
  return parsed.data;
}

/** Checks what the schema cannot: year windows in order. */
export function checkRuleTree(node: RuleNode, where: string): void {
  if (isGroup(node)) {
    for (const child of node.of) checkRuleTree(child, where);
    return;
  }
  if ('fromYear' in node && node.fromYear > node.toYear) {
    throw new RuleDataError(`${where}: năm bắt đầu (${node.fromYear}) sau năm kết thúc (${node.toYear}).`);
  }
}

function checkComplete(data: RuleSetData, folder: string): void {
  for (const [code, entry] of Object.entries(awardCatalogue) as [
    AwardCode,
    (typeof awardCatalogue)[AwardCode],
  ][]) {
    const criteria = data.criteria[code];
    for (const subject of Object.keys(criteria) as AwardSubject[]) {
      if (!entry.subjects.includes(subject)) {
        throw new RuleDataError(`${folder}/criteria.json: ${code} không xét tặng cho đối tượng ${subject}.`);
      }
    }
    for (const subject of entry.subjects) {
      const rule = criteria[subject];
      if (!rule) throw new RuleDataError(`${folder}/criteria.json: thiếu tiêu chuẩn ${code} cho ${subject}.`);
      checkRuleTree(rule.rule, `${folder}/criteria.json ${code}.${subject}`);
      const derived = subject === 'household' && entry.subjects.includes('individual');
      if (!derived && !data.cash[code][subject]) {
        throw new RuleDataError(`${folder}/cash.json: thiếu mức tiền thưởng ${code} cho ${subject}.`);
      }
    }
  }
  for (const general of data.meta.general) checkRuleTree(general.rule, `${folder}/meta.json`);
}

/** Reads and validates one rule set folder. */
export function loadRuleSet(folder: string): RuleSetData {
  const file = (name: string) => path.join(folder, name);
  const meta = readJson(file('meta.json'), RuleSetMeta);
  const criteriaFile = readJson(file('criteria.json'), CriteriaFile);
  const criteria = Object.fromEntries(
    Object.entries(criteriaFile).map(([code, bySubject]) => [
      code,
      Object.fromEntries(
        Object.entries(bySubject)
          .filter(([, entry]) => entry !== undefined)
          .map(([subject, entry]) => [subject, { ...entry, shipped: entry } as EffectiveCriteria]),
      ),
    ]),
  ) as RuleSetData['criteria'];
  const data: RuleSetData = {
    meta,
    authority: readJson(file('authority.json'), AuthorityFile),
    cash: readJson(file('cash.json'), CashFile),
    procedure: readJson(file('procedure.json'), ProcedureFile),
    criteria,
  };
  checkComplete(data, path.basename(folder));
  return data;
}

/** Reads every shipped rule set and the base salary history; periods must follow each other without gaps. */
export function loadShippedRules(dataDir: string = shippedDataDir): ShippedRules {
  const folders = readdirSync(dataDir)
    .map((name) => path.join(dataDir, name))
    .filter((entry) => statSync(entry).isDirectory());
  const ruleSets = folders
    .map(loadRuleSet)
    .sort((a, b) => a.meta.effectiveFrom.localeCompare(b.meta.effectiveFrom));
  ruleSets.forEach((ruleSet, index) => {
    const next = ruleSets[index + 1];
    const to = ruleSet.meta.effectiveTo;
    if (next && (to === null || nextDay(to) !== next.meta.effectiveFrom)) {
      throw new RuleDataError(
        `Bộ quy tắc ${ruleSet.meta.id} (đến ${to ?? 'nay'}) không nối liền với ${next.meta.id} (từ ${next.meta.effectiveFrom}).`,
      );
    }
  });
  const baseSalaries = readJson(path.join(dataDir, 'base-salary.json'), BaseSalaryFile);
  baseSalaries.forEach((entry, index) => {
    const previous = baseSalaries[index - 1];
    if (previous && previous.from >= entry.from) {
      throw new RuleDataError(
        `base-salary.json: các mốc lương cơ sở phải tăng dần theo ngày (${entry.from}).`,
      );
    }
  });
  return { ruleSets, baseSalaries };
}

function nextDay(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}
