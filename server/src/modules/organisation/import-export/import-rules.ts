import {
  CONTROL_CHARACTER_MESSAGE,
  DATE_YEAR_MAX,
  DATE_YEAR_MIN,
  findForbiddenCharacter,
  isCalendarDate,
} from '#contracts/common.ts';
import {
  type Gender,
  genderLabels,
  type PersonCategory,
  personCategoryLabels,
  type UnitKind,
  unitKindLabels,
} from '#contracts/organisation.ts';
import { cellText } from './spreadsheet.ts';

/** The plain form of a header or label for matching: no diacritics, lower case, single spaces. */
export function plain(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replaceAll('đ', 'd')
    .replaceAll('Đ', 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** A problem in one cell (the row is added by the caller). */
export interface CellError {
  column: string;
  message: string;
}

/**
 * Maps the header row to column positions. Matching ignores case, diacritics and punctuation, so a
 * header typed "Ho va ten" is accepted; returns the missing required headers as errors.
 */
export function mapHeaders(cells: unknown[], columns: readonly { header: string; required: boolean }[]) {
  const positions = new Map<string, number>();
  cells.forEach((cell, index) => {
    const found = columns.find((column) => plain(column.header) === plain(cellText(cell)));
    if (found && !positions.has(found.header)) positions.set(found.header, index);
  });
  const missing: CellError[] = columns
    .filter((column) => column.required && !positions.has(column.header))
    .map((column) => ({ column: column.header, message: `Thiếu cột "${column.header}" ở dòng tiêu đề.` }));
  return { positions, missing };
}

/**
 * Parses a date written dd/mm/yyyy (or given as a spreadsheet date) into YYYY-MM-DD; null when blank,
 * undefined when it is not a day of the calendar (30/02, month 13), outside 1900–2999, or in the future.
 */
export function parseDate(value: unknown, allowFuture = false): string | null | undefined {
  let iso: string;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return undefined;
    const year = value.getUTCFullYear();
    if (year < DATE_YEAR_MIN || year > DATE_YEAR_MAX) return undefined;
    iso = value.toISOString().slice(0, 10);
  } else {
    const text = cellText(value);
    if (!text) return null;
    const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
    if (!match) return undefined;
    iso = `${match[3]}-${(match[2] as string).padStart(2, '0')}-${(match[1] as string).padStart(2, '0')}`;
  }
  if (!isCalendarDate(iso)) return undefined;
  if (!allowFuture && Date.parse(iso) > Date.now()) return undefined;
  return iso;
}

/**
 * The cells of a row that hold a control character (NUL, escape, …): such text is never stored. Line
 * breaks and tabs typed inside a cell (Alt+Enter) are not errors: `cellLine` turns them into spaces.
 */
export function controlCharacterErrors(
  get: (header: string) => unknown,
  columns: readonly { header: string }[],
): CellError[] {
  return columns
    .filter(({ header }) => findForbiddenCharacter(cellLine(get(header))) !== null)
    .map(({ header }) => ({ column: header, message: `${CONTROL_CHARACTER_MESSAGE} (ô bị lỗi mã hóa).` }));
}

/** The cell as one trimmed line: every run of white space (tabs and line breaks too) becomes one space. */
export function cellLine(value: unknown): string {
  return cellText(value).replace(/\s+/g, ' ');
}

/** Parses "Có"/"Không" (blank = Không); undefined when neither. */
export function parseYesNo(value: unknown): boolean | undefined {
  const text = plain(cellText(value));
  if (!text || text === 'khong' || text === 'k' || text === '0') return false;
  if (text === 'co' || text === 'x' || text === '1') return true;
  return undefined;
}

/** Finds the enum value whose Vietnamese label (or code) matches the cell. */
export function parseLabel<T extends string>(labels: Record<T, string>, value: unknown): T | undefined {
  const text = plain(cellText(value));
  return (Object.keys(labels) as T[]).find((key) => plain(labels[key]) === text || key === text);
}

/** Marks the example row of a template ("(dòng ví dụ – xóa trước khi nhập)"); the import skips it. */
export const EXAMPLE_MARK = '(dòng ví dụ';

/** True when a row is the template's example row, left in the file. */
export function isExampleRow(cells: unknown[]): boolean {
  return cells.some((cell) => cellText(cell).includes(EXAMPLE_MARK));
}

/** True when every cell of a row is blank. */
export function isBlankRow(cells: unknown[]): boolean {
  return cells.every((cell) => cell === null || cell === undefined || String(cell).trim() === '');
}

export const personColumns = [
  { header: 'Họ và tên', required: true },
  { header: 'Giới tính', required: true },
  { header: 'Ngày sinh', required: false },
  { header: 'Số định danh cá nhân', required: false },
  { header: 'Đối tượng', required: true },
  { header: 'Chức vụ', required: false },
  { header: 'Lãnh đạo, quản lý', required: false },
  { header: 'Trực tiếp lao động', required: false },
  { header: 'Mã đơn vị', required: true },
  { header: 'Ngày bắt đầu công tác', required: false },
] as const;

/** A person row that passed validation (the unit still to be resolved from its code). */
export interface PersonImportRow {
  fullName: string;
  gender: Gender;
  birthDate: string | null;
  idNumber: string | null;
  category: PersonCategory;
  position: string | null;
  isLeader: boolean;
  isDirectWorker: boolean;
  unitCode: string;
  startedOn: string | null;
}

/** Validates one person row; returns the row or every problem in it (Vietnamese, dates dd/mm/yyyy). */
export function validatePersonRow(get: (header: string) => unknown): PersonImportRow | CellError[] {
  const errors: CellError[] = controlCharacterErrors(get, personColumns);
  if (errors.length) return errors;
  const fail = (column: string, message: string) => errors.push({ column, message });
  const fullName = cellLine(get('Họ và tên'));
  if (fullName.length < 2 || fullName.length > 200)
    fail('Họ và tên', 'Họ và tên phải có từ 2 đến 200 ký tự.');
  const gender = parseLabel(genderLabels, get('Giới tính'));
  if (!gender) fail('Giới tính', 'Giới tính phải là "Nam" hoặc "Nữ".');
  const birthDate = parseDate(get('Ngày sinh'));
  if (birthDate === undefined)
    fail('Ngày sinh', 'Ngày sinh không hợp lệ (định dạng dd/mm/yyyy, không ở tương lai).');
  const idNumber = cellLine(get('Số định danh cá nhân')) || null;
  if (idNumber && !/^\d{9}(\d{3})?$/.test(idNumber))
    fail('Số định danh cá nhân', 'Số định danh gồm 12 chữ số (hoặc CMND 9 chữ số).');
  const category = parseLabel(personCategoryLabels, get('Đối tượng'));
  if (!category)
    fail('Đối tượng', `Đối tượng phải là một trong: ${Object.values(personCategoryLabels).join(', ')}.`);
  const position = cellLine(get('Chức vụ')) || null;
  if (position && position.length > 200) fail('Chức vụ', 'Chức vụ quá dài (tối đa 200 ký tự).');
  const isLeader = parseYesNo(get('Lãnh đạo, quản lý'));
  if (isLeader === undefined) fail('Lãnh đạo, quản lý', 'Ghi "Có" hoặc "Không".');
  const isDirectWorker = parseYesNo(get('Trực tiếp lao động'));
  if (isDirectWorker === undefined) fail('Trực tiếp lao động', 'Ghi "Có" hoặc "Không".');
  const unitCode = cellLine(get('Mã đơn vị'));
  if (!unitCode) fail('Mã đơn vị', 'Vui lòng ghi mã đơn vị.');
  else if (unitCode.length > 64) fail('Mã đơn vị', 'Mã đơn vị tối đa 64 ký tự.');
  const startedOn = parseDate(get('Ngày bắt đầu công tác'));
  if (startedOn === undefined) fail('Ngày bắt đầu công tác', 'Ngày không hợp lệ (định dạng dd/mm/yyyy).');
  if (errors.length) return errors;
  return {
    fullName,
    gender: gender as Gender,
    birthDate: birthDate ?? null,
    idNumber,
    category: category as PersonCategory,
    position,
    isLeader: isLeader as boolean,
    isDirectWorker: isDirectWorker as boolean,
    unitCode,
    startedOn: startedOn ?? null,
  };
}

export const unitColumns = [
  { header: 'Mã đơn vị', required: true },
  { header: 'Tên đơn vị', required: true },
  { header: 'Tên viết tắt', required: false },
  { header: 'Loại đơn vị', required: true },
  { header: 'Mã đơn vị cấp trên', required: false },
  { header: 'Tập thể lãnh đạo (ký TM.)', required: false },
  { header: 'Hiệu lực từ ngày', required: false },
  { header: 'Hiệu lực đến ngày', required: false },
] as const;

/** A unit row that passed validation. */
export interface UnitImportRow {
  code: string;
  name: string;
  shortName: string | null;
  kind: UnitKind;
  parentCode: string | null;
  isCollegial: boolean;
  validFrom: string | null;
  validTo: string | null;
}

/** Validates one unit row. */
export function validateUnitRow(get: (header: string) => unknown): UnitImportRow | CellError[] {
  const errors: CellError[] = controlCharacterErrors(get, unitColumns);
  if (errors.length) return errors;
  const fail = (column: string, message: string) => errors.push({ column, message });
  const code = cellLine(get('Mã đơn vị'));
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(code))
    fail('Mã đơn vị', 'Mã đơn vị chỉ gồm chữ không dấu, số, dấu chấm, gạch.');
  const name = cellLine(get('Tên đơn vị'));
  if (!name || name.length > 300) fail('Tên đơn vị', 'Vui lòng ghi tên đơn vị (tối đa 300 ký tự).');
  const shortName = cellLine(get('Tên viết tắt')) || null;
  if (shortName && shortName.length > 50) fail('Tên viết tắt', 'Tên viết tắt tối đa 50 ký tự.');
  const parentCode = cellLine(get('Mã đơn vị cấp trên')) || null;
  if (parentCode && !/^[A-Za-z0-9._-]{1,64}$/.test(parentCode))
    fail('Mã đơn vị cấp trên', 'Mã đơn vị chỉ gồm chữ không dấu, số, dấu chấm, gạch.');
  const kind = parseLabel(unitKindLabels, get('Loại đơn vị'));
  if (!kind) fail('Loại đơn vị', 'Loại đơn vị không có trong danh mục (xem trang "Hướng dẫn" của tệp mẫu).');
  const isCollegial = parseYesNo(get('Tập thể lãnh đạo (ký TM.)'));
  if (isCollegial === undefined) fail('Tập thể lãnh đạo (ký TM.)', 'Ghi "Có" hoặc "Không".');
  const validFrom = parseDate(get('Hiệu lực từ ngày'), true);
  if (validFrom === undefined) fail('Hiệu lực từ ngày', 'Ngày không hợp lệ (định dạng dd/mm/yyyy).');
  const validTo = parseDate(get('Hiệu lực đến ngày'), true);
  if (validTo === undefined) fail('Hiệu lực đến ngày', 'Ngày không hợp lệ (định dạng dd/mm/yyyy).');
  else if (validFrom && validTo && validTo < validFrom)
    fail('Hiệu lực đến ngày', 'Ngày hết hiệu lực không được trước ngày bắt đầu hiệu lực.');
  if (errors.length) return errors;
  return {
    code,
    name,
    shortName,
    kind: kind as UnitKind,
    parentCode,
    isCollegial: isCollegial as boolean,
    validFrom: validFrom ?? null,
    validTo: validTo ?? null,
  };
}
