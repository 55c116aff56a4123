import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { inArray } from 'drizzle-orm';
import type { ImportRowError } from '#contracts/organisation.ts';
import { recordAudit } from '#server/platform/audit/audit.ts';
import { isAdmin } from '#server/platform/auth/policy.ts';
import type { Database } from '#server/platform/db/client.ts';
import { units } from '#server/platform/db/schema.ts';
import { inScope, resolveScope, WRITE_ROLES } from '../organisation.policy.ts';
import { type UnitValidity, unitClosedMessage } from '../persons/person-rules.ts';
import { vietnameseSortKey } from '../search/sort-key.ts';
import { today } from '../sql-rows.ts';
import { childPath } from '../units/unit-tree.ts';
import type { Caller } from '../units/units.service.ts';
import {
  type CellError,
  cellLine,
  isBlankRow,
  isExampleRow,
  mapHeaders,
  type UnitImportRow,
  unitColumns,
  validateUnitRow,
} from './import-rules.ts';
import type { ImportOutcome } from './person-import.ts';
import { readSheetRows } from './spreadsheet.ts';

const BATCH = 1000;
const CODE_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Imports units: a parent is named by its code, either an existing unit in the caller's scope or a
 * row higher up in the same file. All rows are checked first; any problem → nothing is imported.
 */
export async function importUnits(db: Database, caller: Caller, source: Readable): Promise<ImportOutcome> {
  const scope = await resolveScope(db, caller.principal, WRITE_ROLES);
  const errors: ImportRowError[] = [];
  const rows: {
    row: number;
    unit: UnitImportRow | null;
    code: string;
    parentCode: string;
    cellErrors: CellError[];
  }[] = [];
  let positions: Map<string, number> | null = null;
  for await (const sheetRow of readSheetRows(
    source,
    unitColumns.map((column) => column.header),
  )) {
    if (!positions) {
      const mapped = mapHeaders(sheetRow.cells, unitColumns);
      if (mapped.missing.length)
        return { errors: mapped.missing.map((error) => ({ row: sheetRow.row, ...error })) };
      positions = mapped.positions;
      continue;
    }
    if (isBlankRow(sheetRow.cells) || isExampleRow(sheetRow.cells)) continue;
    const map = positions;
    const get = (header: string) => {
      const index = map.get(header);
      return index === undefined ? undefined : sheetRow.cells[index];
    };
    const result = validateUnitRow(get);
    const invalid = Array.isArray(result);
    rows.push({
      row: sheetRow.row,
      unit: invalid ? null : result,
      cellErrors: invalid ? result : [],
      // The codes as typed, checked against the tree even when other cells of the row are wrong.
      code: cellLine(get('Mã đơn vị')),
      parentCode: cellLine(get('Mã đơn vị cấp trên')),
    });
  }
  if (!rows.length) return { errors: [{ row: 2, column: '', message: 'Tệp không có dòng dữ liệu nào.' }] };

  const wellFormed = (code: string) => CODE_PATTERN.test(code);
  const codes = [
    ...new Set(rows.flatMap(({ code, parentCode }) => [code, parentCode].filter((c) => c && wellFormed(c)))),
  ];
  const existing = new Map<
    string,
    { id: string; path: string; name: string; validFrom: string | null; validTo: string | null }
  >();
  for (let index = 0; index < codes.length; index += BATCH) {
    const found = await db
      .select({
        id: units.id,
        path: units.path,
        code: units.code,
        name: units.name,
        validFrom: units.validFrom,
        validTo: units.validTo,
      })
      .from(units)
      .where(inArray(units.code, codes.slice(index, index + BATCH)));
    for (const unit of found) existing.set(unit.code, unit);
  }
  const inFile = new Set<string>();
  const planned = new Map<string, { id: string; path: string }>();
  const values: (typeof units.$inferInsert)[] = [];
  const order = (column: string) => unitColumns.findIndex((c) => c.header === column);
  for (const { row, unit, code, parentCode, cellErrors } of rows) {
    const rowErrors: CellError[] = [...cellErrors];
    const fail = (column: string, message: string) => rowErrors.push({ column, message });
    if (wellFormed(code) && (existing.has(code) || inFile.has(code)))
      fail('Mã đơn vị', `Mã đơn vị "${code}" đã có.`);
    const parent = parentCode ? (planned.get(parentCode) ?? existing.get(parentCode)) : null;
    const parentInFile = inFile.has(parentCode);
    if (parentCode && wellFormed(parentCode) && !parent && !parentInFile)
      fail('Mã đơn vị cấp trên', `Không có đơn vị mã "${parentCode}" (trong hệ thống hoặc ở dòng trên).`);
    else if (parent && !planned.has(parentCode) && !inScope(scope, parent.path))
      fail('Mã đơn vị cấp trên', 'Đơn vị cấp trên ngoài phạm vi được phân quyền.');
    else if (parent && existing.get(parentCode) === parent) {
      const closed = unitClosedMessage(existing.get(parentCode) as UnitValidity, unit?.validFrom ?? today());
      if (closed) fail('Mã đơn vị cấp trên', closed);
    } else if (!parentCode && !isAdmin(caller.principal))
      fail(
        'Mã đơn vị cấp trên',
        'Chỉ quản trị hệ thống tạo được đơn vị cấp cao nhất; vui lòng ghi mã đơn vị cấp trên.',
      );
    if (code) inFile.add(code);
    if (rowErrors.length || !unit || (parentCode && !parent)) {
      rowErrors.sort((a, b) => order(a.column) - order(b.column));
      errors.push(...rowErrors.map((error) => ({ row, ...error })));
      continue;
    }
    const id = randomUUID();
    const path = childPath(parent?.path ?? null, id);
    planned.set(unit.code, { id, path });
    const { parentCode: _parentCode, ...fields } = unit;
    values.push({ ...fields, id, path, parentId: parent?.id ?? null, sortKey: vietnameseSortKey(unit.name) });
  }
  if (errors.length) return { errors };
  await db.transaction(async (tx) => {
    for (let index = 0; index < values.length; index += BATCH)
      await tx.insert(units).values(values.slice(index, index + BATCH));
    await recordAudit(tx, caller.actor, {
      action: 'unit.import',
      entityType: 'unit',
      after: { imported: values.length },
    });
  });
  return { imported: values.length };
}
