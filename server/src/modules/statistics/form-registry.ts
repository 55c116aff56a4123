import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  type StatisticsFilter,
  type StatisticsFormDef,
  StatisticsFormFile,
  type StatisticsSource,
} from '#contracts/statistics.ts';
import { AppError } from '#server/platform/http/app-error.ts';

/** The folder of the shipped form definitions: one JSON file per circular. */
export const formDataDir = path.join(import.meta.dirname, 'form-data');

const awardFields = new Set([
  'awardCodes',
  'statisticsColumns',
  'hasStatisticsColumnOf',
  'rewardTypes',
  'subjects',
  'positionClasses',
  'genders',
]);
const movementFields = new Set(['launchLevels', 'movementKinds', 'minYears', 'maxYears']);

/** Checks what the schema cannot: unique codes, and filters that speak of the form's source. */
export function checkForm(form: StatisticsFormDef, file: string): void {
  const fail = (message: string) => {
    throw new Error(`Biểu ${form.code} trong ${file}: ${message}`);
  };
  for (const list of [form.rows, form.columns]) {
    const seen = new Set<string>();
    for (const item of list) {
      if (seen.has(item.code)) fail(`mã "${item.code}" lặp lại`);
      seen.add(item.code);
    }
  }
  const allowed: Record<StatisticsSource, Set<string>> = {
    awards: awardFields,
    movements: movementFields,
    manual: new Set(),
  };
  for (const item of [...form.rows, ...form.columns]) {
    for (const key of Object.keys(item.where ?? {}) as (keyof StatisticsFilter)[]) {
      if (!allowed[form.source].has(key))
        fail(`"${item.code}" lọc theo "${key}", không dùng được với nguồn ${form.source}`);
    }
  }
}

/** Reads and checks every form file of a folder; a bad file stops the start with its name and reason. */
export function loadForms(dir = formDataDir): StatisticsFormDef[] {
  const forms: StatisticsFormDef[] = [];
  for (const name of readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()) {
    const file = path.join(dir, name);
    const parsed = StatisticsFormFile.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(
        `Tệp biểu thống kê ${name} không hợp lệ tại "${issue?.path.join('.')}": ${issue?.message}`,
      );
    }
    for (const form of parsed.data.forms) {
      checkForm(form, name);
      if (forms.some((other) => other.code === form.code))
        throw new Error(`Biểu ${form.code} khai báo hai lần (${name}).`);
      forms.push(form);
    }
  }
  return forms;
}

let shipped: StatisticsFormDef[] | null = null;

/** The shipped forms, read once. */
export function allForms(): StatisticsFormDef[] {
  shipped ??= loadForms();
  return shipped;
}

/** The forms in force for a statistical year: its end (30/11) lies within their validity. */
export function formsForYear(year: number): StatisticsFormDef[] {
  const end = `${year}-11-30`;
  return allForms().filter((form) => form.validFrom <= end && (form.validTo === null || end <= form.validTo));
}

/** A form in force for the year, or 404 (400 when it exists but another circular governs that year). */
export function getForm(code: string, year: number): StatisticsFormDef {
  const form = allForms().find((item) => item.code === code);
  if (!form) throw new AppError('NOT_FOUND', 'Không có biểu thống kê này.');
  if (!formsForYear(year).includes(form))
    throw new AppError(
      'VALIDATION_FAILED',
      `Biểu ${form.code} không áp dụng cho năm thống kê ${year} (${form.circular}).`,
      [{ path: 'year', message: 'Biểu không áp dụng cho năm này' }],
    );
  return form;
}

/** The statistical year's first and last day: 01/12 of the year before to 30/11. */
export function statisticalPeriod(year: number): { from: string; to: string } {
  return { from: `${year - 1}-12-01`, to: `${year}-11-30` };
}

/** The statistical year a date (YYYY-MM-DD) falls in. */
export function statisticalYearOf(date: string): number {
  const year = Number(date.slice(0, 4));
  return date.slice(5, 7) === '12' ? year + 1 : year;
}
