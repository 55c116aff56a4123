import { describe, expect, it } from 'vitest';
import type { DossierFile } from '#contracts/nomination-dossier.ts';
import { checkNominee } from './checklist.ts';
import { componentOfItem, requiredComponents } from './components.ts';
import { detectDossierFileType, dossierFileName } from './file-type.ts';

const file = (component: DossierFile['component'], nomineeId: string | null): DossierFile => ({
  id: crypto.randomUUID(),
  nominationId: 'n',
  nomineeId,
  component,
  fileName: 'a.pdf',
  contentType: 'application/pdf',
  size: 10,
  uploadedBy: null,
  createdAt: '2025-01-01T00:00:00.000Z',
  version: 1,
});

describe('dossier components from the catalogue', () => {
  it('reads each line of the list as a component and leaves notes out', () => {
    expect(componentOfItem('Tờ trình đề nghị (Mẫu số 01)')).toBe('to_trinh');
    expect(componentOfItem('Báo cáo thành tích của cá nhân (Mẫu số 05)')).toBe('bao_cao_thanh_tich');
    expect(componentOfItem('Biên bản bình xét thi đua và kết quả bỏ phiếu')).toBe('bien_ban');
    expect(componentOfItem('Xác nhận sáng kiến, đề tài')).toBe('xac_nhan');
    expect(componentOfItem('Theo quy định của bộ, ban, ngành, tỉnh')).toBeNull();
    expect(componentOfItem('01 bộ bản chính, kèm tệp điện tử (Word, PDF)')).toBeNull();
  });

  it('asks the đột xuất confirmation only of a đột xuất nominee', () => {
    const items = [
      'Tờ trình',
      'Báo cáo thành tích',
      'Xác nhận của cơ quan có thẩm quyền (với thành tích đột xuất)',
    ];
    expect(requiredComponents(items, 'thuong_xuyen').map((c) => c.code)).toEqual([
      'to_trinh',
      'bao_cao_thanh_tich',
    ]);
    expect(requiredComponents(items, 'dot_xuat').map((c) => c.code)).toContain('xac_nhan');
  });
});

describe('checkNominee', () => {
  it('marks CSTĐCS under NĐ 152 present from the nominee’s own and the whole tờ trình’s files', () => {
    const result = checkNominee({ id: 'a', awardCode: 'CSTDCS', rewardType: 'thuong_xuyen' }, '2025-09-01', [
      file('to_trinh', null),
      file('bao_cao_thanh_tich', 'a'),
      file('bao_cao_thanh_tich', 'b'),
      file('khac', 'a'),
    ]);
    expect(result.ruleSet?.id).toBe('luat-2022-nd-152-2025');
    expect(Object.fromEntries(result.items.map((item) => [item.code, item.present]))).toEqual({
      to_trinh: true,
      bao_cao_thanh_tich: true,
      bien_ban: false,
      xac_nhan: false,
    });
    expect(result.items.find((item) => item.code === 'bao_cao_thanh_tich')?.files).toHaveLength(1);
    expect(result.otherFiles.map((item) => item.component)).toEqual(['khac']);
  });

  it('reads the rule set in force on the date (NĐ 91 before 2024)', () => {
    const result = checkNominee(
      { id: 'a', awardCode: 'BK_BO_TINH', rewardType: 'thuong_xuyen' },
      '2020-06-01',
      [],
    );
    expect(result.ruleSet?.id).toBe('luat-2003-nd-91-2017');
    expect(result.items.every((item) => !item.present)).toBe(true);
  });
});

describe('dossier file type', () => {
  it('knows PDF, PNG and JPEG by their first bytes, and refuses the rest', async () => {
    expect((await detectDossierFileType(Buffer.from('%PDF-1.7\n')))?.extension).toBe('pdf');
    expect(
      (await detectDossierFileType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0])))
        ?.extension,
    ).toBe('png');
    expect((await detectDossierFileType(Buffer.from([0xff, 0xd8, 0xff, 0xe0])))?.extension).toBe('jpg');
    expect(await detectDossierFileType(Buffer.from('MZ\x90\x00'))).toBeNull();
    expect(await detectDossierFileType(Buffer.from('PK\x03\x04 not a zip'))).toBeNull();
  });

  it('names a file safely with the extension of its real kind', () => {
    const pdf = { extension: 'pdf', contentType: 'application/pdf' } as const;
    expect(dossierFileName('C:\\tai lieu\\bao cao.docx', 'Tờ trình', pdf)).toBe('bao cao.pdf');
    expect(dossierFileName('', 'Tờ trình', pdf)).toBe('Tờ trình.pdf');
  });
});
