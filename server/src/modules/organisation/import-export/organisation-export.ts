import type { Readable } from 'node:stream';
import {
  type Gender,
  genderLabels,
  type PersonCategory,
  type PersonFilterQuery,
  personCategoryLabels,
  type UnitFilterQuery,
  type UnitKind,
  unitKindLabels,
} from '#contracts/organisation.ts';
import type { Database } from '#server/platform/db/client.ts';
import { inScope, resolveScope, WRITE_ROLES } from '../organisation.policy.ts';
import { streamPersons } from '../persons/persons.repo.ts';
import { personListCondition } from '../persons/persons.service.ts';
import { streamUnits } from '../units/units.repo.ts';
import { type Caller, unitListCondition } from '../units/units.service.ts';
import { personColumns, unitColumns } from './import-rules.ts';
import { streamXlsx } from './spreadsheet.ts';

/** YYYY-MM-DD → dd/mm/yyyy (the files' date format), '' for none. */
const toFileDate = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : '');
const yesNo = (value: boolean) => (value ? 'Có' : 'Không');

/** Streams the filtered people list as XLSX (first batch read before the reply starts), template columns plus the unit's name. */
export async function exportPersons(
  db: Database,
  caller: Caller,
  query: PersonFilterQuery,
): Promise<Readable> {
  const [where, officerScope] = await Promise.all([
    personListCondition(db, caller, query),
    resolveScope(db, caller.principal, WRITE_ROLES),
  ]);
  return streamXlsx(
    'Cán bộ',
    [...personColumns.map((column) => column.header), 'Tên đơn vị'],
    streamPersons(db, where),
    ({ person, unitName, unitPath, unitCode }) => {
      const sensitive = inScope(officerScope, unitPath) || person.userId === caller.principal.id;
      return [
        person.fullName,
        genderLabels[person.gender as Gender],
        sensitive ? toFileDate(person.birthDate) : '',
        sensitive ? (person.idNumber ?? '') : '',
        personCategoryLabels[person.category as PersonCategory],
        person.position ?? '',
        yesNo(person.isLeader),
        yesNo(person.isDirectWorker),
        unitCode,
        '',
        unitName,
      ];
    },
  );
}

/** Streams the filtered unit list as XLSX, in the import template's columns (parents before children). */
export async function exportUnits(db: Database, caller: Caller, query: UnitFilterQuery): Promise<Readable> {
  const where = await unitListCondition(db, caller, query);
  return streamXlsx(
    'Đơn vị',
    unitColumns.map((column) => column.header),
    streamUnits(db, where),
    ({ unit, parentCode }) => [
      unit.code,
      unit.name,
      unit.shortName ?? '',
      unitKindLabels[unit.kind as UnitKind] ?? unit.kind,
      parentCode ?? '',
      yesNo(unit.isCollegial),
      toFileDate(unit.validFrom),
      toFileDate(unit.validTo),
    ],
  );
}
