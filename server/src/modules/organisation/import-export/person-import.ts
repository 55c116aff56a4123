import type { Readable } from 'node:stream';
import { inArray } from 'drizzle-orm';
import type { ImportRowError } from '#contracts/organisation.ts';
import { recordAudit } from '#server/platform/audit/audit.ts';
import type { Database, Transaction } from '#server/platform/db/client.ts';
import { employments, persons, units } from '#server/platform/db/schema.ts';
import { inScope, resolveScope, type Scope, WRITE_ROLES } from '../organisation.policy.ts';
import { unitClosedMessage } from '../persons/person-rules.ts';
import { personSortKey } from '../search/sort-key.ts';
import { today } from '../sql-rows.ts';
import type { Caller } from '../units/units.service.ts';
import {
  cellLine,
  isBlankRow,
  isExampleRow,
  mapHeaders,
  type PersonImportRow,
  personColumns,
  validatePersonRow,
} from './import-rules.ts';
import { readSheetRows, type SheetRow } from './spreadsheet.ts';

const BATCH = 1000;
/** The form every unit code has (the API and the unit import refuse any other). */
const UNIT_CODE = /^[A-Za-z0-9._-]{1,64}$/;
/** Enough to fix a file in one go without an unbounded reply. */
const MAX_ERRORS = 5000;

/** The outcome of an import: the count, or every problem found (then nothing was imported). */
export type ImportOutcome = { imported: number } | { errors: ImportRowError[] };

/** Thrown inside the transaction to roll back an import that found problems. */
class ImportRejected extends Error {
  constructor(readonly errors: ImportRowError[]) {
    super('import rejected');
  }
}

const identity = (fullName: string, birthDate: string | null, unitId: string) =>
  `${unitId}|${fullName}|${birthDate ?? ''}`;

/**
 * Imports people from an XLSX or CSV stream: rows are streamed, validated and inserted in batches of
 * 1,000 inside one transaction; if any row is wrong (including duplicates of a person already in the
 * unit, or of an earlier row) the transaction rolls back and every problem is returned.
 */
export async function importPersons(db: Database, caller: Caller, source: Readable): Promise<ImportOutcome> {
  const scope = await resolveScope(db, caller.principal, WRITE_ROLES);
  const errors: ImportRowError[] = [];
  const addError = (error: ImportRowError) => {
    if (errors.length < MAX_ERRORS) errors.push(error);
  };
  try {
    return await db.transaction(async (tx) => {
      const state = {
        positions: null as Map<string, number> | null,
        imported: 0,
        units: new Map<string, UnitRef | null>(),
      };
      const seen = new Map<string, number>();
      let pending: SheetRow[] = [];
      const flush = async () => {
        const valid = await validateBatch(tx, pending, state, scope, seen, addError);
        pending = [];
        // Inserted even after an error (the transaction rolls back then), so duplicates of people
        // already stored are reported in the same pass as every other problem.
        if (valid.length) state.imported += await insertBatch(tx, valid, addError);
      };
      for await (const sheetRow of readSheetRows(
        source,
        personColumns.map((column) => column.header),
      )) {
        if (!state.positions) {
          const { positions, missing } = mapHeaders(sheetRow.cells, personColumns);
          for (const error of missing) addError({ row: sheetRow.row, ...error });
          if (missing.length) throw new ImportRejected(errors);
          state.positions = positions;
          continue;
        }
        if (isBlankRow(sheetRow.cells) || isExampleRow(sheetRow.cells)) continue;
        pending.push(sheetRow);
        if (pending.length >= BATCH) await flush();
      }
      await flush();
      if (!state.positions) addError({ row: 1, column: '', message: 'Tệp không có dòng tiêu đề.' });
      else if (!state.imported && !errors.length)
        addError({ row: 2, column: '', message: 'Tệp không có dòng dữ liệu nào.' });
      if (errors.length) throw new ImportRejected(errors);
      await recordAudit(tx, caller.actor, {
        action: 'person.import',
        entityType: 'person',
        after: { imported: state.imported },
      });
      return { imported: state.imported };
    });
  } catch (error) {
    if (error instanceof ImportRejected) return { errors: error.errors };
    throw error;
  }
}

interface UnitRef {
  id: string;
  path: string;
  name: string;
  validFrom: string | null;
  validTo: string | null;
}

const columnOrder = (column: string) => personColumns.findIndex((c) => c.header === column);

