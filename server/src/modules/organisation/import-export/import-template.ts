import { and, asc } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { genderLabels, personCategoryLabels, unitKindLabels } from '#contracts/organisation.ts';
import type { Database } from '#server/platform/db/client.ts';
import { units } from '#server/platform/db/schema.ts';
import { resolveScope, scopeCondition, WRITE_ROLES } from '../organisation.policy.ts';
import { today } from '../sql-rows.ts';
import { isActiveUnit } from '../units/units.repo.ts';
import type { Caller } from '../units/units.service.ts';
import { EXAMPLE_MARK, personColumns, unitColumns } from './import-rules.ts';
import { csvLine } from './spreadsheet.ts';

/** exceljs 4.4 has worksheet data validations by range, missing from its type declarations. */
interface WithValidations {
  dataValidations: { add: (range: string, validation: ExcelJS.DataValidation) => void };
}

/** Rows of the data sheet that carry the drop-downs (the example row included). */
const DATA_ROWS = 2000;
/** The unit codes sheet lists at most this many units (a national administrator has far more). */
export const CODES_CAP = 5000;

export type TemplateKind = 'person' | 'unit';

const YES_NO = ['Có', 'Không'];
/** The lists of the "Danh mục" sheet, one column each, that the drop-downs point at. */
const LISTS = [
  { header: 'Giới tính', values: Object.values(genderLabels) },
  { header: 'Đối tượng', values: Object.values(personCategoryLabels) },
  { header: 'Có/Không', values: YES_NO },
  { header: 'Loại đơn vị', values: Object.values(unitKindLabels) },
] as const;

/** `'Danh mục'!$A$2:$A$3`: the cells of one list. */
function listRange(header: (typeof LISTS)[number]['header']): string {
  const index = LISTS.findIndex((list) => list.header === header);
  const column = String.fromCharCode(65 + index);
  const list = LISTS[index] as (typeof LISTS)[number];
  return `'Danh mục'!$${column}$2:$${column}$${list.values.length + 1}`;
}

/** The example row of each template, marked so the import skips it if it is left in. */
function exampleRow(kind: TemplateKind, code: string, parentCode: string): Record<string, string> {
  if (kind === 'person') {
    return {
      'Họ và tên': `Nguyễn Văn Mẫu ${EXAMPLE_MARK} – xóa trước khi nhập)`,
      'Giới tính': 'Nam',
      'Ngày sinh': '15/03/1985',
      'Số định danh cá nhân': '012085001234',
      'Đối tượng': 'Công chức',
      'Chức vụ': 'Chuyên viên',
      'Lãnh đạo, quản lý': 'Không',
      'Trực tiếp lao động': 'Không',
      'Mã đơn vị': code,
      'Ngày bắt đầu công tác': '01/09/2010',
    };
  }
  return {
    'Mã đơn vị': `${parentCode}.VD`,
    'Tên đơn vị': `Phòng Văn hóa – Xã hội ${EXAMPLE_MARK} – xóa trước khi nhập)`,
    'Tên viết tắt': 'PVHXH',
    'Loại đơn vị': unitKindLabels.division,
    'Mã đơn vị cấp trên': parentCode,
    'Tập thể lãnh đạo (ký TM.)': 'Không',
    'Hiệu lực từ ngày': '01/07/2025',
    'Hiệu lực đến ngày': '',
  };
}

/** Which drop-down a column gets: a list of the "Danh mục" sheet, or the unit codes. */
const DROP_DOWNS: Record<string, (typeof LISTS)[number]['header'] | 'codes'> = {
  'Giới tính': 'Giới tính',
  'Đối tượng': 'Đối tượng',
  'Lãnh đạo, quản lý': 'Có/Không',
  'Trực tiếp lao động': 'Có/Không',
  'Tập thể lãnh đạo (ký TM.)': 'Có/Không',
  'Loại đơn vị': 'Loại đơn vị',
  'Mã đơn vị cấp trên': 'codes',
};

/** The active units the caller may add people or units to, by name, at most CODES_CAP + 1. */
async function unitsInScope(db: Database, caller: Caller) {
  const scope = await resolveScope(db, caller.principal, WRITE_ROLES);
  return db
    .select({ code: units.code, name: units.name, shortName: units.shortName })
    .from(units)
    .where(and(scopeCondition(scope), isActiveUnit()))
    .orderBy(asc(units.sortKey), asc(units.code))
    .limit(CODES_CAP + 1);
}

/**
 * The import template as an XLSX workbook: "Dữ liệu" (the headers, an example row in grey italics,
 * drop-downs on the coded columns), "Mã đơn vị" (the codes of the units in the user's scope, which
 * the unit-code column offers), "Danh mục" (the allowed values) and "Hướng dẫn".
 */
