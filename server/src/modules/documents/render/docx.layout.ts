import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';

/** Page geometry of NĐ 30/2020 in twentieths of a point: A4, margins 20/20/30/20 mm. */
export const page = {
  width: 11906,
  height: 16838,
  margin: { top: 1134, bottom: 1134, left: 1701, right: 1134 },
  /** Usable text width between the margins. */
  textWidth: 11906 - 1701 - 1134,
};

/** Font sizes in half-points (Times New Roman). */
export const size = { body: 28, header: 26, small: 24, recipients: 22 };

/** Options of one run of text. */
export interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
  size?: number;
}

/** Builds runs from text, turning "\n" into line breaks inside the same paragraph. */
export function runs(text: string, style: RunStyle = {}): TextRun[] {
  return text.split('\n').map(
    (part, index) =>
      new TextRun({
        text: part,
        break: index > 0 ? 1 : undefined,
        bold: style.bold,
        italics: style.italics,
        underline: style.underline ? {} : undefined,
        size: style.size,
      }),
  );
}

/** A centred paragraph, used in the heading block and the signature block. */
export function centred(text: string, style: RunStyle = {}, after = 0): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after }, children: runs(text, style) });
}

/** A short centred rule (the line under the issuing body or the summary). */
export function shortRule(widthTwips: number, cellWidth: number): Paragraph {
  const side = Math.max(0, Math.round((cellWidth - widthTwips) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { after: 120 },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
  });
}

/** A table without borders laying out cells side by side. */
export function borderlessTable(widths: number[], rows: Paragraph[][][]): Table {
  return new Table({
    width: { size: widths.reduce((sum, width) => sum + width, 0), type: WidthType.DXA },
    columnWidths: widths,
    borders: TableBorders.NONE,
    rows: rows.map(
      (cells) =>
        new TableRow({
          children: cells.map(
            (children, index) =>
              new TableCell({
                width: { size: widths[index] ?? 0, type: WidthType.DXA },
                verticalAlign: VerticalAlign.TOP,
                children: children.length > 0 ? children : [new Paragraph({})],
              }),
          ),
        }),
    ),
  });
}
