import ExcelJS from 'exceljs';
import {
  CRITERIA_MAX,
  CriterionInput,
  type CriterionKind,
  criterionKindLabels,
} from '#contracts/bloc-scoring.ts';
import type { FieldError } from '#contracts/common.ts';
import { AppError } from '#server/platform/http/app-error.ts';

/** The media type of an XLSX workbook. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The layout of a scoring table in a spreadsheet, as provinces keep it: one criterion per row, its
 * code, content and maximum points first, then how it is scored.
 */
export const TABLE_HEADERS = [
  'Mã tiêu chí',
  'Nội dung tiêu chí',
  'Điểm tối đa',
  'Loại tiêu chí',
  'Thuộc nhóm (mã)',
  'Điểm mỗi trường hợp',
  'Điểm trừ mỗi trường hợp',
  'Điểm thấp nhất',
  'Cần minh chứng',
] as const;

const kindOfText = new Map<string, CriterionKind>(
  (Object.entries(criterionKindLabels) as [CriterionKind, string][]).flatMap(([kind, label]) => [
    [label.toLowerCase(), kind],
    [kind, kind],
  ]),
);

/** One bloc's scores for the workbook: its members in ranking order with their points per criterion code. */
export interface BlocResults {
  blocName: string;
  units: {
    name: string;
    total: number;
    rank: number;
    isLeading: boolean;
    points: ReadonlyMap<string, number>;
  }[];
}

/** A worksheet name Excel accepts: no []:*?/\ and at most 31 characters, unique in the workbook. */
function sheetName(workbook: ExcelJS.Workbook, name: string) {
  const base =
    name
      .replace(/[[\]:*?/\\]/g, ' ')
      .slice(0, 28)
      .trim() || 'Khối';
  let candidate = base;
  for (let index = 2; workbook.getWorksheet(candidate); index++) candidate = `${base} ${index}`;
  return candidate;
}

/** Adds a bloc's sheet: criteria in rows with their maximum, one column of points per member, the total and the rank. */
function addResults(workbook: ExcelJS.Workbook, criteria: readonly CriterionInput[], bloc: BlocResults) {
  const sheet = workbook.addWorksheet(sheetName(workbook, bloc.blocName), {
    views: [{ state: 'frozen', ySplit: 2, xSplit: 3 }],
  });
  sheet.addRow([`Kết quả chấm điểm — ${bloc.blocName}`]).font = { bold: true, size: 13 };
  sheet.addRow([
    'Mã tiêu chí',
    'Nội dung tiêu chí',
    'Điểm tối đa',
    ...bloc.units.map((unit) => unit.name),
  ]).font = { bold: true };
  for (const criterion of criteria)
    sheet.addRow([
      criterion.code,
      criterion.title,
      criterion.maxPoints,
      ...bloc.units.map((unit) => unit.points.get(criterion.code) ?? 0),
    ]).font = { bold: criterion.kind === 'group' };
  sheet.addRow(['', 'Tổng điểm', '', ...bloc.units.map((unit) => unit.total)]).font = { bold: true };
  sheet.addRow([
    '',
    'Xếp hạng',
    '',
    ...bloc.units.map((unit) => (unit.isLeading ? `${unit.rank} (dẫn đầu)` : unit.rank)),
  ]).font = {
    bold: true,
  };
  sheet.columns.forEach((column, index) => {
    column.width = index === 1 ? 60 : index < 3 ? 12 : 18;
  });
}

/**
 * Writes a table as an XLSX workbook: its criteria (criteria in rows, maximum in a column; the
 * sheet the import reads), then one sheet of scores per bloc the reader may see.
 */
export async function tableXlsx(
  name: string,
  criteria: readonly CriterionInput[],
  results: readonly BlocResults[] = [],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Bảng tiêu chí', { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.addRow([name]).font = { bold: true, size: 13 };
  sheet.addRow([...TABLE_HEADERS]).font = { bold: true };
  for (const criterion of criteria)
    sheet.addRow([
      criterion.code,
      criterion.title,
      criterion.maxPoints,
      criterionKindLabels[criterion.kind],
      criterion.parentCode ?? '',
      criterion.pointsPerItem ?? '',
      criterion.penaltyPerItem ?? '',
      criterion.minPoints ?? '',
      criterion.evidenceRequired ? 'Có' : '',
    ]);
  sheet.columns.forEach((column, index) => {
    column.width = index === 1 ? 70 : 16;
  });
  for (const bloc of results) addResults(workbook, criteria, bloc);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const text = (value: unknown) => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'richText' in (value as object))
    return (value as { richText: { text: string }[] }).richText
      .map((part) => part.text)
      .join('')
      .trim();
  return String(value).trim();
};
const number = (value: unknown) => {
  const cell = text(value).replace(',', '.');
  return cell === '' ? null : Number(cell);
};

/**
 * Reads criteria from an XLSX file in the layout above: the header row is found by its first cell
 * ("Mã tiêu chí"), every row after it with a code is a criterion. All or nothing: any bad row is
 * refused with its row number and column.
 */
export async function readTableXlsx(buffer: Buffer): Promise<CriterionInput[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Tệp tải lên không phải bảng tính Excel (.xlsx).');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError('VALIDATION_FAILED', 'Tệp Excel không có trang tính nào.');
  let headerRow = 0;
  sheet.eachRow((row, index) => {
    if (!headerRow && text(row.getCell(1).value).toLowerCase() === TABLE_HEADERS[0].toLowerCase())
      headerRow = index;
  });
  if (!headerRow)
    throw new AppError('VALIDATION_FAILED', `Không thấy dòng tiêu đề bắt đầu bằng "${TABLE_HEADERS[0]}".`);
  const criteria: CriterionInput[] = [];
  const errors: FieldError[] = [];
  for (let index = headerRow + 1; index <= sheet.rowCount; index++) {
    const row = sheet.getRow(index);
    const cell = (column: number) => row.getCell(column).value;
    if (!text(cell(1)) && !text(cell(2))) continue;
    if (criteria.length + errors.length >= CRITERIA_MAX)
      throw new AppError('VALIDATION_FAILED', `Bảng tiêu chí có tối đa ${CRITERIA_MAX} tiêu chí.`);
    const kind = kindOfText.get(text(cell(4)).toLowerCase());
    if (!kind) {
      errors.push({ path: `rows.${index}.kind`, message: `Dòng ${index}: loại tiêu chí không hợp lệ` });
      continue;
    }
    const parsed = CriterionInput.safeParse({
      code: text(cell(1)),
      title: text(cell(2)),
      maxPoints: number(cell(3)),
      kind,
      parentCode: text(cell(5)) || null,
      pointsPerItem: number(cell(6)),
      penaltyPerItem: number(cell(7)),
      minPoints: number(cell(8)),
      evidenceRequired: ['có', 'x', 'yes', 'true', '1'].includes(text(cell(9)).toLowerCase()),
    });
    if (parsed.success) criteria.push(parsed.data);
    else
      for (const issue of parsed.error.issues)
        errors.push({
          path: `rows.${index}.${issue.path.join('.')}`,
          message: `Dòng ${index}: ${issue.message}`,
        });
  }
  if (errors.length)
    throw new AppError('VALIDATION_FAILED', 'Tệp bảng tiêu chí có dòng chưa hợp lệ.', errors.slice(0, 100));
  if (!criteria.length) throw new AppError('VALIDATION_FAILED', 'Tệp không có tiêu chí nào.');
  return criteria;
}
