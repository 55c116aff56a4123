import type { Readable } from 'node:stream';
import { and, asc, eq, gt, inArray, isNotNull, like, or, type SQL } from 'drizzle-orm';
import { awardCatalogue } from '#contracts/award-catalogue.ts';
import { type RecordExportQuery, type RecordKind, recordKindLabels } from '#contracts/award-records.ts';
import {
  AwardCode,
  type DisciplineLevel,
  disciplineLevelLabels,
  initiativeScopeLabels,
  type Rating,
  ratingLabels,
  rewardTypeLabels,
} from '#contracts/awards.ts';
import type { ImportRowError } from '#contracts/organisation.ts';
import {
  type CellError,
  cellLine,
  controlCharacterErrors,
  mapHeaders,
  parseDate,
  parseLabel,
  parseYesNo,
  plain,
} from '#server/modules/organisation/import-export/import-rules.ts';
import { readSheetRows, streamXlsx } from '#server/modules/organisation/import-export/spreadsheet.ts';
import {
  inScope,
  PERSON_READ_ROLES,
  READ_ROLES,
  resolveScope,
  type Scope,
  scopeCondition,
  WRITE_ROLES,
} from '#server/modules/organisation/organisation.policy.ts';
import { recordAudit } from '#server/platform/audit/audit.ts';
import type { Database, Transaction } from '#server/platform/db/client.ts';
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
import { type Caller, kinds } from './records.service.ts';

/** How many rows one import may hold (a province's yearly ratings fit many times over). */
const MAX_ROWS = 100_000;
const MAX_ERRORS = 5000;
const BATCH = 1000;

const PERSON_COLUMNS = [
  { header: 'Số định danh cá nhân', required: false },
  { header: 'Họ và tên', required: false },
  { header: 'Ngày sinh', required: false },
  { header: 'Mã đơn vị', required: true },
] as const;

type Column = { header: string; required: boolean };

/** The columns of each kind's template: who, then what. */
export const recordColumns: Record<RecordKind, readonly Column[]> = {
  'person-ratings': [
    ...PERSON_COLUMNS,
    { header: 'Năm', required: true },
    { header: 'Xếp loại', required: true },
    { header: 'Điểm', required: false },
  ],
  'unit-ratings': [
    { header: 'Mã đơn vị', required: true },
    { header: 'Năm', required: true },
    { header: 'Xếp loại', required: true },
    { header: 'Điểm', required: false },
  ],
  disciplines: [
    ...PERSON_COLUMNS,
    { header: 'Hình thức kỷ luật', required: true },
    { header: 'Từ ngày', required: true },
    { header: 'Đến ngày', required: false },
    { header: 'Đang xem xét', required: false },
    { header: 'Số quyết định', required: false },
    { header: 'Ghi chú', required: false },
  ],
  received: [
    ...PERSON_COLUMNS,
    { header: 'Danh hiệu, hình thức', required: true },
    { header: 'Năm thành tích', required: true },
    { header: 'Loại hình khen thưởng', required: false },
    { header: 'Số quyết định', required: false },
    { header: 'Ngày quyết định', required: false },
    { header: 'Cấp quyết định', required: false },
  ],
  initiatives: [
    ...PERSON_COLUMNS,
    { header: 'Tên sáng kiến', required: true },
    { header: 'Phạm vi công nhận', required: true },
    { header: 'Năm', required: true },
    { header: 'Số quyết định', required: false },
    { header: 'Ngày quyết định', required: false },
    { header: 'Đã dùng cho danh hiệu', required: false },
    { header: 'Năm của danh hiệu', required: false },
  ],
};

/** Which kinds are about people only (a unit code alone names the person's unit, not the subject). */
const personOnly = (kind: RecordKind) => kind !== 'unit-ratings' && kind !== 'received';

/** The subject named by a row: a person (by CCCD, or by name, birth date and unit) or a unit. */
interface SubjectKey {
  idNumber: string | null;
  fullName: string | null;
  birthDate: string | null;
  unitCode: string;
}

interface ParsedRow {
  row: number;
  who: SubjectKey;
  values: Record<string, unknown>;
}

