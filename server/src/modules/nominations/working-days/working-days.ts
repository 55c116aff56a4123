/**
 * Working days (ngày làm việc): Monday to Friday, less the holidays of the table, plus weekend days
 * declared working (làm bù). Pure: the caller loads the calendar for the span it needs.
 */
export interface WorkingCalendar {
  /** Days off that would otherwise be working days (lễ, Tết, nghỉ bù), ISO dates. */
  holidays: ReadonlySet<string>;
  /** Weekend days worked instead (làm bù), ISO dates. */
  workingWeekendDays: ReadonlySet<string>;
}

const DAY_MS = 86_400_000;
const toTime = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const toIso = (time: number) => new Date(time).toISOString().slice(0, 10);

/** True when the day is a working day in the calendar. */
export function isWorkingDay(calendar: WorkingCalendar, iso: string): boolean {
  if (calendar.holidays.has(iso)) return false;
  if (calendar.workingWeekendDays.has(iso)) return true;
  const weekday = new Date(toTime(iso)).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * The day `days` working days after `from` (not counting `from` itself): a return due "within 5
 * working days" of a submission on Friday falls on the next Friday. Negative counts go backwards;
 * 0 gives `from`.
 */
export function addWorkingDays(calendar: WorkingCalendar, from: string, days: number): string {
  let time = toTime(from);
  let left = Math.abs(days);
  const step = days < 0 ? -DAY_MS : DAY_MS;
  while (left > 0) {
    time += step;
    if (isWorkingDay(calendar, toIso(time))) left--;
  }
  return toIso(time);
}

/**
 * How many working days lie after `from` up to and including `to` (0 when `to` is not after
 * `from`): addWorkingDays(c, from, workingDaysBetween(c, from, to)) is the last working day ≤ `to`.
 */
export function workingDaysBetween(calendar: WorkingCalendar, from: string, to: string): number {
  let count = 0;
  for (let time = toTime(from) + DAY_MS; time <= toTime(to); time += DAY_MS) {
    if (isWorkingDay(calendar, toIso(time))) count++;
  }
  return count;
}

/** The calendar of a list of holiday-table rows. */
export function calendarOf(rows: readonly { date: string; kind: string }[]): WorkingCalendar {
  return {
    holidays: new Set(rows.filter((row) => row.kind === 'holiday').map((row) => row.date)),
    workingWeekendDays: new Set(rows.filter((row) => row.kind === 'working_day').map((row) => row.date)),
  };
}
