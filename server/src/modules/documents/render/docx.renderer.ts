import { AlignmentType, Document, Header, Packer, PageNumber, Paragraph, type Table, TextRun } from 'docx';
import type { DocNode, ParsedDocument } from '../../../../../contracts/documents.ts';
import { formatVietnameseDate } from '../parse/dates.ts';
import { joinLabel } from '../parse/numbering.ts';
import { borderlessTable, centred, page, runs, shortRule, size } from './docx.layout.ts';

const headerWidths = [3700, page.textWidth - 3700];
const footerWidths = [4300, page.textWidth - 4300];
const unitWords = /\s(?=(TỈNH|HUYỆN|THÀNH PHỐ|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN)\s)/u;

/** Splits an issuing body's name before its administrative unit ("ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU"). */
function breakBodyName(name: string): string {
  const match = unitWords.exec(name);
  return match && match.index > 0 ? `${name.slice(0, match.index)}\n${name.slice(match.index + 1)}` : name;
}

function headingTable(doc: ParsedDocument): Table {
  const left: Paragraph[] = [];
  if (doc.issuer.parent) left.push(centred(doc.issuer.parent, { size: size.header }));
  if (doc.issuer.name) {
    left.push(centred(breakBodyName(doc.issuer.name), { size: size.header, bold: true }));
    left.push(shortRule(1400, headerWidths[0] ?? 0));
  }
  const right = [
    centred('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { size: size.header - 2, bold: true }),
    centred('Độc lập - Tự do - Hạnh phúc', { size: size.body, bold: true, underline: true }, 120),
  ];
  const numberCell: Paragraph[] = [];
  if (doc.number) numberCell.push(centred(`Số: ${doc.number}`, { size: size.header }));
  if (doc.kind === 'CÔNG VĂN' && doc.title) numberCell.push(centred(doc.title, { size: size.small }));
  const dateCell: Paragraph[] = [];
  const placeDate = [doc.place, doc.date ? formatVietnameseDate(doc.date) : null].filter(Boolean).join(', ');
  if (placeDate) dateCell.push(centred(placeDate, { size: size.body, italics: true }));
  return borderlessTable(headerWidths, [
    [left, right],
    [numberCell, dateCell],
  ]);
}

function bodyParagraph(text: string, options: { bold?: boolean; italics?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: 567 },
    spacing: { before: 60, after: 60, line: 300 },
    children: runs(text, { size: size.body, ...options }),
  });
}

function isHeadingNode(node: DocNode): boolean {
  if (!node.label) return false;
  if (/^([IVXLC]+|Phần|PHẦN|Chương|CHƯƠNG|Điều|ĐIỀU)\b/u.test(node.label)) return true;
  return node.children.length > 0 && node.text.length < 90 && /^\d/.test(node.label);
}

function nodeParagraphs(nodes: DocNode[]): Paragraph[] {
  return nodes.flatMap((node) => [
    bodyParagraph(joinLabel(node.label, node.text), { bold: isHeadingNode(node) }),
    ...nodeParagraphs(node.children),
  ]);
}

function openingParagraphs(doc: ParsedDocument): Paragraph[] {
  const out: Paragraph[] = [];
  if (doc.kind && doc.kind !== 'CÔNG VĂN') {
    out.push(centred(doc.kind, { size: size.body, bold: true }, 0));
    if (doc.title) out.push(centred(doc.title, { size: size.body, bold: true }));
    out.push(shortRule(2000, page.textWidth));
  }
  if (doc.addressees.length === 1)
    out.push(centred(`Kính gửi: ${doc.addressees[0]}.`, { size: size.body }, 120));
  else if (doc.addressees.length > 1) {
    out.push(centred('Kính gửi:', { size: size.body }));
    doc.addressees.forEach((addressee, index) => {
      const end = index === doc.addressees.length - 1 ? '.' : ';';
      out.push(centred(`- ${addressee}${end}`, { size: size.body }));
    });
  }
  for (const basis of doc.legalBasis)
    out.push(bodyParagraph(basis.text, { italics: doc.kind === 'QUYẾT ĐỊNH' }));
  return out;
}

function closingTable(doc: ParsedDocument): Table | null {
  const { signature, recipients } = doc;
  if (recipients.length === 0 && signature.authority.length === 0 && !signature.title && !signature.name) {
    return null;
  }
  const left: Paragraph[] = [];
  if (recipients.length > 0) {
    left.push(
      new Paragraph({ children: runs('Nơi nhận:', { bold: true, italics: true, size: size.small }) }),
    );
    recipients.forEach((recipient, index) => {
      const end = index === recipients.length - 1 ? '.' : ';';
      left.push(new Paragraph({ children: runs(`- ${recipient}${end}`, { size: size.recipients }) }));
    });
  }
  const right: Paragraph[] = [];
  for (const line of signature.authority) right.push(centred(line, { size: size.body, bold: true }));
  if (signature.title) right.push(centred(signature.title, { size: size.body, bold: true }));
  for (let blank = 0; blank < 4; blank += 1) right.push(new Paragraph({}));
  if (signature.name) right.push(centred(signature.name, { size: size.body, bold: true }));
  return borderlessTable(footerWidths, [[left, right]]);
}

/** Renders a parsed document as an NĐ 30/2020 DOCX (A4, legal margins, Times New Roman, page numbers from page 2). */
export async function renderDocx(doc: ParsedDocument): Promise<Buffer> {
  const closing = closingTable(doc);
  const document = new Document({
    creator: 'TĐKT',
    title: doc.title ?? doc.kind ?? 'Văn bản',
    styles: { default: { document: { run: { font: 'Times New Roman', size: size.body } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: { size: { width: page.width, height: page.height }, margin: page.margin },
        },
        headers: {
          first: new Header({ children: [new Paragraph({})] }),
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT], size: size.body })],
              }),
            ],
          }),
        },
        children: [
          headingTable(doc),
          new Paragraph({ spacing: { after: 120 } }),
          ...openingParagraphs(doc),
          ...nodeParagraphs(doc.sections),
          new Paragraph({}),
          ...(closing ? [closing] : []),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