const yearOf = (value: unknown, column: string, fail: (c: string, m: string) => void): number => {
  const text = cellLine(value);
  const year = Number(text);
  if (!/^\d{4}$/.test(text) || year < 1945 || year > new Date().getFullYear()) {
    fail(column, `${column} phải là năm có 4 chữ số, từ 1945 đến năm nay.`);
  }
  return year;
};

/** Finds an award by its code or its Vietnamese name. */
function parseAward(value: unknown): AwardCode | undefined {
  const text = cellLine(value);
  const byCode = AwardCode.safeParse(text.toUpperCase());
  if (byCode.success) return byCode.data;
  const wanted = plain(text);
  return AwardCode.options.find((code) => plain(awardCatalogue[code].name) === wanted);
}

const ratingChoices = () => `${Object.keys(ratingLabels).join(', ')} (hoặc tên đầy đủ)`;

/** Validates one row of a kind; returns its subject and values or every problem. */
function parseRow(kind: RecordKind, get: (header: string) => unknown): ParsedRow['values'] | CellError[] {
  const errors: CellError[] = controlCharacterErrors(get, recordColumns[kind]);
  if (errors.length) return errors;
  const fail = (column: string, message: string) => errors.push({ column, message });
  const values: Record<string, unknown> = {};
  const optionalText = (header: string, max: number) => {
    const text = cellLine(get(header)) || null;
    if (text && text.length > max) fail(header, `${header} tối đa ${max} ký tự.`);
    return text;
  };
  const optionalDate = (header: string) => {
    const date = parseDate(get(header));
    if (date === undefined) fail(header, `${header} không hợp lệ (định dạng dd/mm/yyyy, không ở tương lai).`);
    return date ?? null;
  };
  if (kind === 'person-ratings' || kind === 'unit-ratings') {
    values.year = yearOf(get('Năm'), 'Năm', fail);
    const text = cellLine(get('Xếp loại')).toUpperCase();
    const rating = (Object.keys(ratingLabels) as Rating[]).includes(text as Rating)
      ? (text as Rating)
      : parseLabel(ratingLabels, get('Xếp loại'));
    if (!rating) fail('Xếp loại', `Xếp loại phải là một trong: ${ratingChoices()}.`);
    values.rating = rating;
    const scoreText = cellLine(get('Điểm')).replace(',', '.');
    const score = scoreText ? Number(scoreText) : null;
    if (score !== null && (!Number.isFinite(score) || score < 0 || score > 1000))
      fail('Điểm', 'Điểm phải là số từ 0 đến 1000.');
    values.score = score;
    values.source = 'import';
  } else if (kind === 'disciplines') {
    const labels = { ...disciplineLevelLabels } as Partial<Record<DisciplineLevel, string>>;
    delete labels.none;
    const level = parseLabel(
      labels as Record<Exclude<DisciplineLevel, 'none'>, string>,
      get('Hình thức kỷ luật'),
    );
    if (!level)
      fail('Hình thức kỷ luật', `Hình thức kỷ luật phải là một trong: ${Object.values(labels).join(', ')}.`);
    values.level = level;
    const fromDate = parseDate(get('Từ ngày'));
    if (!fromDate) fail('Từ ngày', 'Từ ngày không hợp lệ (định dạng dd/mm/yyyy, không ở tương lai).');
    values.fromDate = fromDate;
    const toDate = parseDate(get('Đến ngày'), true);
    if (toDate === undefined) fail('Đến ngày', 'Đến ngày không hợp lệ (định dạng dd/mm/yyyy).');
    else if (toDate && fromDate && toDate < fromDate) fail('Đến ngày', 'Đến ngày không được trước Từ ngày.');
    values.toDate = toDate ?? null;
    const pending = parseYesNo(get('Đang xem xét'));
    if (pending === undefined) fail('Đang xem xét', 'Ghi "Có" hoặc "Không".');
    values.pending = pending ?? false;
    values.decisionNumber = optionalText('Số quyết định', 100);
    values.note = optionalText('Ghi chú', 500);
  } else if (kind === 'received') {
    const award = parseAward(get('Danh hiệu, hình thức'));
    if (!award) fail('Danh hiệu, hình thức', 'Không có danh hiệu, hình thức khen thưởng này trong danh mục.');
    values.awardCode = award;
    values.year = yearOf(get('Năm thành tích'), 'Năm thành tích', fail);
    const typeText = cellLine(get('Loại hình khen thưởng'));
    const rewardType = typeText ? parseLabel(rewardTypeLabels, typeText) : 'thuong_xuyen';
    if (!rewardType)
      fail(
        'Loại hình khen thưởng',
        `Loại hình phải là một trong: ${Object.values(rewardTypeLabels).join('; ')}.`,
      );
    values.rewardType = rewardType;
    values.decisionNumber = optionalText('Số quyết định', 100);
    values.decisionDate = optionalDate('Ngày quyết định');
    values.decider = optionalText('Cấp quyết định', 300);
  } else {
    const name = cellLine(get('Tên sáng kiến'));
    if (name.length < 2 || name.length > 500)
      fail('Tên sáng kiến', 'Tên sáng kiến phải có từ 2 đến 500 ký tự.');
    values.name = name;
    const scope = parseLabel(initiativeScopeLabels, get('Phạm vi công nhận'));
    if (!scope)
      fail(
        'Phạm vi công nhận',
        `Phạm vi phải là một trong: ${Object.values(initiativeScopeLabels).join(', ')}.`,
      );
    values.scope = scope;
    values.year = yearOf(get('Năm'), 'Năm', fail);
    values.decisionNumber = optionalText('Số quyết định', 100);
    values.decisionDate = optionalDate('Ngày quyết định');
    const usedText = cellLine(get('Đã dùng cho danh hiệu'));
    const usedForAward = usedText ? parseAward(usedText) : null;
    if (usedForAward === undefined)
      fail('Đã dùng cho danh hiệu', 'Không có danh hiệu, hình thức khen thưởng này trong danh mục.');
    const usedYearText = cellLine(get('Năm của danh hiệu'));
    const usedForYear = usedYearText ? yearOf(usedYearText, 'Năm của danh hiệu', fail) : null;
    if ((usedForAward === null) !== (usedForYear === null))
      fail('Năm của danh hiệu', 'Ghi cả danh hiệu đã dùng sáng kiến và năm của danh hiệu đó.');
    values.usedForAward = usedForAward ?? null;
    values.usedForYear = usedForYear;
  }
  return errors.length ? errors : values;
}

