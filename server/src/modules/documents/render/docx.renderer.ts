import { AlignmentType, Document, Header, Packer, PageNumber, Paragraph, type Table, TextRun } from 'docx';
import type { ParsedDocument } from '#contracts/documents.ts';
import { formatVietnameseDate } from '../parse/dates.ts';
import { attachmentsParagraphs } from './docx.attachments.ts';
import { nodeParagraphs } from './docx.body.ts';
import { borderlessTable, centred, page, runs, shortRule, size } from './docx.layout.ts';
import { openingParagraphs } from './docx.opening.ts';
import { type DocumentTable, insertTables, tableBlocks } from './docx.tables.ts';

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
    const line = (text: string) =>
      left.push(new Paragraph({ children: runs(text, { size: size.recipients }) }));
    recipients.forEach((recipient, index) => {
      const isLast = index === recipients.length - 1;
      const end = (last: boolean) => (last ? '.' : ';');
      line(
        `- ${recipient.text}${recipient.text.endsWith(':') ? '' : end(isLast && recipient.subEntries.length === 0)}`,
      );
      recipient.subEntries.forEach((sub, position) => {
        line(`+ ${sub}${end(isLast && position === recipient.subEntries.length - 1)}`);
      });
    });
  }
  const right: Paragraph[] = [];
  for (const line of signature.authority) right.push(centred(line, { size: size.body, bold: true }));
  if (signature.title) right.push(centred(signature.title, { size: size.body, bold: true }));
  for (let blank = 0; blank < 4; blank += 1) right.push(new Paragraph({}));
  if (signature.name) right.push(centred(signature.name, { size: size.body, bold: true }));
  return borderlessTable(footerWidths, [[left, right]]);
}

/**
 * Renders a parsed document as an NĐ 30/2020 DOCX (A4, legal margins, Times New Roman, page numbers
 * from page 2); `tables` are lists issued with it (danh sách kèm theo), each from a new page.
 */
export async function renderDocx(
  doc: ParsedDocument,
  options: { tables?: DocumentTable[] } = {},
): Promise<Buffer> {
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
          ...attachmentsParagraphs(doc.attachments),
          ...(options.tables ?? []).flatMap((table, index) => tableBlocks(table, index)),
        ],
      },
    ],
  });
  return insertTables(await Packer.toBuffer(document), options.tables ?? []);
}
