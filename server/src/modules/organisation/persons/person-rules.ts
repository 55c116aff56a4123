import type { FieldError } from '#contracts/common.ts';
import { AppError } from '#server/platform/http/app-error.ts';

/** dd/mm/yyyy of an ISO date, as every message writes dates. */
export const viDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** A unit's validity as the rules need it. */
export interface UnitValidity {
  name: string;
  validFrom: string | null;
  validTo: string | null;
}

/**
 * The same date rules as the import (import-rules.ts): a birth date and a first day of work are not in
 * the future, and work starts after birth. `today` is YYYY-MM-DD.
 */
export function personDateErrors(
  fields: { birthDate?: string | null | undefined; startedOn?: string | null | undefined },
  today: string,
): FieldError[] {
  const errors: FieldError[] = [];
  const { birthDate, startedOn } = fields;
  if (birthDate && birthDate > today)
    errors.push({ path: 'birthDate', message: 'Ngày sinh không được ở tương lai' });
  if (startedOn && startedOn > today)
    errors.push({ path: 'startedOn', message: 'Ngày bắt đầu công tác không được ở tương lai' });
  else if (birthDate && startedOn && startedOn <= birthDate)
    errors.push({ path: 'startedOn', message: 'Ngày bắt đầu công tác phải sau ngày sinh' });
  return errors;
}

/** Why a person cannot work at the unit on the day (ended, or not yet in being), or null. */
export function unitClosedMessage(unit: UnitValidity, onDay: string): string | null {
  if (unit.validTo && unit.validTo < onDay)
    return `${unit.name} đã kết thúc hoạt động từ ${viDate(unit.validTo)} (giải thể, sáp nhập); vui lòng chọn đơn vị kế thừa.`;
  if (unit.validFrom && unit.validFrom > onDay)
    return `${unit.name} chỉ có hiệu lực từ ${viDate(unit.validFrom)}.`;
  return null;
}

/** Throws 400 with the field errors when there are any. */
export function refuseFields(
  errors: FieldError[],
  message = 'Thông tin chưa hợp lệ, vui lòng kiểm tra lại.',
) {
  if (errors.length) throw new AppError('VALIDATION_FAILED', errors[0]?.message ?? message, errors);
}

/** Refuses a unit that is not in being on the day, naming the field of the form. */
export function assertUnitOpen(unit: UnitValidity, onDay: string, path = 'unitId') {
  const message = unitClosedMessage(unit, onDay);
  if (message) throw new AppError('VALIDATION_FAILED', message, [{ path, message }]);
}
