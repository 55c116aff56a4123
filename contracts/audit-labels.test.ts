import { describe, expect, it } from 'vitest';
import {
  auditActionLabel,
  auditActionLabels,
  auditActions,
  auditEntityLabel,
  auditEntityLabels,
} from './audit.ts';
import { auditFieldLabel, auditFieldLabels, auditValueLabel } from './audit-fields.ts';

/** Words of English or code a label must never show. */
const english = /\b(string|number|user|unit|person|council|movement|create|update|delete|login|id)\b|[._]/i;

describe('audit labels', () => {
  it('name every audit action in Vietnamese', () => {
    for (const action of auditActions) {
      const label = auditActionLabels[action];
      expect(label, action).toBeTruthy();
      expect(label, action).not.toMatch(english);
    }
    expect(new Set(Object.values(auditActionLabels)).size).toBe(auditActions.length);
  });

  it('never show an unknown action or kind by its code', () => {
    expect(auditActionLabel('movement.launch')).toBe('Phát động phong trào thi đua');
    expect(auditActionLabel('something.new')).toBe('Thao tác khác');
    expect(auditEntityLabel('plan_obligation')).toBe('Kế hoạch triển khai');
    expect(auditEntityLabel('thing')).toBe('Đối tượng');
  });

  it('name kinds of record and fields in Vietnamese', () => {
    for (const label of [...Object.values(auditEntityLabels), ...Object.values(auditFieldLabels)]) {
      expect(label).not.toMatch(english);
    }
    expect(auditFieldLabel('termTo')).toBe('Nhiệm kỳ đến');
    expect(auditFieldLabel('mysteryField')).toBe('Trường khác');
  });

  it('reads coded values by field and kind of record', () => {
    expect(auditValueLabel('movement', 'status', 'launched')).toBe('Đã phát động');
    expect(auditValueLabel('registration', 'status', 'returned')).toBe('Bị trả lại');
    expect(auditValueLabel('council', 'role', 'chair')).toBeTruthy();
    expect(auditValueLabel('unit', 'isCollegial', true)).toBe('Có');
    expect(auditValueLabel('movement', 'how', 'import')).toBe('Nhập từ văn bản');
    expect(auditValueLabel('unit', 'name', 'Sở Nội vụ')).toBeNull();
  });
});