/** Problems with a row's unit code: unknown, out of the caller's scope, or no longer in being. */
function unitCodeError(code: string, unit: UnitRef | null | undefined, scope: Scope, onDay: string) {
  if (!unit) return `Không có đơn vị mã "${code}" (xem trang "Mã đơn vị" của tệp mẫu).`;
  if (!inScope(scope, unit.path)) return `Đơn vị "${code}" ngoài phạm vi được phân quyền.`;
  const closed = unitClosedMessage(unit, onDay);
  return closed ? `Mã "${code}": ${closed}` : null;
}

/**
 * Validates a batch of rows; the unit codes are looked up once per batch, for every row, so a wrong
 * code is reported with the row's other problems in the same pass.
 */
async function validateBatch(
  tx: Transaction,
  rows: SheetRow[],
  state: { positions: Map<string, number> | null; units: Map<string, UnitRef | null> },
  scope: Scope,
  seen: Map<string, number>,
  addError: (error: ImportRowError) => void,
) {
  const positions = state.positions as Map<string, number>;
  const parsed = rows.map((sheetRow) => {
    const get = (header: string) => {
      const index = positions.get(header);
      return index === undefined ? undefined : sheetRow.cells[index];
    };
    return { row: sheetRow.row, result: validatePersonRow(get), code: cellLine(get('Mã đơn vị')) };
  });
  // Only a code that could exist is looked up (a stray control character never reaches SQL).
  const codes = [...new Set(parsed.map(({ code }) => code))].filter(
    (code) => UNIT_CODE.test(code) && !state.units.has(code),
  );
  if (codes.length) {
    const found = await tx
      .select({
        id: units.id,
        path: units.path,
        code: units.code,
        name: units.name,
        validFrom: units.validFrom,
        validTo: units.validTo,
      })
      .from(units)
      .where(inArray(units.code, codes));
    for (const code of codes) state.units.set(code, found.find((unit) => unit.code === code) ?? null);
  }
  const onDay = today();
  const valid: { row: number; person: PersonImportRow; unitId: string }[] = [];
  for (const { row, result, code } of parsed) {
    const rowErrors = Array.isArray(result) ? [...result] : [];
    const unit = state.units.get(code);
    const codeError =
      code && !rowErrors.some((error) => error.column === 'Mã đơn vị')
        ? unitCodeError(code, unit, scope, onDay)
        : null;
    if (codeError) rowErrors.push({ column: 'Mã đơn vị', message: codeError });
    if (rowErrors.length || Array.isArray(result) || !unit) {
      rowErrors.sort((a, b) => columnOrder(a.column) - columnOrder(b.column));
      for (const error of rowErrors) addError({ row, ...error });
      continue;
    }
    const key = identity(result.fullName, result.birthDate, unit.id);
    const earlier = seen.get(key);
    if (earlier) {
      addError({
        row,
        column: 'Họ và tên',
        message: `Trùng với dòng ${earlier} (cùng họ tên, ngày sinh, đơn vị).`,
      });
      continue;
    }
    seen.set(key, row);
    valid.push({ row, person: result, unitId: unit.id });
  }
  return valid;
}

/** Inserts valid rows; a row that collides with a person already stored is reported, not merged. */
async function insertBatch(
  tx: Transaction,
  rows: { row: number; person: PersonImportRow; unitId: string }[],
  addError: (error: ImportRowError) => void,
): Promise<number> {
  const inserted = await tx
    .insert(persons)
    .values(
      rows.map(({ person, unitId }) => ({
        fullName: person.fullName,
        gender: person.gender,
        birthDate: person.birthDate,
        idNumber: person.idNumber,
        category: person.category,
        position: person.position,
        isLeader: person.isLeader,
        isDirectWorker: person.isDirectWorker,
        unitId,
        sortKey: personSortKey(person.fullName),
      })),
    )
    .onConflictDoNothing()
    .returning({
      id: persons.id,
      fullName: persons.fullName,
      birthDate: persons.birthDate,
      unitId: persons.unitId,
    });
  const byKey = new Map(
    inserted.map((person) => [identity(person.fullName, person.birthDate, person.unitId), person.id]),
  );
  const history: (typeof employments.$inferInsert)[] = [];
  for (const { row, person, unitId } of rows) {
    const id = byKey.get(identity(person.fullName, person.birthDate, unitId));
    if (!id) {
      addError({
        row,
        column: 'Họ và tên',
        message: 'Đã có cán bộ cùng họ tên, ngày sinh trong đơn vị này (hoặc trùng số định danh).',
      });
      continue;
    }
    history.push({ personId: id, unitId, position: person.position, startedOn: person.startedOn });
  }
  if (history.length && history.length === rows.length) await tx.insert(employments).values(history);
  return inserted.length;
}
