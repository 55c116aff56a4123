import { describe, expect, it } from 'vitest';
import { auditDetails, formatAuditValue } from './audit-details.ts';

const person = '33333333-3333-4333-8333-333333333333';

describe('audit before/after table', () => {
  it('lists only the changed fields of an update, with Vietnamese names and dd/mm/yyyy dates', () => {
    const details = auditDetails({
      entityType: 'council',
      names: { [person]: 'Nguyễn Thị Hoa' },
      before: { id: 'x', personId: person, role: 'member', termFrom: '2026-01-01', termTo: null, version: 1 },
      after: {
        id: 'x',
        personId: person,
        role: 'chair',
        termFrom: '2026-01-01',
        termTo: '2030-12-31',
        version: 2,
      },
    });
    expect(details.rows).toEqual([
      { key: 'role', label: 'Vai trò', before: 'Ủy viên', after: 'Chủ tịch Hội đồng', changed: true },
      { key: 'termTo', label: 'Nhiệm kỳ đến', before: '—', after: '31/12/2030', changed: true },
      { key: 'version', label: 'Phiên bản', before: '1', after: '2', changed: true },
    ]);
    expect(details.unchanged).toBe(2);
  });

  it('lists every field of a creation, naming referenced records and nested edits', () => {
    const details = auditDetails({
      entityType: 'movement',
      names: { [person]: 'Nguyễn Thị Hoa' },
      before: null,
      after: {
        createdBy: person,
        isCollegial: false,
        launchedAt: '2026-03-02T01:30:00.000Z',
        detail: { op: 'add', tree: 'collective' },
        how: 'import',
      },
    });
    expect(details.rows.map((row) => [row.label, row.after])).toEqual([
      ['Người tạo', 'Nguyễn Thị Hoa'],
      ['Cơ quan tập thể', 'Không'],
      ['Phát động lúc', expect.stringMatching(/^02\/03\/2026 \d\d:30$/)],
      ['Chi tiết thay đổi › Thao tác', 'Thêm'],
      ['Chi tiết thay đổi › Nhóm tiêu chí', 'Tiêu chí tập thể'],
      ['Cách tạo', 'Nhập từ văn bản'],
    ]);
  });

  it('formats lists of records and restore figures without codes', () => {
    expect(
      formatAuditValue('bloc', 'members', [{ unitId: person, role: 'head' }], { [person]: 'Sở Nội vụ' }),
    ).toBe('Đơn vị: Sở Nội vụ; Vai trò: Trưởng khối/cụm');
    expect(formatAuditValue('database', 'rows', { users: 3, units: 4 }, {})).toBe('7');
    expect(formatAuditValue('unit', 'parentId', person, {})).toBe('(mã 33333333…)');
  });
});