export async function buildImportTemplate(db: Database, caller: Caller, kind: TemplateKind): Promise<Buffer> {
  const columns = kind === 'person' ? personColumns : unitColumns;
  const scoped = await unitsInScope(db, caller);
  const listed = scoped.slice(0, CODES_CAP);
  const firstCode = listed[0]?.code ?? 'MA.DON.VI';
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'TĐKT';
  const data = workbook.addWorksheet('Dữ liệu', { views: [{ state: 'frozen', ySplit: 1 }] });
  data.columns = columns.map(({ header }) => ({ header, width: Math.max(16, header.length + 6) }));
  data.getRow(1).font = { bold: true };
  const example = exampleRow(kind, firstCode, firstCode);
  const row = data.addRow(columns.map(({ header }) => example[header] ?? ''));
  row.font = { italic: true, color: { argb: 'FF808080' } };
  data.getColumn(1).width = kind === 'person' ? 44 : 18;
  if (kind === 'unit') data.getColumn(2).width = 50;

  const codesRange = `'Mã đơn vị'!$A$2:$A$${Math.max(2, listed.length + 1)}`;
  columns.forEach(({ header, required }, index) => {
    const letter = data.getColumn(index + 1).letter;
    const target = kind === 'person' && header === 'Mã đơn vị' ? 'codes' : DROP_DOWNS[header];
    if (!target) return;
    const isCodes = target === 'codes';
    (data as unknown as WithValidations).dataValidations.add(`${letter}2:${letter}${DATA_ROWS + 1}`, {
      type: 'list',
      allowBlank: !required,
      formulae: [isCodes ? codesRange : listRange(target)],
      showErrorMessage: true,
      // A unit beyond the listed ones may still be typed: a warning, not a refusal.
      errorStyle: isCodes ? 'warning' : 'stop',
      errorTitle: header,
      error: isCodes
        ? 'Mã đơn vị không có trong trang "Mã đơn vị" (các đơn vị trong phạm vi của bạn).'
        : 'Vui lòng chọn một giá trị trong danh sách.',
      showInputMessage: true,
      promptTitle: header,
      prompt: isCodes ? 'Chọn mã trong danh sách (xem trang "Mã đơn vị").' : 'Chọn trong danh sách.',
    });
  });

  const codes = workbook.addWorksheet('Mã đơn vị', { views: [{ state: 'frozen', ySplit: 1 }] });
  codes.columns = [
    { header: 'Mã đơn vị', width: 24 },
    { header: 'Tên đơn vị', width: 60 },
    { header: 'Tên viết tắt', width: 16 },
  ];
  codes.getRow(1).font = { bold: true };
  for (const unit of listed) codes.addRow([unit.code, unit.name, unit.shortName ?? '']);
  if (scoped.length > CODES_CAP)
    codes.addRow([
      '',
      `Chỉ liệt kê ${CODES_CAP.toLocaleString('vi-VN')} đơn vị đầu tiên; tra cứu mã các đơn vị khác trong mục "Cơ cấu tổ chức".`,
    ]);

  const lists = workbook.addWorksheet('Danh mục');
  lists.columns = LISTS.map((list) => ({
    header: list.header,
    width: list.header === 'Loại đơn vị' ? 44 : 22,
  }));
  lists.getRow(1).font = { bold: true };
  for (let index = 0; index < Math.max(...LISTS.map((list) => list.values.length)); index++)
    lists.addRow(LISTS.map((list) => list.values[index] ?? null));

  const guide = workbook.addWorksheet('Hướng dẫn');
  guide.getColumn(1).width = 110;
  for (const line of guideLines(kind)) guide.addRow([line]);
  guide.getRow(1).font = { bold: true };

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function guideLines(kind: TemplateKind): string[] {
  const what = kind === 'person' ? 'cán bộ, công chức' : 'đơn vị';
  return [
    `Hướng dẫn nhập ${what} (tệp mẫu tạo ngày ${today().split('-').reverse().join('/')})`,
    'Mỗi dòng của trang "Dữ liệu" là một bản ghi; không đổi tên các cột ở dòng tiêu đề.',
    'Dòng 2 là dòng ví dụ (chữ nghiêng, màu xám): có thể xóa hoặc ghi đè; nếu để nguyên, hệ thống bỏ qua dòng này.',
    'Các cột có mũi tên (Giới tính, Đối tượng, Có/Không, Loại đơn vị, Mã đơn vị) chọn trong danh sách thả xuống.',
    'Ngày viết theo dạng dd/mm/yyyy, ví dụ 01/07/2025.',
    'Trang "Mã đơn vị" liệt kê các đơn vị đang hoạt động trong phạm vi được phân quyền của bạn.',
    'Nếu tệp có lỗi, hệ thống liệt kê tất cả các lỗi một lần (dòng, cột, nội dung) và chưa nhập dòng nào.',
  ];
}

/** The CSV template: the header line and the example line (skipped by the import if left in). */
export async function buildCsvTemplate(db: Database, caller: Caller, kind: TemplateKind): Promise<string> {
  const columns = kind === 'person' ? personColumns : unitColumns;
  const [first] = await unitsInScope(db, caller);
  const example = exampleRow(kind, first?.code ?? 'MA.DON.VI', first?.code ?? 'MA.DON.VI');
  return `\uFEFF${csvLine(columns.map((c) => c.header))}${csvLine(columns.map((c) => example[c.header] ?? ''))}`;
}
