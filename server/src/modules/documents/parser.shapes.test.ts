import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ParsedDocument } from '#contracts/documents.ts';
import { parseDocumentBuffer, parseDocumentText } from './index.ts';
import { fixturesDir } from './test-support.ts';

const read = (name: string): Promise<ParsedDocument> =>
  parseDocumentBuffer(readFileSync(path.join(fixturesDir, name)), name);

describe('documents as they arrive (issue 17)', () => {
  it('joins a plan copied from a PDF: date, title, clauses, items, signer and recipients broken anywhere', async () => {
    const doc = await read('ke-hoach-ngat-dong.txt');
    expect([doc.place, doc.date]).toEqual(['Thanh Lâm', '2025-11-18']);
    expect(doc.title).toMatch(/đô thị văn minh” \(2026 – 2030\)$/);
    expect(doc.legalBasis).toHaveLength(1);
    expect(doc.sections[0]?.children[0]?.children[0]?.text).toMatch(
      /gắn với chuyển đổi số và bảo vệ môi trường\.$/,
    );
    expect(doc.signature.title).toBe('PHÓ CHỦ TỊCH THƯỜNG TRỰC');
    expect(doc.signature.name).toBe('Nguyễn Thị Thu Hà');
    expect(doc.recipients[1]?.text).toBe(
      'Thường trực Tỉnh ủy, Thường trực Hội đồng nhân dân tỉnh, Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh',
    );
  });

  it('finds every document cited by one "Thực hiện …; …; …" paragraph and by wrapped "Căn cứ" clauses', async () => {
    const plan = await read('ke-hoach-ngat-dong.txt');
    expect(plan.legalBasis[0]?.refs.map((ref) => ref.number)).toEqual([
      '41/CT-TTg',
      '1205/KH-BNV',
      '08/HD-BTĐKT',
      '512/TB-VPCP',
      '15/NQ-HĐND',
    ]);
    const decision = await read('quyet-dinh-bo-noi-vu.txt');
    expect(decision.legalBasis.flatMap((basis) => basis.refs)).toContainEqual({
      number: '512/TB-VPCP',
      date: '2025-10-25',
    });
  });

  it('reads a type name broken over two lines and a heading flattened into one', async () => {
    const doc = await read('quyet-dinh-bo-noi-vu.txt');
    expect([doc.kind, doc.type, doc.issuer.name, doc.number, doc.place]).toEqual([
      'QUYẾT ĐỊNH',
      'decision',
      'BỘ NỘI VỤ',
      '2150/QĐ-BNV',
      'Hà Nội',
    ]);
    expect(doc.authority).toBe('BỘ TRƯỞNG BỘ NỘI VỤ');
  });

  it('keeps several opening paragraphs as the preamble, and reads "từ nay đến năm 2030" from the plan year', async () => {
    const doc = await read('ke-hoach-nhieu-doan-mo-dau.txt');
    expect(doc.preamble).toHaveLength(3);
    expect(doc.sections.map((node) => node.label)).toEqual(['I.', 'II.', 'III.', 'IV.']);
    expect(doc.movement).toMatchObject({
      periodFrom: 2025,
      periodTo: 2030,
      periodSource: { line: 14, text: 'từ nay đến năm 2030' },
    });
  });

  it('reads a decision issuing a regulation: articles, then the regulation with chapters as an attachment', async () => {
    const doc = await read('quyet-dinh-ban-hanh-quy-che.txt');
    expect(doc.articles.map((node) => node.label)).toEqual(['Điều 1.', 'Điều 2.', 'Điều 3.']);
    expect(doc.signature.name).toBe('Trần Quốc Việt');
    const [regulation] = doc.attachments;
    expect(regulation).toMatchObject({
      kind: 'QUY CHẾ',
      title: 'Công tác thi đua, khen thưởng trên địa bàn tỉnh Thanh Lâm',
    });
    expect(regulation?.sections.map((node) => `${node.label} ${node.text}`)).toEqual([
      'Chương I QUY ĐỊNH CHUNG',
      'Chương II TỔ CHỨC PHONG TRÀO THI ĐUA',
      'Chương III DANH HIỆU THI ĐUA VÀ HÌNH THỨC KHEN THƯỞNG',
      'Chương IV TỔ CHỨC THỰC HIỆN',
    ]);
    expect(regulation?.articles.map((node) => node.label)).toEqual([
      'Điều 1.',
      'Điều 2.',
      'Điều 3.',
      'Điều 4.',
      'Điều 5.',
      'Điều 6.',
      'Điều 7.',
      'Điều 8.',
    ]);
    expect(doc.recipients.find((entry) => entry.subEntries.length > 0)).toEqual({
      text: 'Các cơ quan báo chí của tỉnh:',
      subEntries: ['Báo và Phát thanh, Truyền hình Thanh Lâm', 'Cổng Thông tin điện tử tỉnh'],
    });
  });

  it("never takes a form's CHỦ TỊCH HỘI ĐỒNG or NGƯỜI NHẬN for the signer", async () => {
    const doc = await read('quyet-dinh-kem-mau.txt');
    expect(doc.signature).toEqual({
      authority: ['KT. CHỦ TỊCH'],
      title: 'PHÓ CHỦ TỊCH',
      name: 'Lê Văn Bình',
    });
    expect(doc.recipients).toHaveLength(4);
    expect(doc.attachments.map((attachment) => attachment.label)).toEqual([
      'Mẫu số 01',
      'Mẫu số 02',
      'Mẫu số 03',
    ]);
    expect(doc.authority).toBe('CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ TÂN LẬP');
  });

  it('reads a council resolution: its authority over two lines, the enacting sentence, articles', async () => {
    const doc = await read('nghi-quyet-hdnd.txt');
    expect(doc.type).toBe('resolution');
    expect(doc.authority).toBe('HỘI ĐỒNG NHÂN DÂN THÀNH PHỐ HẢI VÂN KHÓA XVI, KỲ HỌP THỨ HAI MƯƠI LĂM');
    expect(doc.enacting).toMatch(/^Hội đồng nhân dân thành phố ban hành Nghị quyết/);
    expect(doc.articles).toHaveLength(4);
    expect(doc.signature).toEqual({ authority: [], title: 'CHỦ TỊCH', name: 'Phạm Minh Tuấn' });
  });

  it("reads a telegram's addressees as addressees, not recipients", async () => {
    const doc = await read('cong-dien-thu-tuong.txt');
    expect([doc.kind, doc.type, doc.authority]).toEqual(['CÔNG ĐIỆN', 'telegram', 'THỦ TƯỚNG CHÍNH PHỦ']);
    expect(doc.addressees).toHaveLength(3);
    expect(doc.recipients.map((entry) => entry.text)).toContain('Như trên');
    expect(doc.preamble).toHaveLength(2);
    expect(doc.movement.periodFrom).toBeNull();
  });

  it('reads an appendix holding a table, after the signature', async () => {
    const doc = await read('ke-hoach-phu-luc-bang.md');
    expect(doc.signature.name).toBe('Đặng Văn Hùng');
    expect(doc.attachments).toHaveLength(1);
    expect(doc.attachments[0]?.sections.map((node) => node.text.split('|')[1]?.trim())).toEqual([
      'STT',
      '1',
      '2',
      '3',
      '4',
    ]);
    expect(doc.movement.periodSource?.text).toBe('giai đoạn 2026 - 2030');
  });

  it('joins authority lines, a position and a name broken over lines in a signature block', () => {
    const text = [
      'KẾ HOẠCH',
      'Tổ chức phong trào thi đua năm 2026',
      '',
      'I. MỤC ĐÍCH',
      'Thi đua hoàn thành nhiệm vụ.',
      '',
      'Nơi nhận:',
      '- Các sở, ban, ngành tỉnh, Ủy ban nhân dân các xã, phường và các',
      'doanh nghiệp thuộc khối thi đua;',
      '- Các cơ quan báo chí:',
      '+ Báo Sông Xanh;',
      '+ Đài Phát thanh và Truyền hình tỉnh;',
      '- Lưu: VT.',
      '',
      'TM. ỦY BAN NHÂN',
      'DÂN',
      'KT. CHỦ TỊCH',
      'PHÓ CHỦ TỊCH THƯỜNG',
      'TRỰC',
      '',
      'Nguyễn Văn',
      'An',
    ].join('\n');
    const doc = parseDocumentText(text);
    expect(doc.signature).toEqual({
      authority: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH'],
      title: 'PHÓ CHỦ TỊCH THƯỜNG TRỰC',
      name: 'Nguyễn Văn An',
    });
    expect(doc.recipients).toEqual([
      {
        text: 'Các sở, ban, ngành tỉnh, Ủy ban nhân dân các xã, phường và các doanh nghiệp thuộc khối thi đua',
        subEntries: [],
      },
      { text: 'Các cơ quan báo chí:', subEntries: ['Báo Sông Xanh', 'Đài Phát thanh và Truyền hình tỉnh'] },
      { text: 'Lưu: VT', subEntries: [] },
    ]);
  });

  it('recognises the kind of a document from its symbol when no type name is written', () => {
    const kinds = [
      'Số: 15/CĐ-TTg',
      'Số: 12/TB-UBND',
      'Số: 8/TTr-SNV',
      'Số: 3/BC-UBND',
      'Số: 9/HD-SNV',
      'Số: 4/CV-UBND',
    ].map((line) => parseDocumentText(`ỦY BAN NHÂN DÂN\nTỈNH SÔNG XANH\n\n${line}\n\nNội dung.\n`).type);
    expect(kinds).toEqual(['telegram', 'notice', 'submission', 'report', 'guide', 'letter']);
  });
});
