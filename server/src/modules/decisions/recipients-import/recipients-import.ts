import type { Readable } from 'node:stream';
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { awardName } from '#contracts/awards.ts';
import { RECIPIENTS_PER_REQUEST_MAX } from '#contracts/decisions.ts';
import type { ImportRowError } from '#contracts/organisation.ts';
import {
  isBlankRow,
  isExampleRow,
  mapHeaders,
  plain,
} from '#server/modules/organisation/import-export/import-rules.ts';
import { readSheetRows } from '#server/modules/organisation/import-export/spreadsheet.ts';
import type { Database } from '#server/platform/db/client.ts';
import { decisionRecipients, persons, units } from '#server/platform/db/schema.ts';
import { getDecisionRow } from '../decisions/decisions.repo.ts';
import { assertDraft } from '../decisions/decisions.service.ts';
import {
  appendRecipients,
  type RecipientValues,
  recipientProblems,
} from '../decisions/recipients.service.ts';
import { assertCanWrite, type Caller, inScope, writeScope } from '../decisions.policy.ts';
import {
  parseRecipientRow,
  type RecipientHeader,
  type RecipientRow,
  recipientColumns,
} from './recipient-rows.ts';

const MAX_ERRORS = 2000;

/** The outcome of an import: how many were added, or every problem found (then nothing was added). */
export type RecipientImportOutcome = { imported: number } | { errors: ImportRowError[] };

type Unit = { id: string; path: string; code: string; name: string };
type Person = {
  id: string;
  unitId: string;
  fullName: string;
  birthDate: string | null;
  position: string | null;
};

/** Reads the rows of the file: the header row mapped, blank and example rows skipped. */
async function readRows(source: Readable, defaultYear: number, addError: (error: ImportRowError) => void) {
  let positions: Map<string, number> | null = null;
  const rows: RecipientRow[] = [];
  let count = 0;
  for await (const sheetRow of readSheetRows(
    source,
    recipientColumns.map((column) => column.header),
  )) {
    if (!positions) {
      const mapped = mapHeaders(sheetRow.cells, recipientColumns);
      for (const error of mapped.missing) addError({ row: sheetRow.row, ...error });
      if (mapped.missing.length) return null;
      positions = mapped.positions;
      continue;
    }
    if (isBlankRow(sheetRow.cells) || isExampleRow(sheetRow.cells)) continue;
    count += 1;
    if (count > RECIPIENTS_PER_REQUEST_MAX) {
      addError({
        row: sheetRow.row,
        column: '',
        message: `Mỗi lần nhập tối đa ${RECIPIENTS_PER_REQUEST_MAX} dòng.`,
      });
      return null;
    }
    const at = positions;
    const parsed = parseRecipientRow(
      sheetRow.row,
      (header: RecipientHeader) => {
        const index = at.get(header);
        return index === undefined ? undefined : sheetRow.cells[index];
      },
      defaultYear,
    );
    if (Array.isArray(parsed)) for (const error of parsed) addError({ row: sheetRow.row, ...error });
    else rows.push(parsed);
  }
  if (!positions) addError({ row: 1, column: '', message: 'Tệp không có dòng tiêu đề.' });
  else if (!count) addError({ row: 2, column: '', message: 'Tệp không có dòng dữ liệu nào.' });
  return rows;
}

/** The units the rows name (by code, or by full name ignoring case), and the people of those units. */
async function lookUp(db: Database, rows: RecipientRow[]) {
  const written = [...new Set(rows.map((row) => row.unit))];
  const found: Unit[] = written.length
    ? await db
        .select({ id: units.id, path: units.path, code: units.code, name: units.name })
        .from(units)
        .where(
          or(
            inArray(units.code, written),
            inArray(
              sql`lower(${units.name})`,
              written.map((text) => text.toLowerCase()),
            ),
          ),
        )
    : [];
  const unitIds = found.map((unit) => unit.id);
  const people: Person[] = unitIds.length
    ? await db
        .select({
          id: persons.id,
          unitId: persons.unitId,
          fullName: persons.fullName,
          birthDate: persons.birthDate,
          position: persons.position,
        })
        .from(persons)
        .where(inArray(persons.unitId, unitIds))
    : [];
  return { found, people };
}

/**
 * Imports a draft's recipient list from an XLSX (or CSV) file, all or nothing: every row is checked
 * (cells, the unit by code or name in the caller's scope, the person by name and birth date — position
 * breaks a tie — or the household named in that unit, the award for the subject and the issuing unit's competence, duplicates within the
 * file and with the list), and only a file without problems is added, in one transaction.
 */
