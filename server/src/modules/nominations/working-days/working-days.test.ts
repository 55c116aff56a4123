import { describe, expect, it } from 'vitest';
import { defaultHolidays } from './default-holidays.ts';
import { lunarNewYear, solarDateOfLunar } from './lunar-calendar.ts';
import { addWorkingDays, calendarOf, isWorkingDay, workingDaysBetween } from './working-days.ts';

/** Tết Nguyên đán as published by the Vietnamese calendar for 2019–2035. */
const TET: Record<number, string> = {
  2019: '2019-02-05',
  2020: '2020-01-25',
  2021: '2021-02-12',
  2022: '2022-02-01',
  2023: '2023-01-22',
  2024: '2024-02-10',
  2025: '2025-01-29',
  2026: '2026-02-17',
  2027: '2027-02-06',
  2028: '2028-01-26',
  2029: '2029-02-13',
  2030: '2030-02-02', // one day before China's: the new moon falls at 23:07 UTC+7
  2031: '2031-01-23',
  2032: '2032-02-11',
  2033: '2033-01-31',
  2034: '2034-02-19',
  2035: '2035-02-08',
};

describe('the lunar calendar', () => {
  it('places Tết Nguyên đán on the published day for every year 2019–2035', () => {
    for (const [year, date] of Object.entries(TET)) expect(lunarNewYear(Number(year)), year).toBe(date);
  });

  it('places Giỗ Tổ Hùng Vương (10/3 âm lịch) on the published days, across a leap year', () => {
    expect(solarDateOfLunar(10, 3, 2022)).toBe('2022-04-10');
    expect(solarDateOfLunar(10, 3, 2023)).toBe('2023-04-29'); // 2023 had a leap 2nd month
    expect(solarDateOfLunar(10, 3, 2024)).toBe('2024-04-18');
    expect(solarDateOfLunar(10, 3, 2025)).toBe('2025-04-07');
    expect(solarDateOfLunar(10, 3, 2026)).toBe('2026-04-26');
  });
});

describe('defaultHolidays', () => {
  it('lists the eleven days of Bộ luật Lao động Đ112 for 2025 and a compensation for a weekend holiday', () => {
    const days = defaultHolidays(2025);
    const dates = days.map((day) => day.date);
    expect(dates).toEqual(
      expect.arrayContaining([
        '2025-01-01',
        '2025-01-28',
        '2025-01-29',
        '2025-01-30',
        '2025-01-31',
        '2025-02-01',
        '2025-04-07',
        '2025-04-30',
        '2025-05-01',
        '2025-09-01',
        '2025-09-02',
      ]),
    );
    // Mùng 4 (1/2/2025) is a Saturday: compensated on Monday 3/2.
    expect(days.find((day) => day.date === '2025-02-03')?.name).toBe('Nghỉ bù Tết Nguyên đán (mùng 4)');
    expect(days.filter((day) => !day.name.startsWith('Nghỉ bù'))).toHaveLength(11);
    expect(new Set(dates).size).toBe(dates.length);
  });
});

describe('working days', () => {
  const calendar = calendarOf([
    ...defaultHolidays(2025),
    { date: '2025-04-26', kind: 'working_day' }, // a Saturday worked in exchange for 2/5
    { date: '2025-05-02', kind: 'holiday' },
  ]);

  it('skips weekends and holidays, and counts a declared working Saturday', () => {
    expect(isWorkingDay(calendar, '2025-04-25')).toBe(true);
    expect(isWorkingDay(calendar, '2025-04-26')).toBe(true);
    expect(isWorkingDay(calendar, '2025-04-27')).toBe(false);
    expect(isWorkingDay(calendar, '2025-04-30')).toBe(false);
  });

  it('adds five working days to a Friday submission: the next Friday', () => {
    expect(addWorkingDays(calendar, '2025-11-14', 5)).toBe('2025-11-21');
    expect(addWorkingDays(calendar, '2025-11-14', 0)).toBe('2025-11-14');
    expect(addWorkingDays(calendar, '2025-11-21', -5)).toBe('2025-11-14');
  });

  it('jumps over Tết: five working days after 24/01/2025 end on 07/02/2025', () => {
    // 27/1 Mon is the only working day before the holiday (28/1–3/2 off).
    expect(addWorkingDays(calendar, '2025-01-24', 5)).toBe('2025-02-07');
    expect(workingDaysBetween(calendar, '2025-01-24', '2025-02-07')).toBe(5);
  });

  it('counts the working days of a span around 30/4–1/5 with a làm bù Saturday', () => {
    // 28, 29/4 Mon–Tue; 26/4 Sat worked; 30/4, 1/5, 2/5 off; 3–4/5 weekend; 5/5 Mon.
    expect(workingDaysBetween(calendar, '2025-04-25', '2025-05-05')).toBe(4);
    expect(workingDaysBetween(calendar, '2025-05-05', '2025-04-25')).toBe(0);
  });
});

describe('vietnamToday', () => {
  it('counts 00:30 in Hà Nội (17:30 UTC the day before) as the Vietnamese day', async () => {
    const { vietnamToday } = await import('./vietnam-date.ts');
    expect(vietnamToday(new Date('2025-11-16T17:30:00Z'))).toBe('2025-11-17');
    expect(vietnamToday(new Date('2025-11-17T16:59:00Z'))).toBe('2025-11-17');
  });
});
