import { describe, expect, it } from 'vitest';
import { parseDocumentText } from './index.ts';
import { hasSeeds, readSeed, seedsMissing } from './test-support.ts';

const labels = (text: string) => parseDocumentText(text).sections.map((node) => node.label);

describe.skipIf(!hasSeeds)('parseDocumentText on the real seeds', () => {
  it('reads seed 000: a province plan with a trade union received-stamp', () => {
    const doc = parseDocumentText(readSeed('000'));
    expect(doc.kind).toBe('KẾ HOẠCH');
    expect(doc.issuer).toEqual({ parent: null, name: 'ỦY BAN NHÂN DÂN TỈNH LAI CHÂU' });
    expect(doc.number).toBe('68/KH-UBND');
    expect(doc.place).toBe('Lai Châu');
    expect(doc.date).toBe('2019-08-21');
    expect(doc.title).toMatch(
      /^Tổ chức thực hiện Phong trào thi đua “Cán bộ, công chức.*giai đoạn 2019-2025$/,
    );
    expect(doc.incoming).toEqual({ receiver: 'LIÊN ĐOÀN LAO ĐỘNG TỈNH', number: '913', date: '2019-08-26' });
    expect(doc.legalBasis[0]?.refs[0]).toEqual({ number: '733/QĐ-TTg', date: '2019-06-14' });
    expect(doc.signature).toEqual({
      authority: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH'],
      title: 'PHÓ CHỦ TỊCH',
      name: 'Tổng Thanh Hải',
    });
    expect(doc.type).toBe('plan');
    expect(doc.recipients).toHaveLength(10);
    expect(labels(readSeed('000'))).toEqual(['I.', 'II.', 'III.', 'IV.', 'V.', 'VI.']);
    expect(doc.preamble).toHaveLength(1);
    expect(doc.preamble[0]?.text).toMatch(/^Để Phong trào thi đua được triển khai .* cụ thể như sau:$/);
    expect(doc.criteria.collective.length).toBeGreaterThan(0);
    expect(doc.criteria.individual.length).toBeGreaterThan(0);
    expect(doc.contents.collective).toHaveLength(5);
    expect(doc.movement).toEqual({
      name: 'Cán bộ, công chức, viên chức tỉnh Lai Châu thi đua thực hiện văn hóa công sở',
      periodFrom: 2019,
      periodTo: 2025,
      periodSource: { line: 20, text: 'giai đoạn 2019-2025' },
    });
    expect(doc.milestones.map((milestone) => milestone.kind)).toEqual([
      'launch',
      'midterm_review',
      'final_review',
      'annual',
    ]);
    expect(doc.awards.map((award) => [award.round, award.year])).toEqual([
      ['midterm', 2022],
      ['final', 2025],
    ]);
    expect(doc.unclassified.map((line) => line.text)).toEqual(['Tiêu', 'Công', 'Tỉnh']);
    expect(doc.truncated).toBe(false);
  });

  it('reads seed 001: a legal-database header and a text that stops early', () => {
    const doc = parseDocumentText(readSeed('001'));
    expect(doc.kind).toBe('KẾ HOẠCH');
    expect(doc.issuer.name).toBe('ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ');
    expect(doc.number).toBe('3741/KH-UBND');
    expect(doc.place).toBe('Quảng Trị');
    expect(doc.date).toBe('2019-08-16');
    expect(doc.title).toMatch(/^TỔ CHỨC THỰC HIỆN PHONG TRÀO THI ĐUA/);
    expect(doc.incoming).toBeNull();
    expect(doc.signature.name).toBe('Nguyễn Đức Chính');
    expect(doc.recipients).toEqual([]);
    expect(doc.truncated).toBe(true);
    expect(labels(readSeed('001'))).toEqual(['I.', 'II.', 'III.']);
    expect(doc.movement.periodFrom).toBe(2019);
    expect(doc.movement.periodTo).toBe(2025);
  });

  it('reads seed 002: no heading block, signature without TM./KT.', () => {
    const doc = parseDocumentText(readSeed('002'));
    expect(doc.kind).toBe('KẾ HOẠCH');
    expect(doc.issuer).toEqual({ parent: null, name: null });
    expect([doc.number, doc.place, doc.date, doc.title, doc.incoming]).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(doc.legalBasis[0]?.refs.map((ref) => ref.number)).toEqual(['34-CT/TW', '32-CT/TU']);
    expect(doc.signature).toEqual({ authority: [], title: 'CHÁNH VĂN PHÒNG', name: 'Nguyễn Ngọc Vinh' });
    expect(doc.recipients).toHaveLength(4);
    expect(labels(readSeed('002'))).toEqual(['I.', 'II.', 'III.']);
    expect(doc.sections[1]?.children[1]?.children.map((node) => node.label)).toEqual([
      'a)',
      'b)',
      'c)',
      'd)',
      'đ)',
    ]);
    expect(doc.movement).toEqual({ name: null, periodFrom: null, periodTo: null, periodSource: null });
  });

  it('reads seed 003: a letter with Kính gửi, a V/v summary and "Một là" items', () => {
    const doc = parseDocumentText(readSeed('003'));
    expect(doc.kind).toBe('CÔNG VĂN');
    expect(doc.issuer.name).toBe('ỦY BAN NHÂN DÂN TỈNH LAI CHÂU');
    expect(doc.number).toBe('134/UBND-TH');
    expect(doc.place).toBe('Lai Châu');
    expect(doc.date).toBe('2019-07-15');
    expect(doc.title).toBe(
      'V/v phát động phong trào thi đua “Cán bộ, công chức, viên chức tỉnh Lai Châu thi đua thực hiện văn hóa công sở”',
    );
    expect(doc.addressees).toEqual(['Các sở, ban, ngành, đoàn thể tỉnh', 'UBND các huyện, thành phố']);
    expect(doc.signature).toEqual({
      authority: ['TM. ỦY BAN NHÂN DÂN'],
      title: 'CHỦ TỊCH',
      name: 'Trần Tiến Dũng',
    });
    expect(doc.type).toBe('letter');
    expect(doc.recipients).toHaveLength(10);
    expect(labels(readSeed('003'))).toEqual(['1.', '2.', '3.']);
    expect(doc.preamble.map((paragraph) => paragraph.text.slice(0, 24))).toEqual([
      'Năm 2019 là năm bản lề, ',
      'Để thực hiện được mục ti',
    ]);
    expect(doc.sections[0]?.children.slice(0, 3).map((node) => node.label)).toEqual([
      'Một là,',
      'Hai là,',
      'Ba là,',
    ]);
    expect(doc.unclassified).toEqual([]);
  });

  it('reads seed 004: Markdown, OCR damage, a district plan implementing 159/KH-UBND', () => {
    const doc = parseDocumentText(readSeed('004'));
    expect(doc.kind).toBe('KẾ HOẠCH');
    expect(doc.issuer).toEqual({ parent: null, name: null });
    expect(doc.number).toBeNull();
    expect(doc.place).toBe('Lục Ngạn');
    expect(doc.date).toBe('2019-08-09');
    expect(doc.title).toMatch(/^Tổ chức thực hiện phong trào thi đua “Cán bộ.*tỉnh Bắc Giang/);
    expect(doc.legalBasis.flatMap((basis) => basis.refs)).toContainEqual({
      number: '159/KH-UBND',
      date: '2019-07-11',
    });
    expect(doc.signature).toEqual({
      authority: ['TM. ỦY BAN NHÂN DÂN'],
      title: 'CHỦ TỊCH',
      name: 'Nguyễn Thanh Bình',
    });
    expect(doc.recipients).toHaveLength(8);
    expect(labels(readSeed('004'))).toEqual(['I.', 'II.', 'III.', 'IV.', 'V.', 'VI.']);
    expect(doc.criteria.collective.length).toBeGreaterThan(0);
    expect(doc.criteria.individual.length).toBeGreaterThan(0);
    expect(doc.funding).toMatch(/^Kinh phí tổ chức thực hiện/);
    expect(doc.movement.periodFrom).toBe(2019);
    expect(doc.movement.periodTo).toBe(2025);
    expect(doc.movement.periodSource?.text).toBe('giai đoạn 2019-2025');
  });
});

if (!hasSeeds) {
  describe('parseDocumentText on the real seeds', () => {
    it.skip(seedsMissing, () => {});
  });
}
