import type { Readable } from 'node:stream';
import type { RecordKind } from '#contracts/award-records.ts';
import type { ImportRowError } from '#contracts/organisation.ts';
import { mapHeaders } from '#server/modules/organisation/import-export/import-rules.ts';
import { readSheetRows } from '#server/modules/organisation/import-export/spreadsheet.ts';
import { resolveScope, WRITE_ROLES } from '#server/modules/organisation/organisation.policy.ts';
import { recordAudit } from '#server/platform/audit/audit.ts';
import type { Database, Transaction } from '#server/platform/db/client.ts';
import { parseRow, parseWho } from './import-rows.ts';
import { type ResolvedRow, resolveSubjects } from './import-subjects.ts';
import { BATCH, type ParsedRow, recordColumns } from './record-columns.ts';
import { kinds } from './record-kinds.ts';
import type { Caller } from './subjects.ts';

/** How many rows one import may hold (a province's yearly ratings fit many times over). */
const MAX_ROWS = 100_000;
const MAX_ERRORS = 5000;

/** Thrown inside the transaction to roll back an import that found problems. */
class ImportRejected extends Error {
  constructor(readonly errors: ImportRowError[]) {
    super('import rejected');
  }
}

/** The outcome of an import: the count, or every problem found (then nothing was imported). */
export type RecordImportOutcome = { imported: number } | { errors: ImportRowError[] };

/**
 * Imports records of one kind from an XLSX or CSV stream, all or nothing: every row is validated,
 * its person or unit found (in the caller's scope as an officer), then all rows are inserted in one
 * transaction; a row that repeats a stored record (same year, same award) rolls everything back.
 */
export async function importRecords(
  db: Database,
  caller: Caller,
  kind: RecordKind,
  source: Readable,
): Promise<RecordImportOutcome> {
  const scope = await resolveScope(db, caller.principal, WRITE_ROLES);
  const errors: ImportRowError[] = [];
  const addError = (error: ImportRowError) => {
    if (errors.length < MAX_ERRORS) errors.push(error);
  };
  const columns = recordColumns[kind];
  let positions: Map<string, number> | null = null;
  const parsed: ParsedRow[] = [];
  for await (const sheetRow of readSheetRows(
    source,
    columns.map((column) => column.header),
  )) {
    if (!positions) {
      const mapped = mapHeaders(sheetRow.cells, columns);
      for (const error of mapped.missing) addError({ row: sheetRow.row, ...error });
      if (mapped.missing.length) return { errors };
      positions = mapped.positions;
      continue;
    }
    if (sheetRow.cells.every((cell) => cell === null || cell === undefined || String(cell).trim() === ''))
      continue;
    if (parsed.length + errors.length >= MAX_ROWS) {
      addError({
        row: sheetRow.row,
        column: '',
        message: `Tệp có quá ${MAX_ROWS} dòng; hãy chia thành nhiều tệp.`,
      });
      break;
    }
    const at = positions;
    const get = (header: string) => {
      const index = at.get(header);
      return index === undefined ? undefined : sheetRow.cells[index];
    };
    const who = parseWho(kind, get);
    const values = parseRow(kind, get);
    if (Array.isArray(who) || Array.isArray(values)) {
      for (const error of [...(Array.isArray(who) ? who : []), ...(Array.isArray(values) ? values : [])])
        addError({ row: sheetRow.row, ...error });
      continue;
    }
    parsed.push({ row: sheetRow.row, who, values });
  }
  if (!positions) return { errors: [{ row: 1, column: '', message: 'Tệp không có dòng tiêu đề.' }] };
  if (!parsed.length && !errors.length)
    return { errors: [{ row: 2, column: '', message: 'Tệp không có dòng dữ liệu nào.' }] };
  const resolved = await resolveSubjects(db, kind, parsed, scope, addError);
  if (errors.length) return { errors };
  try {
    return await db.transaction(async (tx) => {
      let imported = 0;
      for (let start = 0; start < resolved.length; start += BATCH) {
        imported += await insertBatch(tx, kind, resolved.slice(start, start + BATCH), caller, addError);
      }
      if (errors.length) throw new ImportRejected(errors);
      await recordAudit(tx, caller.actor, {
        action: 'award_record.import',
        entityType: kinds[kind].entityType,
        after: { kind, imported },
      });
      return { imported };
    });
  } catch (error) {
    if (error instanceof ImportRejected) return { errors: error.errors };
    throw error;
  }
}

/** The key that makes a stored record unique, for reporting rows that repeat one. */
function uniqueKey(kind: RecordKind, row: Record<string, unknown>): string | null {
  if (kind === 'person-ratings') return `${row.personId}|${row.year}`;
  if (kind === 'unit-ratings') return `${row.unitId}|${row.year}`;
  if (kind === 'received')
    return `${row.personId ?? ''}|${row.unitId ?? ''}|${row.awardCode}|${row.year}|${row.rewardType}`;
  return null;
}

async function insertBatch(
  tx: Transaction,
  kind: RecordKind,
  rows: ResolvedRow[],
  caller: Caller,
  addError: (error: ImportRowError) => void,
): Promise<number> {
  const values = rows.map((row) => {
    const base = { ...row.values, updatedBy: caller.actor.userId };
    if (kind === 'unit-ratings') return { ...base, unitId: row.unitId };
    if (kind === 'received')
      return { ...base, personId: row.personId, unitId: row.personId ? null : row.unitId };
    return { ...base, personId: row.personId };
  });
  const table = kinds[kind].table;
  const inserted = (await tx
    .insert(table)
    .values(values as never)
    .onConflictDoNothing()
    .returning()) as Record<string, unknown>[];
  if (inserted.length === rows.length) return inserted.length;
  const stored = new Set(inserted.map((row) => uniqueKey(kind, row)));
  const seen = new Map<string, number>();
  values.forEach((value, index) => {
    const key = uniqueKey(kind, value);
    const row = (rows[index] as ResolvedRow).row;
    if (!key) return;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      addError({ row, column: '', message: `Trùng với dòng ${earlier} của tệp.` });
    } else if (!stored.has(key)) {
      addError({ row, column: '', message: kinds[kind].duplicate });
    }
    seen.set(key, row);
  });
  return inserted.length;
}
