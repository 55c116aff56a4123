import { describe, expect, it } from 'vitest';
import type { SessionWithCouncil } from '../sessions/sessions.repo.ts';
import { composeMinutes, vietnamClock } from './minutes.docx.ts';

const row = (secretaryMemberId: string | null) =>
  ({
    councilName: 'Hội đồng Thi đua – Khen thưởng tỉnh',
    session: {
      id: 's1',
      title: 'Xét khen thưởng',
      meetingDate: '2026-12-01',
      place: 'Phòng họp số 1',
      chairMemberId: 'm1',
      secretaryMemberId,
      closedAt: new Date('2026-12-01T20:56:00Z'),
    },
  }) as unknown as SessionWithCouncil;
const members = [
  { memberId: 'm1', name: 'Lê Văn Lương', role: 'chair', attendance: 'present' },
  { memberId: 'm2', name: 'Nguyễn Thị Thư', role: 'secretary', attendance: 'present' },
];

describe('council minutes', () => {
  it('prints the close in Vietnam time, never UTC, crossing midnight', () => {
    expect(vietnamClock(new Date('2026-12-01T20:56:00Z'))).toEqual({ time: '03:56', date: '02/12/2026' });
    const text = composeMinutes(row('m2'), members, []).sections[0]?.text ?? '';
    expect(text).toContain('kết thúc lúc 03:56 ngày 02/12/2026');
    expect(text).not.toContain('UTC');
  });

  it("names the secretary under THƯ KÝ HỘI ĐỒNG, from the session or else the council's secretary", () => {
    for (const secretaryId of ['m2', null]) {
      const { signature } = composeMinutes(row(secretaryId), members, []);
      expect(signature.authority[0]).toBe('THƯ KÝ HỘI ĐỒNG');
      expect(signature.authority).toContain('Nguyễn Thị Thư');
      expect(signature.name).toBe('Lê Văn Lương');
    }
  });
});
