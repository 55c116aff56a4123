import { describe, expect, it } from 'vitest';
import type { Tally } from '../../../../contracts/council-sessions.ts';
import { tallyCounts, tallyShare } from './tally-text.ts';

const tally: Tally = {
  result: 'failed',
  agree: 4,
  disagree: 1,
  denominator: 7,
  allMembers: true,
  percent: 57.14,
  thresholdPercent: 70,
  strictlyAbove: false,
  quorumMet: true,
  article: 'Khoản 7 Điều 30 Nghị định số 98/2023/NĐ-CP',
};

describe('closed tally text', () => {
  it('shows agree and disagree counts apart from the share, unlike the ballots-cast column', () => {
    expect(tallyCounts(tally)).toBe('Đồng ý 4, Không đồng ý 1');
    expect(tallyShare(tally)).toBe('Tỷ lệ đồng ý: 4/7 (57,14%)');
  });
});
