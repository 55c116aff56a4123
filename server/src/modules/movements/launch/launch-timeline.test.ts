import { describe, expect, it } from 'vitest';
import type { PlanContent } from '#contracts/movements.ts';
import { emptyPlanContent } from '../plans/plan-content.ts';
import { assigneeName, deadlineDate, plannedAssignments, plannedMilestones } from './launch-timeline.ts';

const plan = (parts: Partial<PlanContent>): PlanContent => ({
  ...emptyPlanContent({
    issuerName: null,
    title: 'Kế hoạch',
    movementName: 'Phong trào',
    periodFrom: 2019,
    periodTo: 2025,
  }),
  ...parts,
});

describe('deadlineDate', () => {
  it('reads ISO dates, days of a year, and nothing else', () => {
    expect(deadlineDate('2019-09-30', 2026)).toBe('2019-09-30');
    expect(deadlineDate('30/11 hang nam', 2026)).toBe('2026-11-30');
    expect(deadlineDate('15/5/2021', 2026)).toBe('2021-05-15');
    expect(deadlineDate('31/2', 2026)).toBeNull();
    expect(deadlineDate('cuối năm', 2026)).toBeNull();
    expect(deadlineDate(null, 2026)).toBeNull();
  });
});

describe('plannedMilestones', () => {
  it('dates each step by its written date, the launch deadline, or the end of its year', () => {
    const milestones = plannedMilestones(
      plan({
        milestones: [
          { kind: 'launch', year: 2026, date: null, text: 'Năm 2026: Phát động phong trào.' },
          { kind: 'midterm_review', year: 2028, date: null, text: 'Năm 2028: Sơ kết.' },
          { kind: 'final_review', year: 2030, date: '2030-09-02', text: 'Năm 2030: Tổng kết 02/9/2030.' },
          { kind: 'annual', year: null, date: null, text: 'Hằng năm: báo cáo.' },
        ],
      }),
      { year: 2026, planDeadline: '2026-03-31' },
    );
    expect(milestones).toEqual([
      { kind: 'launch', title: 'Năm 2026: Phát động phong trào.', dueOn: '2026-03-31' },
      { kind: 'midterm_review', title: 'Năm 2028: Sơ kết.', dueOn: '2028-12-31' },
      { kind: 'final_review', title: 'Năm 2030: Tổng kết 02/9/2030.', dueOn: '2030-09-02' },
    ]);
  });
});

describe('plannedAssignments', () => {
  it('gives each task its own row and the deadline to the tasks that state one', () => {
    expect(assigneeName('Sở Nội vụ (Ban Thi đua - Khen thưởng)')).toBe('Sở Nội vụ');
    const assignments = plannedAssignments(
      plan({
        assignments: [
          {
            assignee: 'Sở Nội vụ (Ban Thi đua - Khen thưởng)',
            tasks: ['Theo dõi, hướng dẫn.', 'Tổng hợp báo cáo hằng năm trước ngày 30/11.'],
            deadline: '30/11',
            recurrence: 'yearly',
          },
          {
            assignee: 'Sở Tài chính',
            tasks: ['Bố trí kinh phí.'],
            deadline: '2026-06-30',
            recurrence: 'once',
          },
          { assignee: '', tasks: ['Không ai nhận.'], deadline: null, recurrence: 'once' },
        ],
      }),
      2026,
    );
    expect(assignments).toEqual([
      { assignee: 'Sở Nội vụ', task: 'Theo dõi, hướng dẫn.', dueOn: null, recurrence: 'yearly' },
      {
        assignee: 'Sở Nội vụ',
        task: 'Tổng hợp báo cáo hằng năm trước ngày 30/11.',
        dueOn: '2026-11-30',
        recurrence: 'yearly',
      },
      { assignee: 'Sở Tài chính', task: 'Bố trí kinh phí.', dueOn: '2026-06-30', recurrence: 'once' },
    ]);
  });
});
