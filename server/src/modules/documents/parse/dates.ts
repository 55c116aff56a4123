import { foldText } from './lines.ts';

/** Builds an ISO date from day, month and year, or null when they do not form a real date. */
export function toIsoDate(day: number, month: number, year: number): string | null {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > days) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const numericDate = /(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?!\d)/;
const verboseDate = /ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})/;

/** Reads a date written "21/8/2019", "16/08/2019" or "ngày 21 tháng 8 năm 2019" (first one found). */
export function parseDate(text: string): string | null {
  const key = foldText(text);
  const verbose = verboseDate.exec(key);
  if (verbose) return toIsoDate(Number(verbose[1]), Number(verbose[2]), Number(verbose[3]));
  const numeric = numericDate.exec(key);
  if (numeric) return toIsoDate(Number(numeric[1]), Number(numeric[2]), Number(numeric[3]));
  return null;
}

/** Finds every numeric or verbose date in a text, as ISO dates with their positions. */
export function findDates(text: string): { iso: string; index: number; end: number }[] {
  const key = foldText(text);
  const found: { iso: string; index: number; end: number }[] = [];
  const pattern = new RegExp(`${verboseDate.source}|${numericDate.source}`, 'g');
  for (const match of key.matchAll(pattern)) {
    const [day, month, year] = match[1] ? [match[1], match[2], match[3]] : [match[4], match[5], match[6]];
    const iso = toIsoDate(Number(day), Number(month), Number(year));
    if (iso) found.push({ iso, index: match.index, end: match.index + match[0].length });
  }
  return found;
}

/** Formats an ISO date as in NĐ 30/2020: "ngày 09 tháng 8 năm 2019" (0 before day < 10 and month < 3). */
export function formatVietnameseDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const dayText = day < 10 ? `0${day}` : String(day);
  const monthText = month < 3 ? `0${month}` : String(month);
  return `ngày ${dayText} tháng ${monthText} năm ${year}`;
}
