import { describe, expect, it } from 'vitest';
import type { DocNode } from '#contracts/documents.ts';
import type { CriterionNode } from '#contracts/movements.ts';
import { sectionsFromCriteria } from '../templates/templates.service.ts';
import { SECTIONS } from '../test-support.ts';
import { textsFromDocument } from './report-import.ts';
import { canMoveReport, nextReportStatus } from './report-workflow.ts';

describe('report states', () => {
  it('go draft → approved → submitted → returned → draft … → accepted', () => {
    expect(nextReportStatus('draft', 'approve')).toBe('approved');
    expect(nextReportStatus('approved', 'submit')).toBe('submitted');
    expect(nextReportStatus('submitted', 'return')).toBe('returned');
    expect(nextReportStatus('returned', 'save')).toBe('draft');
    expect(nextReportStatus('approved', 'save')).toBe('draft');
    expect(nextReportStatus('submitted', 'accept')).toBe('accepted');
  });

  it('refuse what the table does not allow with a Vietnamese reason', () => {
    expect(() => nextReportStatus('draft', 'submit')).toThrow(/thủ trưởng duyệt/);
    expect(() => nextReportStatus('submitted', 'save')).toThrow(/không sửa được/);
    expect(() => nextReportStatus('accepted', 'return')).toThrow(/đã gửi/);
    expect(canMoveReport('submitted', 'submit')).toBe(false);
    expect(canMoveReport('accepted', 'consolidate')).toBe(false);
  });
});

const doc = (label: string | null, text: string, children: DocNode[] = []): DocNode => ({
  label,
  text,
  lines: [0, 0] as [number, number],
  children,
});

describe('reading a báo cáo into sections', () => {
  it('puts what is under a heading naming a section into it, the rest into the first section', () => {
    const body = [
      doc('I.', 'ĐẶC ĐIỂM TÌNH HÌNH', [doc(null, 'Huyện có 14 xã.')]),
      doc('II.', 'KẾT QUẢ', [
        doc('1.', 'Kết quả triển khai', [doc('-', 'Ban hành kế hoạch.')]),
        doc('2.', 'Tồn tại, hạn chế', [doc('-', 'Còn chậm.')]),
      ]),
      doc('III.', 'ĐỀ XUẤT, KIẾN NGHỊ', [doc(null, 'Bổ sung kinh phí.')]),
    ];
    expect(textsFromDocument(body, SECTIONS)).toEqual({
      'ket-qua': 'I. ĐẶC ĐIỂM TÌNH HÌNH\nHuyện có 14 xã.\n- Ban hành kế hoạch.',
      'ton-tai': '- Còn chậm.',
      'de-xuat': 'Bổ sung kinh phí.',
    });
  });

  it('builds sections from a plan: one per collective criterion between the standard ones', () => {
    const criteria: CriterionNode[] = [
      { id: 'a', label: '1.', text: 'Chấp hành giờ giấc', points: null, lines: null, children: [] },
    ];
    expect(sectionsFromCriteria(criteria).map((section) => section.key)).toEqual([
      'trien-khai',
      'ket-qua',
      'tieu-chi-1',
      'ton-tai',
      'de-xuat',
    ]);
    const bullet: CriterionNode = {
      ...criteria[0],
      label: '-',
      text: 'Công sở xanh, sạch, đẹp',
    } as CriterionNode;
    expect(sectionsFromCriteria([bullet])[2]?.title).toBe('Kết quả thực hiện: Công sở xanh, sạch, đẹp');
  });
});