/** Reads the subject columns of a row. */
function parseWho(kind: RecordKind, get: (header: string) => unknown): SubjectKey | CellError[] {
  const errors: CellError[] = [];
  const unitCode = cellLine(get('Mã đơn vị'));
  if (!unitCode) errors.push({ column: 'Mã đơn vị', message: 'Vui lòng ghi mã đơn vị.' });
  if (kind === 'unit-ratings')
    return errors.length ? errors : { idNumber: null, fullName: null, birthDate: null, unitCode };
  const idNumber = cellLine(get('Số định danh cá nhân')) || null;
  const fullName = cellLine(get('Họ và tên')) || null;
  const birthDate = parseDate(get('Ngày sinh'));
  if (birthDate === undefined)
    errors.push({ column: 'Ngày sinh', message: 'Ngày sinh không hợp lệ (định dạng dd/mm/yyyy).' });
  if (personOnly(kind) && !idNumber && !fullName)
    errors.push({ column: 'Họ và tên', message: 'Ghi số định danh cá nhân hoặc họ và tên của cán bộ.' });
  return errors.length ? errors : { idNumber, fullName, birthDate: birthDate ?? null, unitCode };
}

const personKey = (unitId: string, fullName: string, birthDate: string | null) =>
  `${unitId}|${plain(fullName)}|${birthDate ?? ''}`;

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

interface ResolvedRow {
  row: number;
  personId: string | null;
  unitId: string | null;
  values: Record<string, unknown>;
}

/** Finds the person or unit of every row with one query per batch of codes, names or numbers. */
async function resolveSubjects(
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
