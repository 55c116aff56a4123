import { describe, expect, it } from 'vitest';
import type { VoteRule } from '#contracts/award-rules.ts';
import { procedureOf, shippedDataDir } from '#server/modules/awards/index.ts';
import { loadRuleSet } from '#server/modules/awards/rules/loader.ts';
import { describeThreshold, type TallyInput, tallyNominee } from './vote-tally.ts';

const ruleSet = loadRuleSet(`${shippedDataDir}/luat-2022-nd-98-2023`);
const ruleOf = (award: 'CSTDCS' | 'CSTD_BO_TINH' | 'BK_BO_TINH' | 'AH_LAO_DONG') => {
  const vote = procedureOf(ruleSet, award).vote;
  if (!vote) throw new Error(`no vote rule for ${award}`);
  return vote;
};
const ten: TallyInput = {
  members: 10,
  present: 10,
  recused: 0,
  recusedPresent: 0,
  recusedWritten: 0,
  absentWritten: 0,
  agree: 0,
  disagree: 0,
  writtenAgree: 0,
  writtenDisagree: 0,
};

describe('tallyNominee (NĐ 98/2023 Đ30 k7)', () => {
  it('passes CSTĐ tỉnh at 9 of 10 members (≥ 90 % of all members) and fails at 8, citing Đ30 k7', () => {
    const rule = ruleOf('CSTD_BO_TINH');
    const passed = tallyNominee(rule, { ...ten, agree: 9, disagree: 1 });
    expect(passed).toMatchObject({
      result: 'passed',
      agree: 9,
      denominator: 10,
      percent: 90,
      allMembers: true,
    });
    expect(passed.article).toContain('Khoản 7 Điều 30 Nghị định số 98/2023/NĐ-CP');
    expect(tallyNominee(rule, { ...ten, agree: 8, disagree: 2 }).result).toBe('failed');
  });

  it('counts against all members: absentees without a vote count as not agreeing', () => {
    const rule = ruleOf('CSTDCS');
    // 8 present all agree, 2 absent without vote: 8/10 = 80 % → passed; 7 present → 70 % → failed.
    expect(tallyNominee(rule, { ...ten, present: 8, agree: 8 }).result).toBe('passed');
    expect(tallyNominee(rule, { ...ten, present: 7, agree: 7 }).result).toBe('failed');
  });

  it('adds written votes of absent members when the rule admits them', () => {
    const rule = ruleOf('CSTDCS');
    const tally = tallyNominee(rule, { ...ten, present: 7, absentWritten: 3, agree: 7, writtenAgree: 1 });
    expect(tally).toMatchObject({ result: 'passed', agree: 8, denominator: 10 });
    const majority = ruleOf('BK_BO_TINH');
    expect(majority.absentWrittenVotes).toBe(false);
    const ignored = tallyNominee(majority, {
      ...ten,
      present: 7,
      absentWritten: 3,
      agree: 3,
      writtenAgree: 3,
    });
    expect(ignored).toMatchObject({ agree: 3, denominator: 7, result: 'failed' });
  });

  it('decides other awards by a majority of those present (strictly more than half)', () => {
    const rule = ruleOf('BK_BO_TINH');
    expect(rule).toMatchObject({ thresholdPercent: 50, strictlyAbove: true, denominator: 'present' });
    expect(tallyNominee(rule, { ...ten, present: 8, agree: 5, disagree: 3 }).result).toBe('passed');
    expect(tallyNominee(rule, { ...ten, present: 8, agree: 4, disagree: 4 }).result).toBe('failed');
    expect(describeThreshold(tallyNominee(rule, ten))).toBe('> 50% thành viên tham gia biểu quyết');
  });

  it('takes recused members out of the denominator', () => {
    const rule = ruleOf('CSTD_BO_TINH');
    // One member is the nominee: 9 of the 9 others agree → 100 %; 8 of 9 → 88.89 % → failed.
    expect(tallyNominee(rule, { ...ten, recused: 1, recusedPresent: 1, agree: 9 })).toMatchObject({
      result: 'passed',
      denominator: 9,
    });
    expect(tallyNominee(rule, { ...ten, recused: 1, recusedPresent: 1, agree: 8 })).toMatchObject({
      result: 'failed',
      percent: 88.89,
    });
  });

  it('answers no quorum below two thirds present, or below 90 % for Anh hùng (Đ47 k4b)', () => {
    const majority = ruleOf('BK_BO_TINH');
    const short = tallyNominee(majority, { ...ten, present: 6, agree: 6 });
    expect(short).toMatchObject({ result: 'no_quorum', quorumMet: false });
    expect(short.article).toContain('2/3');
    expect(tallyNominee(majority, { ...ten, present: 7, agree: 7 }).result).toBe('passed');
    const hero = ruleOf('AH_LAO_DONG');
    expect(tallyNominee(hero, { ...ten, present: 8, agree: 8 }).result).toBe('no_quorum');
    expect(tallyNominee(hero, { ...ten, present: 9, agree: 9 }).result).toBe('passed');
  });

  it('never passes with nobody to count', () => {
    const rule: VoteRule = { ...ruleOf('BK_BO_TINH'), quorum: { percent: 0, article: 'x', confidence: 'C' } };
    expect(tallyNominee(rule, { ...ten, present: 0, members: 1 })).toMatchObject({
      result: 'failed',
      denominator: 0,
    });
  });
});