export async function importRecipients(
  db: Database,
  caller: Caller,
  id: string,
  version: number,
  source: Readable,
): Promise<RecipientImportOutcome> {
  const row = await getDecisionRow(db, id);
  await assertCanWrite(db, caller.principal, row.unit.path);
  assertDraft(row);
  const errors: ImportRowError[] = [];
  const addError = (error: ImportRowError) => {
    if (errors.length < MAX_ERRORS) errors.push(error);
  };
  const rows = await readRows(source, Number(row.decision.decisionDate.slice(0, 4)), addError);
  // Rows with cell problems are reported with the others; the rest are still resolved, so the
  // officer gets every problem of the file in one pass.
  if (!rows) return { errors };
  const [{ found, people }, scope] = await Promise.all([lookUp(db, rows), writeScope(db, caller.principal)]);
  const resolved: { row: RecipientRow; values: RecipientValues }[] = [];
  for (const item of rows) {
    const matches = found.filter(
      (unit) => unit.code === item.unit || unit.name.toLowerCase() === item.unit.toLowerCase(),
    );
    const unit = matches[0];
    if (!unit || matches.length > 1) {
      addError({
        row: item.row,
        column: 'Đơn vị',
        message: unit
          ? `Có nhiều đơn vị tên "${item.unit}"; hãy ghi mã đơn vị.`
          : `Không có đơn vị "${item.unit}".`,
      });
      continue;
    }
    if (!inScope(scope, unit.path)) {
      addError({
        row: item.row,
        column: 'Đơn vị',
        message: `Đơn vị "${item.unit}" ngoài phạm vi được phân quyền.`,
      });
      continue;
    }
    const base = {
      awardCode: item.awardCode,
      rewardType: 'thuong_xuyen' as const,
      year: item.year,
      achievement: item.achievement,
    };
    if (item.householdName) {
      resolved.push({
        row: item,
        values: { householdName: item.householdName, householdUnitId: unit.id, ...base },
      });
      continue;
    }
    if (!item.fullName) {
      resolved.push({ row: item, values: { unitId: unit.id, ...base } });
      continue;
    }
    let candidates = people.filter(
      (person) =>
        person.unitId === unit.id &&
        plain(person.fullName) === plain(item.fullName as string) &&
        (!item.birthDate || person.birthDate === item.birthDate),
    );
    if (candidates.length > 1 && item.position)
      candidates = candidates.filter(
        (person) => plain(person.position ?? '') === plain(item.position as string),
      );
    if (candidates.length !== 1) {
      addError({
        row: item.row,
        column: 'Họ và tên',
        message: candidates.length
          ? 'Có nhiều cán bộ cùng họ tên trong đơn vị; hãy ghi ngày sinh hoặc chức vụ.'
          : `Không có cán bộ "${item.fullName}"${item.birthDate ? ' với ngày sinh này' : ''} trong đơn vị "${unit.name}".`,
      });
      continue;
    }
    resolved.push({ row: item, values: { personId: (candidates[0] as Person).id, ...base } });
  }
  const problems = await recipientProblems(
    db,
    caller,
    row,
    resolved.map((item) => item.values),
  );
  for (const problem of problems) {
    const item = resolved[problem.index];
    if (item)
      addError({
        row: item.row.row,
        column: problem.field === 'awardCode' ? 'Danh hiệu, hình thức' : 'Họ và tên',
        message: problem.message,
      });
  }
  const keyOf = (values: RecipientValues) =>
    `${values.personId ?? values.unitId ?? `${values.householdUnitId}|${values.householdName}`}|${values.awardCode}`;
  const listed = await db
    .select({
      personId: decisionRecipients.personId,
      unitId: decisionRecipients.unitId,
      householdName: decisionRecipients.householdName,
      householdUnitId: decisionRecipients.householdUnitId,
      awardCode: decisionRecipients.awardCode,
    })
    .from(decisionRecipients)
    .where(and(eq(decisionRecipients.decisionId, id)));
  const stored = new Set(listed.map((item) => keyOf(item as RecipientValues)));
  const seen = new Map<string, number>();
  for (const item of resolved) {
    const key = keyOf(item.values);
    const earlier = seen.get(key);
    if (stored.has(key))
      addError({
        row: item.row.row,
        column: 'Họ và tên',
        message: `Đã có trong danh sách với ${awardName(item.values.awardCode)}.`,
      });
    else if (earlier)
      addError({
        row: item.row.row,
        column: 'Họ và tên',
        message: `Trùng với dòng ${earlier} (cùng người, tập thể, hộ gia đình và hình thức).`,
      });
    seen.set(key, earlier ?? item.row.row);
  }
  if (errors.length) return { errors: errors.sort((a, b) => a.row - b.row) };
  const added = await db.transaction((tx) =>
    appendRecipients(
      tx,
      caller,
      id,
      version,
      resolved.map((item) => item.values),
      { source: 'xlsx' },
    ),
  );
  return { imported: added.added };
}
