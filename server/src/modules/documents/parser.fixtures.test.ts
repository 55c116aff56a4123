import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ParsedDocument } from '#contracts/documents.ts';
import { DocumentError, parseDocumentBuffer } from './index.ts';
import { fixturesDir, listFixtures } from './test-support.ts';

describe('parseDocumentBuffer on the invented fixtures', () => {
  for (const name of listFixtures()) {
    it(`reads ${name} into its expected model`, async () => {
      const doc = await parseDocumentBuffer(readFileSync(path.join(fixturesDir, name)), name);
      const expected = JSON.parse(readFileSync(path.join(fixturesDir, `${name}.expected.json`), 'utf8'));
      expect(ParsedDocument.parse(doc)).toEqual(doc);
      expect(doc).toEqual(expected);
    });
  }

  it('reads a decision: Điều items, legal basis with refs, an OCR-damaged "Noi nhân"', async () => {
    const doc = await parseDocumentBuffer(
      readFileSync(path.join(fixturesDir, 'quyet-dinh-khen-thuong.txt')),
      'a.txt',
    );
    expect(doc.kind).toBe('QUYẾT ĐỊNH');
    expect(doc.enacting).toBe('QUYẾT ĐỊNH:');
    expect(doc.sections.map((node) => node.label)).toEqual(['Điều 1.', 'Điều 2.', 'Điều 3.']);
    expect(doc.articles).toEqual(doc.sections);
    expect(doc.legalBasis.map((basis) => basis.refs.map((ref) => ref.number))).toEqual([
      [],
      ['98/2023/NĐ-CP'],
      ['12/TTr-NV'],
    ]);
    expect(doc.recipients.map((entry) => entry.text)).toEqual([
      'Như Điều 3',
      'Chủ tịch, các PCT UBND huyện',
      'Lưu: VT, NV',
    ]);
  });

  it('reads a guide in Markdown with 1.1. numbering and a parent body', async () => {
    const doc = await parseDocumentBuffer(
      readFileSync(path.join(fixturesDir, 'huong-dan-thi-dua.md')),
      'a.md',
    );
    expect(doc.issuer).toEqual({
      parent: 'SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH BÌNH MINH',
      name: 'HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG',
    });
    expect(doc.number).toBe('28/HD-TĐKT');
    expect(doc.criteria.individual[0]?.children.map((node) => node.label)).toEqual(['*', '*']);
    expect(doc.assignments[0]).toMatchObject({ assignee: 'Các trường học', deadline: '2021-05-15' });
  });

  it('reads a letter whose two-column header is split by "|"', async () => {
    const doc = await parseDocumentBuffer(
      readFileSync(path.join(fixturesDir, 'cong-van-mot-la.txt')),
      'a.txt',
    );
    expect(doc.issuer).toEqual({ parent: 'ỦY BAN NHÂN DÂN TỈNH SÔNG XANH', name: 'SỞ NỘI VỤ' });
    expect([doc.number, doc.place, doc.date]).toEqual(['77/SNV-TĐKT', 'Sông Xanh', '2022-04-12']);
    expect(doc.sections[1]?.text).toMatch(/khen thưởng theo thẩm quyền\.$/);
  });

  it('reads an OCR-damaged plan that stops early, with dash numbering', async () => {
    const doc = await parseDocumentBuffer(
      readFileSync(path.join(fixturesDir, 'ke-hoach-ocr-dang-do.txt')),
      'a.txt',
    );
    expect(doc.issuer.name).toBe('ỦY BAN NHÂN DÂN HUYỆN NAM ĐỒI');
    expect(doc.truncated).toBe(true);
    expect(doc.sections.map((node) => node.label)).toEqual(['I-', 'II-', 'III-']);
    expect(doc.unclassified).toEqual([{ line: 18, text: 'Khoa' }]);
  });

  it('refuses unreadable input with a stable code', async () => {
    const codes = async (buffer: Buffer, name: string) =>
      parseDocumentBuffer(buffer, name).then(
        () => 'parsed',
        (error: unknown) => (error instanceof DocumentError ? error.code : 'other'),
      );
    expect(await codes(Buffer.from(''), 'a.txt')).toBe('DOCUMENT_EMPTY');
    expect(await codes(Buffer.from('not a zip'), 'a.docx')).toBe('DOCUMENT_UNREADABLE');
    expect(await codes(Buffer.from('%PDF-1.4'), 'a.pdf')).toBe('DOCUMENT_UNSUPPORTED');
    expect(await codes(Buffer.from([0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5]), 'a.txt')).toBe(
      'DOCUMENT_UNREADABLE',
    );
  });
});
