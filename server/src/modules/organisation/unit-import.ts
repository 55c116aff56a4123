import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { inArray } from 'drizzle-orm';
import type { ImportRowError } from '../../../../contracts/organisation.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { isAdmin } from '../../platform/auth/policy.ts';
import type { Database } from '../../platform/db/client.ts';
import { units } from '../../platform/db/schema.ts';
import { mapHeaders, type UnitImportRow, unitColumns, validateUnitRow } from './import-rules.ts';
import { inScope, resolveScope, WRITE_ROLES } from './organisation.policy.ts';
import type { ImportOutcome } from './person-import.ts';
import { vietnameseSortKey } from './sort-key.ts';
import { readSheetRows } from './spreadsheet.ts';
import { childPath } from './unit-tree.ts';
import type { Caller } from './units.service.ts';

const BATCH = 1000;

/**
 * Imports units: a parent is named by its code, either an existing unit in the caller's scope or a
 * row higher up in the same file. All rows are checked first; any problem → nothing is imported.
 */
export async function importUnits(db: Database, caller: Caller, source: Readable): Promise<ImportOutcome> {
  const scope = await resolveScope(db, caller.principal, WRITE_ROLES);
  const errors: ImportRowError[] = [];
  const rows: { row: number; unit: UnitImportRow }[] = [];
  let positions: Map<string, number> | null = null;
  for await (const sheetRow of readSheetRows(source)) {
    if (!positions) {
      const mapped = mapHeaders(sheetRow.cells, unitColumns);
      if (mapped.missing.length)
        return { errors: mapped.missing.map((error) => ({ row: sheetRow.row, ...error })) };
      positions = mapped.positions;
      continue;
    }
    if (sheetRow.cells.every((cell) => cell === null || cell === undefined || String(cell).trim() === ''))
      continue;
    const map = positions;
    const result = validateUnitRow((header) => {
      const index = map.get(header);
      return index === undefined ? undefined : sheetRow.cells[index];
    });
    if (Array.isArray(result)) errors.push(...result.map((error) => ({ row: sheetRow.row, ...error })));
    else rows.push({ row: sheetRow.row, unit: result });
  }
  if (!rows.length && !errors.length)
    return { errors: [{ row: 2, column: '', message: 'Tệp không có dòng dữ liệu nào.' }] };

  const codes = [
    ...new Set(rows.flatMap(({ unit }) => [unit.code, ...(unit.parentCode ? [unit.parentCode] : [])])),
  ];
  const existing = new Map<string, { id: string; path: string }>();
  for (let index = 0; index < codes.length; index += BATCH) {
    const found = await db
      .select({ id: units.id, path: units.path, code: units.code })
      .from(units)
      .where(inArray(units.code, codes.slice(index, index + BATCH)));
    for (const unit of found) existing.set(unit.code, unit);
  }
  const planned = new Map<string, { id: string; path: string }>();
  const values: (typeof units.$inferInsert)[] = [];
  for (const { row, unit } of rows) {
    if (existing.has(unit.code) || planned.has(unit.code)) {
      errors.push({ row, column: 'Mã đơn vị', message: `Mã đơn vị "${unit.code}" đã có.` });
      continue;
    }
    const parent = unit.parentCode ? (planned.get(unit.parentCode) ?? existing.get(unit.parentCode)) : null;
    if (unit.parentCode && !parent) {
      errors.push({
        row,
        column: 'Mã đơn vị cấp trên',
        message: `Không có đơn vị mã "${unit.parentCode}" (trong hệ thống hoặc ở dòng trên).`,
      });
      continue;
    }
    if (
      parent
        ? !inScope(scope, parent.path) && !planned.has(unit.parentCode as string)
        : !isAdmin(caller.principal)
    ) {
      errors.push({
        row,
        column: 'Mã đơn vị cấp trên',
        message: 'Đơn vị cấp trên ngoài phạm vi được phân quyền.',
      });
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
