import type { DocNode, ParsedDocument } from '#contracts/documents.ts';
import type { ReportFigures, ReportIndicator, ReportSection, ReportTexts } from '#contracts/reports.ts';
import type { DocumentTable } from '#server/modules/documents/index.ts';

const ROMAN = ['I.', 'II.', 'III.', 'IV.', 'V.', 'VI.', 'VII.', 'VIII.', 'IX.', 'X.'];
const node = (label: string | null, text: string, children: DocNode[] = []): DocNode => ({
  label,
  text,
  lines: [0, 0],
  children,
});
const number = (value: number | undefined) =>
  value === undefined ? '' : new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 6 }).format(value);

/** What a báo cáo document is made from. */
export interface ReportDocumentInput {
  unitName: string;
  parentUnitName: string | null;
  title: string;
  documentNumber: string | null;
  documentDate: string | null;
  signerName: string | null;
  sections: ReportSection[];
  indicators: ReportIndicator[];
  texts: ReportTexts;
  figures: ReportFigures;
}

/** The report as an NĐ 30 báo cáo: one numbered part per section, then the figures. */
export function composeReportDocument(input: ReportDocumentInput): ParsedDocument {
  const parts = input.sections.map((section, index) =>
    node(
      ROMAN[index] ?? `${index + 1}.`,
      section.title.toUpperCase(),
      (input.texts[section.key] ?? '')
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
        .map((line) => node(null, line)),
    ),
  );
  const figures = node(
    ROMAN[parts.length] ?? `${parts.length + 1}.`,
    'SỐ LIỆU',
    input.indicators.map((indicator) =>
      node(
        '-',
        `${indicator.label}: ${number(input.figures[indicator.code]) || '0'} ${indicator.unit}`.trim(),
      ),
    ),
  );
  return {
    kind: 'BÁO CÁO',
    type: 'report',
    issuer: { parent: input.parentUnitName?.toUpperCase() ?? null, name: input.unitName.toUpperCase() },
    number: input.documentNumber,
    place: null,
    date: input.documentDate,
    title: input.title,
    authority: null,
    incoming: null,
    addressees: [],
    legalBasis: [],
    preamble: [],
    enacting: null,
    movement: { name: null, periodFrom: null, periodTo: null, periodSource: null },
    sections: [...parts, figures],
    articles: [],
    contents: { collective: [], individual: [] },
    criteria: { collective: [], individual: [] },
    awards: [],
    milestones: [],
    assignments: [],
    funding: null,
    signature: { authority: [], title: 'THỦ TRƯỞNG ĐƠN VỊ', name: input.signerName },
    recipients: [],
    attachments: [],
    truncated: false,
    unclassified: [],
  };
}

/** The table of figures per child unit attached to a consolidated report, with the totals. */
export function figuresTable(
  indicators: readonly ReportIndicator[],
  rows: readonly { unitName: string; figures: ReportFigures }[],
  totals: ReportFigures,
): DocumentTable {
  const width = Math.max(8, Math.floor(60 / Math.max(1, indicators.length)));
  return {
    title: 'BẢNG SỐ LIỆU CỦA CÁC ĐƠN VỊ',
    columns: [
      { title: 'STT', width: 6, align: 'center' },
      { title: 'Đơn vị', width: 34 },
      ...indicators.map((indicator) => ({
        title: `${indicator.label}${indicator.unit ? ` (${indicator.unit})` : ''}`,
        width,
        align: 'right' as const,
      })),
    ],
    rows: [
      ...rows.map((row, index) => [
        String(index + 1),
        row.unitName,
        ...indicators.map((indicator) => number(row.figures[indicator.code])),
      ]),
      ['', 'Tổng cộng', ...indicators.map((indicator) => number(totals[indicator.code]))],
    ],
  };
}
