import { awardCatalogue } from '#contracts/award-catalogue.ts';
import { AwardCode } from '#contracts/awards.ts';
import {
  type CellError,
  cellLine,
  controlCharacterErrors,
  parseDate,
  plain,
} from '#server/modules/organisation/import-export/import-rules.ts';

/**
 * The columns of the recipient list template (a blank name makes the unit itself the recipient; a
 * household's name makes that household of the unit the recipient). "Hộ gia đình" comes last, so
 * files made from the earlier template still read.
 */
export const recipientColumns = [
  { header: 'Họ và tên', required: false },
  { header: 'Ngày sinh', required: false },
  { header: 'Chức vụ', required: false },
  { header: 'Đơn vị', required: true },
  { header: 'Danh hiệu, hình thức', required: true },
  { header: 'Năm thành tích', required: false },
  { header: 'Thành tích', required: false },
  { header: 'Hộ gia đình', required: false },
] as const;

export type RecipientHeader = (typeof recipientColumns)[number]['header'];

/** One parsed row: who (name, birth date, position, unit as written) and what. */
export interface RecipientRow {
  row: number;
  fullName: string | null;
  birthDate: string | null;
  position: string | null;
  householdName: string | null;
  unit: string;
  awardCode: AwardCode;
  year: number;
  achievement: string | null;
}

/** Finds an award by its code or its Vietnamese name (diacritics and case ignored). */
export function parseAward(value: unknown): AwardCode | undefined {
  const text = cellLine(value);
  const byCode = AwardCode.safeParse(text.toUpperCase());
  if (byCode.success) return byCode.data;
  const wanted = plain(text);
  return AwardCode.options.find((code) => plain(awardCatalogue[code].name) === wanted);
}

/** Validates one row; the year defaults to the decision's. Returns the row or its problems. */
export function parseRecipientRow(
  row: number,
  get: (header: RecipientHeader) => unknown,
  defaultYear: number,
): RecipientRow | CellError[] {
  const errors: CellError[] = controlCharacterErrors(get as (header: string) => unknown, recipientColumns);
  if (errors.length) return errors;
  const fail = (column: RecipientHeader, message: string) => errors.push({ column, message });
  const text = (header: RecipientHeader, max: number) => {
    const value = cellLine(get(header)) || null;
    if (value && value.length > max) fail(header, `${header} tối đa ${max} ký tự.`);
    return value;
  };
  const fullName = text('Họ và tên', 200);
  const birthDate = parseDate(get('Ngày sinh'));
  if (birthDate === undefined) fail('Ngày sinh', 'Ngày sinh không hợp lệ (dd/mm/yyyy, không ở tương lai).');
  if (birthDate && !fullName) fail('Họ và tên', 'Có ngày sinh nhưng thiếu họ và tên.');
  const position = text('Chức vụ', 200);
  const householdName = text('Hộ gia đình', 300);
  if (householdName && fullName)
    fail('Hộ gia đình', 'Một dòng là một cá nhân hoặc một hộ gia đình: để trống họ và tên hoặc tên hộ.');
  const unit = text('Đơn vị', 300);
  if (!unit) fail('Đơn vị', 'Nhập mã hoặc tên đơn vị (xem trang "Đơn vị" của tệp mẫu).');
  const awardText = cellLine(get('Danh hiệu, hình thức'));
  const awardCode = parseAward(awardText);
  if (!awardText) fail('Danh hiệu, hình thức', 'Nhập danh hiệu, hình thức khen thưởng.');
  else if (!awardCode)
    fail('Danh hiệu, hình thức', `Không có danh hiệu, hình thức "${awardText}" (xem trang "Danh hiệu").`);
  const yearText = cellLine(get('Năm thành tích'));
  const year = yearText ? Number(yearText) : defaultYear;
  if (yearText && (!/^\d{4}$/.test(yearText) || year < 1945 || year > 2100))
    fail('Năm thành tích', 'Năm thành tích phải là năm có 4 chữ số.');
  const achievement = text('Thành tích', 1000);
  if (errors.length || !unit || !awardCode) return errors;
  return {
    row,
    fullName,
    birthDate: birthDate ?? null,
    position,
    householdName,
    unit,
    awardCode,
    year,
    achievement,
  };
}
