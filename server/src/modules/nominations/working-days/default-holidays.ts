import { dateOfJulianDay, julianDay, lunarNewYear, solarDateOfLunar } from './lunar-calendar.ts';

/** A day in the holiday table: a day off (lễ, Tết, nghỉ bù) or a weekend day worked instead (làm bù). */
export interface HolidayDraft {
  date: string;
  name: string;
  kind: 'holiday' | 'working_day';
}

const addDays = (iso: string, days: number) => {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return dateOfJulianDay(julianDay(day, month, year) + days);
};
/** 0 = Sunday … 6 = Saturday. */
export const weekdayOf = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay();
const isWeekend = (iso: string) => [0, 6].includes(weekdayOf(iso));

/** The day adjacent to Quốc khánh: the one that joins the weekend (1/9 before a Tuesday, else 3/9). */
function nationalDayNeighbour(year: number): string {
  const national = `${year}-09-02`;
  return [2, 0].includes(weekdayOf(national)) ? `${year}-09-01` : `${year}-09-03`;
}

/**
 * The public holidays of Bộ luật Lao động 2019 Đ112 for a Gregorian year: Tết Dương lịch 1/1; Tết
 * Âm lịch five days (the last day of the old year and mùng 1–4); Giỗ Tổ Hùng Vương 10/3 âm lịch;
 * 30/4; 1/5; Quốc khánh 2/9 and an adjacent day. A holiday falling on a weekend is compensated on
 * the next working day (nghỉ bù). The government's yearly arrangement (days swapped, làm bù) is
 * entered by an administrator in the table.
 */
export function defaultHolidays(year: number): HolidayDraft[] {
  const tet = lunarNewYear(year);
  const days: HolidayDraft[] = [
    { date: `${year}-01-01`, name: 'Tết Dương lịch', kind: 'holiday' },
    { date: addDays(tet, -1), name: 'Tết Nguyên đán (30 Tết)', kind: 'holiday' },
    ...[1, 2, 3, 4].map((day) => ({
      date: addDays(tet, day - 1),
      name: `Tết Nguyên đán (mùng ${day})`,
      kind: 'holiday' as const,
    })),
    { date: solarDateOfLunar(10, 3, year), name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', kind: 'holiday' },
    { date: `${year}-04-30`, name: 'Ngày Chiến thắng 30/4', kind: 'holiday' },
    { date: `${year}-05-01`, name: 'Ngày Quốc tế Lao động 1/5', kind: 'holiday' },
    { date: `${year}-09-02`, name: 'Quốc khánh 2/9', kind: 'holiday' },
    { date: nationalDayNeighbour(year), name: 'Quốc khánh (ngày liền kề)', kind: 'holiday' },
  ];
  const legal = days;
  const taken = new Set(legal.map((day) => day.date));
  const compensations: HolidayDraft[] = [];
  for (const day of [...legal].sort((a, b) => a.date.localeCompare(b.date))) {
    if (!isWeekend(day.date)) continue;
    let next = addDays(day.date, 1);
    while (isWeekend(next) || taken.has(next)) next = addDays(next, 1);
    taken.add(next);
    compensations.push({ date: next, name: `Nghỉ bù ${day.name}`, kind: 'holiday' });
  }
  return [...legal, ...compensations].sort((a, b) => a.date.localeCompare(b.date));
}
