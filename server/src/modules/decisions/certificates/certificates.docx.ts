import { AlignmentType, Document, Packer, PageOrientation, Paragraph, TextRun } from 'docx';
import { type AwardCode, awardCatalogue } from '#contracts/awards.ts';
import { formatVietnameseDate } from '#server/modules/documents/index.ts';
import type { DecisionRow, RecipientLine } from '../decisions/decisions.repo.ts';

/** A4 landscape in twentieths of a point, with 20 mm margins. */
const landscape = { width: 16838, height: 11906, margin: 1134 };

/** The heading word of a certificate: BẰNG KHEN, GIẤY KHEN, or the title's own name. */
export function certificateHeading(code: AwardCode): string {
  const entry = awardCatalogue[code];
  if (entry.family === 'certificate_of_merit') return 'BẰNG KHEN';
  if (entry.family === 'commendation') return 'GIẤY KHEN';
  return entry.name.toUpperCase();
}

const line = (
  text: string,
  options: {
    size: number;
    bold?: boolean;
    italics?: boolean;
    after?: number;
    align?: 'center' | 'left' | 'right';
  },
) =>
  new Paragraph({
    alignment:
      options.align === 'left'
        ? AlignmentType.LEFT
        : options.align === 'right'
          ? AlignmentType.RIGHT
          : AlignmentType.CENTER,
    spacing: { after: options.after ?? 120 },
    children: [new TextRun({ text, size: options.size, bold: options.bold, italics: options.italics })],
  });

/** One page of a certificate for one recipient. */
function certificatePage(decision: DecisionRow, recipient: RecipientLine, first: boolean): Paragraph[] {
  const code = recipient.awardCode as AwardCode;
  const heading = certificateHeading(code);
  const titles = decision.signerTitle
    .split('\n')
    .map((text) => text.trim())
    .filter(Boolean);
  const place = [decision.place, formatVietnameseDate(decision.decisionDate)].filter(Boolean).join(', ');
  return [
    new Paragraph({ pageBreakBefore: !first, children: [] }),
    line('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { size: 26, bold: true, after: 0 }),
    line('Độc lập - Tự do - Hạnh phúc', { size: 28, bold: true, after: 360 }),
    line(decision.authority, { size: 30, bold: true, after: 240 }),
    line('TẶNG', { size: 30, bold: true, after: 120 }),
    line(heading, { size: 56, bold: true, after: 360 }),
    line(recipient.name, { size: 44, bold: true, after: 120 }),
    ...(recipient.jobTitle || recipient.context
      ? [line([recipient.jobTitle, recipient.context].filter(Boolean).join(', '), { size: 28, after: 240 })]
      : []),
    ...(heading === 'BẰNG KHEN' || heading === 'GIẤY KHEN'
      ? [
          line(`Đã có thành tích: ${recipient.achievement ?? `xuất sắc trong năm ${recipient.year}`}`, {
            size: 28,
            italics: true,
            after: 360,
          }),
        ]
      : [line(`Năm ${recipient.year}`, { size: 28, italics: true, after: 360 })]),
    line(`Quyết định số ${decision.number ?? ''}, ${formatVietnameseDate(decision.decisionDate)}`, {
      size: 24,
      align: 'left',
      after: 0,
    }),
    line(place, { size: 26, italics: true, align: 'right', after: 60 }),
    ...titles.map((title) => line(title, { size: 28, bold: true, align: 'right', after: 0 })),
    new Paragraph({ spacing: { after: 900 }, children: [] }),
    line(decision.signerName, { size: 28, bold: true, align: 'right', after: 0 }),
  ];
}

/** Certificates (Bằng khen, Giấy khen, titles) of a decision: one landscape page per recipient. */
export async function renderCertificates(
  decision: DecisionRow,
  recipients: RecipientLine[],
): Promise<Buffer> {
  const document = new Document({
    creator: 'TĐKT',
    title: `Bằng, giấy khen theo Quyết định số ${decision.number ?? ''}`,
    styles: { default: { document: { run: { font: 'Times New Roman', size: 28 } } } },
    sections: [
      {
        properties: {
          page: {
            size: {
              width: landscape.height,
              height: landscape.width,
              orientation: PageOrientation.LANDSCAPE,
            },
            margin: {
              top: landscape.margin,
              bottom: landscape.margin,
              left: landscape.margin,
              right: landscape.margin,
            },
          },
        },
        children: recipients.flatMap((recipient, index) => certificatePage(decision, recipient, index === 0)),
      },
    ],
  });
  return Packer.toBuffer(document);
}
