import type { Readable } from 'node:stream';
import { and, asc, eq, gt, isNotNull, like, or, type SQL } from 'drizzle-orm';
import { type RecordExportQuery, type RecordKind, recordKindLabels } from '#contracts/award-records.ts';
import {
  type DisciplineLevel,
  disciplineLevelLabels,
  initiativeScopeLabels,
  rewardTypeLabels,
} from '#contracts/awards.ts';
import { streamXlsx } from '#server/modules/organisation/import-export/spreadsheet.ts';
import {
  PERSON_READ_ROLES,
  READ_ROLES,
  resolveScope,
  type Scope,
  scopeCondition,
} from '#server/modules/organisation/organisation.policy.ts';
import type { Database } from '#server/platform/db/client.ts';
import {
  awardsReceived,
  initiatives,
  personDisciplines,
  personRatings,
  persons,
  unitRatings,
  units,
} from '#server/platform/db/schema.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { BATCH, recordColumns } from './record-columns.ts';
import { kinds } from './record-kinds.ts';
import type { Caller } from './subjects.ts';

/** YYYY-MM-DD → dd/mm/yyyy (the files' date format), '' for none. */
const toFileDate = (iso: string | null | undefined) => (iso ? iso.split('-').reverse().join('/') : '');

/**
 * Streams the records of a kind the caller may read (optionally within a unit's subtree and for one
 * year) as XLSX in the template's columns, so an exported file can be corrected and imported again.
 */
export async function exportRecords(
  db: Database,
  caller: Caller,
  kind: RecordKind,
  query: RecordExportQuery,
): Promise<Readable> {
  const scope = await resolveScope(
    db,
    caller.principal,
    kind === 'unit-ratings' ? READ_ROLES : PERSON_READ_ROLES,
  );
  let subtree: SQL | undefined;
  if (query.unitId) {
    const [unit] = await db.select({ path: units.path }).from(units).where(eq(units.id, query.unitId));
    if (!unit) throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị.');
    subtree = like(units.path, `${unit.path}%`);
  }
  const headers = [...recordColumns[kind].map((column) => column.header), 'Tên đơn vị'];
  return streamXlsx(
    recordKindLabels[kind].slice(0, 31),
    headers,
    batchesOf(db, kind, scope, subtree, query.year),
    (row) => toExportRow(kind, row),
  );
}

type ExportRow = Record<string, unknown> & {
  id: string;
  unitCode: string;
  unitName: string;
  fullName: string | null;
  birthDate: string | null;
  idNumber: string | null;
};

async function* batchesOf(
  db: Database,
  kind: RecordKind,
  scope: Scope,
  subtree: SQL | undefined,
  year: number | undefined,
): AsyncGenerator<ExportRow[]> {
  const table = kinds[kind].table as typeof personRatings;
  const tables = {
    'person-ratings': personRatings,
    'unit-ratings': unitRatings,
    disciplines: personDisciplines,
    received: awardsReceived,
    initiatives,
  } as const;
  const source = tables[kind];
  const yearColumn = kind === 'disciplines' ? undefined : (source as typeof personRatings).year;
  const personColumn = kind === 'unit-ratings' ? undefined : (source as typeof personRatings).personId;
  const unitColumn =
    kind === 'unit-ratings' || kind === 'received' ? (source as typeof unitRatings).unitId : undefined;
  let after: string | null = null;
  for (;;) {
    const base = db
      .select({
        record: source,
        unitCode: units.code,
        unitName: units.name,
        fullName: persons.fullName,
        birthDate: persons.birthDate,
        idNumber: persons.idNumber,
      })
      .from(source as typeof personRatings);
    const joined = personColumn
      ? base
          .leftJoin(persons, eq(persons.id, personColumn))
          .innerJoin(
            units,
            unitColumn
              ? or(eq(units.id, persons.unitId), eq(units.id, unitColumn))
              : eq(units.id, persons.unitId),
          )
      : base.leftJoin(persons, eq(persons.id, table.id)).innerJoin(units, eq(units.id, unitColumn as never));
    const rows = await joined
      .where(
        and(
          scopeCondition(scope),
          subtree,
          year !== undefined && yearColumn ? eq(yearColumn, year) : undefined,
          after ? gt(table.id, after) : undefined,
          personColumn && unitColumn ? or(isNotNull(personColumn), isNotNull(unitColumn)) : undefined,
        ),
      )
      .orderBy(asc(table.id))
      .limit(BATCH);
    if (!rows.length) return;
    yield rows.map((row) => ({
      ...(row.record as unknown as Record<string, unknown>),
      id: (row.record as { id: string }).id,
      unitCode: row.unitCode,
      unitName: row.unitName,
      fullName: row.fullName,
      birthDate: row.birthDate,
      idNumber: row.idNumber,
    }));
    if (rows.length < BATCH) return;
    after = (rows[rows.length - 1] as (typeof rows)[number]).record.id;
  }
}

function toExportRow(kind: RecordKind, row: ExportRow): unknown[] {
  const who =
    kind === 'unit-ratings'
      ? [row.unitCode]
      : [row.idNumber ?? '', row.fullName ?? '', toFileDate(row.birthDate), row.unitCode];
  const tail = [row.unitName];
  if (kind === 'person-ratings' || kind === 'unit-ratings')
    return [...who, row.year, row.rating, row.score ?? '', ...tail];
  if (kind === 'disciplines')
    return [
      ...who,
      disciplineLevelLabels[row.level as DisciplineLevel],
      toFileDate(row.fromDate as string),
      toFileDate(row.toDate as string | null),
      row.pending ? 'Có' : 'Không',
      row.decisionNumber ?? '',
      row.note ?? '',
      ...tail,
    ];
  if (kind === 'received')
    return [
      ...who,
      row.awardCode,
      row.year,
      rewardTypeLabels[row.rewardType as keyof typeof rewardTypeLabels],
      row.decisionNumber ?? '',
      toFileDate(row.decisionDate as string | null),
      row.decider ?? '',
      ...tail,
    ];
  return [
    ...who,
    row.name,
    initiativeScopeLabels[row.scope as keyof typeof initiativeScopeLabels],
    row.year,
    row.decisionNumber ?? '',
    toFileDate(row.decisionDate as string | null),
    row.usedForAward ?? '',
    row.usedForYear ?? '',
    ...tail,
  ];
}
