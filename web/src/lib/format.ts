import dayjs from 'dayjs';

const EMPTY = '—';

function format(value: string | Date | null | undefined, pattern: string): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  const date = dayjs(value);
  return date.isValid() ? date.format(pattern) : EMPTY;
}

/** A date as officials write it: dd/mm/yyyy. */
export function formatDate(value: string | Date | null | undefined): string {
  return format(value, 'DD/MM/YYYY');
}

/** A date and time: dd/mm/yyyy HH:mm (24-hour clock, local time). */
export function formatDateTime(value: string | Date | null | undefined): string {
  return format(value, 'DD/MM/YYYY HH:mm');
}

/** A date and time to the second, for logs: dd/mm/yyyy HH:mm:ss. */
export function formatDateTimeSeconds(value: string | Date | null | undefined): string {
  return format(value, 'DD/MM/YYYY HH:mm:ss');
}

/** A calendar date for the API: yyyy-mm-dd. */
export function toIsoDate(value: dayjs.Dayjs | null | undefined): string | undefined {
  return value?.isValid() ? value.format('YYYY-MM-DD') : undefined;
}

/** Parses a yyyy-mm-dd value from the URL; anything else gives null. */
export function parseIsoDate(value: string | null | undefined): dayjs.Dayjs | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = dayjs(value);
  return date.isValid() && date.format('YYYY-MM-DD') === value ? date : null;
}

/** A whole number with Vietnamese grouping (1.234.567). */
export function formatNumber(value: number): string {
  return new Intl.NumberFormat('vi-VN').format(value);
}
