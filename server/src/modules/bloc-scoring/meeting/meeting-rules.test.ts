import { describe, expect, it } from 'vitest';
import { checkMeeting, describeQuota, quotaLimit } from './meeting-rules.ts';

const members = new Set(['a', 'b', 'c', 'd', 'e', 'f']);
const meeting = (proposals: { unitId: string; award: 'CO_BO_TINH' | 'BK_BO_TINH' }[]) => ({
  presentUnitIds: [],
  proposals,
  nextHeadUnitId: null,
  nextDeputyUnitId: null,
});

describe('proposal quotas', () => {
  it('takes the stricter of a number and a share, rounding the share down', () => {
    expect(quotaLimit({ award: 'BK_BO_TINH', maxCount: null, maxPercent: 10 }, 6)).toBe(0);
    expect(quotaLimit({ award: 'BK_BO_TINH', maxCount: null, maxPercent: 10 }, 20)).toBe(2);
    expect(quotaLimit({ award: 'BK_BO_TINH', maxCount: 1, maxPercent: 50 }, 6)).toBe(1);
    expect(quotaLimit({ award: 'CO_BO_TINH', maxCount: 2, maxPercent: null }, 6)).toBe(2);
    expect(describeQuota({ award: 'BK_BO_TINH', maxCount: 3, maxPercent: 10 }, 20)).toBe(
      'tối đa 2 (không quá 3 và không quá 10% của 20 tập thể trong khối/cụm)',
    );
  });

  it('refuses proposals over a quota, a Cờ for a unit that does not lead, a unit twice or outside the bloc', () => {
    const quotas = [{ award: 'BK_BO_TINH' as const, maxCount: 2, maxPercent: null }];
    const leading = new Set(['a']);
    const check = (proposals: Parameters<typeof meeting>[0]) => () =>
      checkMeeting(meeting(proposals), members, leading, quotas);
    expect(
      check([
        { unitId: 'a', award: 'CO_BO_TINH' },
        { unitId: 'b', award: 'BK_BO_TINH' },
      ]),
    ).not.toThrow();
    expect(check(['a', 'b', 'c'].map((unitId) => ({ unitId, award: 'BK_BO_TINH' as const })))).toThrow(
      /vượt hạn mức của bảng tiêu chí: tối đa 2/,
    );
    expect(check([{ unitId: 'b', award: 'CO_BO_TINH' }])).toThrow(/dẫn đầu/);
    expect(
      check([
        { unitId: 'a', award: 'BK_BO_TINH' },
        { unitId: 'a', award: 'BK_BO_TINH' },
      ]),
    ).toThrow(/một lần/);
    expect(check([{ unitId: 'z', award: 'BK_BO_TINH' }])).toThrow(/không thuộc/);
    expect(() => checkMeeting({ ...meeting([]), nextDeputyUnitId: 'b' }, members, leading, quotas)).toThrow(
      /khối trưởng năm sau/,
    );
  });
});
