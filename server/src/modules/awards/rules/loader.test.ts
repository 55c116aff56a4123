import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadShippedRules, shippedDataDir } from './loader.ts';
import { RuleDataError } from './rule-data-error.ts';

let copy: string | undefined;
afterEach(() => {
  if (copy) rmSync(copy, { recursive: true, force: true });
  copy = undefined;
});

/** A scratch copy of the shipped data with one file changed by `edit`. */
function withEdited(file: string, edit: (json: unknown) => unknown): string {
  copy = mkdtempSync(path.join(tmpdir(), 'tdkt-rules-'));
  cpSync(shippedDataDir, copy, { recursive: true });
  const target = path.join(copy, file);
  writeFileSync(target, JSON.stringify(edit(JSON.parse(readFileSync(target, 'utf8')))));
  return copy;
}

describe('loading the shipped rule data', () => {
  it('loads three rule sets that follow each other, and five base salary steps', () => {
    const { ruleSets, baseSalaries } = loadShippedRules();
    expect(ruleSets.map((ruleSet) => [ruleSet.meta.effectiveFrom, ruleSet.meta.effectiveTo])).toEqual([
      ['2017-10-01', '2023-12-31'],
      ['2024-01-01', '2025-06-30'],
      ['2025-07-01', null],
    ]);
    expect(baseSalaries.map((entry) => entry.amount)).toContain(2_340_000);
  });

  it('refuses an unknown field in a rule, naming the file and the place', () => {
    const dir = withEdited('luat-2022-nd-152-2025/criteria.json', (json) => {
      const data = json as { LDTT: { individual: { rule: Record<string, unknown> } } };
      data.LDTT.individual.rule.typo = 1;
      return data;
    });
    expect(() => loadShippedRules(dir)).toThrow(RuleDataError);
    expect(() => loadShippedRules(dir)).toThrow(/criteria\.json.*LDTT/);
  });

  it('refuses a rule set that forgets an award', () => {
    const dir = withEdited('luat-2022-nd-98-2023/cash.json', (json) => {
      const { CSTDCS: _removed, ...rest } = json as Record<string, unknown>;
      return rest;
    });
    expect(() => loadShippedRules(dir)).toThrow(/cash\.json.*CSTDCS/);
  });

  it('refuses a gap between two periods', () => {
    const dir = withEdited('luat-2022-nd-98-2023/meta.json', (json) => ({
      ...(json as object),
      effectiveTo: '2025-06-29',
    }));
    expect(() => loadShippedRules(dir)).toThrow(/không nối liền/);
  });

  it('refuses a year window that ends before it starts', () => {
    const dir = withEdited('luat-2022-nd-152-2025/meta.json', (json) => {
      const meta = json as { general: { rule: { fromYear?: number; toYear?: number } }[] };
      (meta.general[0] as { rule: { fromYear: number } }).rule.fromYear = -1;
      (meta.general[0] as { rule: { toYear: number } }).rule.toYear = -2;
      return meta;
    });
    expect(() => loadShippedRules(dir)).toThrow(/năm bắt đầu/);
  });
});
