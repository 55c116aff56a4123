import { inArray } from 'drizzle-orm';
import { awardCatalogue } from '#contracts/award-catalogue.ts';
import type { RecordKind } from '#contracts/award-records.ts';
import type { AwardCode } from '#contracts/awards.ts';
import type { ImportRowError } from '#contracts/organisation.ts';
import { plain } from '#server/modules/organisation/import-export/import-rules.ts';
import { inScope, type Scope } from '#server/modules/organisation/organisation.policy.ts';
import type { Database } from '#server/platform/db/client.ts';
import { persons, units } from '#server/platform/db/schema.ts';
import { BATCH, type ParsedRow } from './record-columns.ts';

const personKey = (unitId: string, fullName: string, birthDate: string | null) =>
  `${unitId}|${plain(fullName)}|${birthDate ?? ''}`;

export interface ResolvedRow {
  row: number;
  personId: string | null;
  unitId: string | null;
  values: Record<string, unknown>;
}

/** Finds the person or unit of every row with one query per batch of codes, names or numbers. */
export async function resolveSubjects(
  db: Database,
  kind: RecordKind,
  rows: ParsedRow[],
  scope: Scope,
  addError: (error: ImportRowError) => void,
): Promise<ResolvedRow[]> {
  const unitByCode = new Map<string, { id: string; path: string }>();
  const codes = [...new Set(rows.map((row) => row.who.unitCode))];
  for (let start = 0; start < codes.length; start += BATCH) {
    const found = await db
      .select({ id: units.id, path: units.path, code: units.code })
      .from(units)
      .where(inArray(units.code, codes.slice(start, start + BATCH)));
    for (const unit of found) unitByCode.set(unit.code, unit);
  }
  const personByNumber = new Map<string, { id: string; unitId: string }>();
  const numbers = [...new Set(rows.flatMap((row) => (row.who.idNumber ? [row.who.idNumber] : [])))];
  for (let start = 0; start < numbers.length; start += BATCH) {
    const found = await db
      .select({ id: persons.id, unitId: persons.unitId, idNumber: persons.idNumber })
      .from(persons)
      .where(inArray(persons.idNumber, numbers.slice(start, start + BATCH)));
    for (const person of found) personByNumber.set(person.idNumber as string, person);
  }
  const personByName = new Map<string, string[]>();
  const unitIds = [
    ...new Set(
      rows.flatMap((row) =>
        !row.who.idNumber && row.who.fullName ? [unitByCode.get(row.who.unitCode)?.id ?? ''] : [],
      ),
    ),
  ].filter(Boolean);
  for (let start = 0; start < unitIds.length; start += BATCH) {
    const found = await db
      .select({
        id: persons.id,
        unitId: persons.unitId,
        fullName: persons.fullName,
        birthDate: persons.birthDate,
      })
      .from(persons)
      .where(inArray(persons.unitId, unitIds.slice(start, start + BATCH)));
    for (const person of found) {
      for (const key of [
        personKey(person.unitId, person.fullName, person.birthDate),
        personKey(person.unitId, person.fullName, null),
      ]) {
        personByName.set(key, [...(personByName.get(key) ?? []), person.id]);
      }
    }
  }
  const resolved: ResolvedRow[] = [];
  for (const { row, who, values } of rows) {
    const unit = unitByCode.get(who.unitCode);
    if (!unit) {
      addError({ row, column: 'Mã đơn vị', message: `Không có đơn vị mã "${who.unitCode}".` });
      continue;
    }
    if (!inScope(scope, unit.path)) {
      addError({
        row,
        column: 'Mã đơn vị',
        message: `Đơn vị "${who.unitCode}" ngoài phạm vi được phân quyền.`,
      });
      continue;
    }
    if (kind === 'unit-ratings' || (!who.idNumber && !who.fullName)) {
      resolved.push({ row, personId: null, unitId: unit.id, values });
      continue;
    }
    let personId: string | null = null;
    if (who.idNumber) {
      const person = personByNumber.get(who.idNumber);
      if (!person || person.unitId !== unit.id) {
        addError({
          row,
          column: 'Số định danh cá nhân',
          message: `Không có cán bộ số định danh "${who.idNumber}" trong đơn vị "${who.unitCode}".`,
        });
        continue;
      }
      personId = person.id;
    } else {
      const found = personByName.get(personKey(unit.id, who.fullName as string, who.birthDate)) ?? [];
      if (found.length !== 1) {
        addError({
          row,
          column: 'Họ và tên',
          message: found.length
            ? 'Có nhiều cán bộ cùng họ tên trong đơn vị; hãy ghi ngày sinh hoặc số định danh.'
            : `Không có cán bộ "${who.fullName}" trong đơn vị "${who.unitCode}".`,
        });
        continue;
      }
      personId = found[0] as string;
    }
    resolved.push({ row, personId, unitId: null, values });
  }
  if (kind === 'received') {
    for (const row of resolved) {
      const code = row.values.awardCode as AwardCode;
      const subjects = awardCatalogue[code].subjects;
      const wanted = row.personId ? 'individual' : 'collective';
      if (!subjects.includes(wanted)) {
        addError({
          row: row.row,
          column: 'Danh hiệu, hình thức',
          message: row.personId
            ? `${awardCatalogue[code].name} không tặng cho cá nhân.`
            : `${awardCatalogue[code].name} không tặng cho tập thể (để trống họ tên khi ghi cho đơn vị).`,
        });
      }
    }
  }
  return resolved;
}
