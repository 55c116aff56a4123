import { and, eq, like, or, type SQL } from 'drizzle-orm';
import type {
  CreatePersonBody,
  PersonFilterQuery,
  PersonQuery,
  UpdatePersonBody,
} from '#contracts/organisation.ts';
import { recordAudit } from '#server/platform/audit/audit.ts';
import { isAdmin } from '#server/platform/auth/policy.ts';
import type { Database } from '#server/platform/db/client.ts';
import { employments, persons, units } from '#server/platform/db/schema.ts';
import { atVersion, nextVersion, versionedRow } from '#server/platform/db/versioning.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import {
  assertInScope,
  inScope,
  PERSON_READ_ROLES,
  resolveScope,
  scopeCondition,
  WRITE_ROLES,
} from '../organisation.policy.ts';
import { matchesWords } from '../search/search-terms.ts';
import { letterCursor, personSortKey } from '../search/sort-key.ts';
import { isUniqueViolation, today, violatedConstraint } from '../sql-rows.ts';
import { findUnitRow, predecessorPaths } from '../units/units.repo.ts';
import type { Caller } from '../units/units.service.ts';
import { assertUnitOpen, personDateErrors, refuseFields } from './person-rules.ts';
import {
  closeOpenEmployment,
  findPerson,
  listEmployments,
  type PersonListFilter,
  personColumns,
  readPersonsPage,
} from './persons.repo.ts';

/** How a person is named when an update finds them gone or changed by someone else. */
const PERSON = { subject: 'Hồ sơ cán bộ này', notFound: 'Không tìm thấy cán bộ.' };

/** Explains which unique rule a duplicate broke, in Vietnamese, as a 409. */
function duplicateError(error: unknown): AppError {
  const text = violatedConstraint(error);
  if (text.includes('persons_user_key'))
    return new AppError('CONFLICT', 'Tài khoản này đã gắn với một người khác.', [
      { path: 'userId', message: 'Tài khoản đã được gắn' },
    ]);
  if (text.includes('persons_id_number_key'))
    return new AppError('CONFLICT', 'Số định danh đã có trong hệ thống.', [
      { path: 'idNumber', message: 'Số định danh đã tồn tại' },
    ]);
  return new AppError('CONFLICT', 'Người này đã có trong đơn vị (trùng họ tên và ngày sinh).', [
    { path: 'fullName', message: 'Trùng họ tên và ngày sinh trong cùng đơn vị' },
  ]);
}

/** Condition "the person's unit lies in the subtree of the unit or of a unit it succeeded". */
export async function unitFilter(db: Database, unitId: string): Promise<SQL> {
  const unit = await findUnitRow(db, unitId);
  if (!unit) throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị.');
  const paths = [unit.path, ...(await predecessorPaths(db, [unitId]))];
  return or(...paths.map((path) => like(units.path, `${path}%`))) as SQL;
}

/** The filter of a person list: the caller's scope (or their own record) and the query's filters. */
export async function personListFilter(
  db: Database,
  caller: Caller,
  query: PersonFilterQuery,
): Promise<PersonListFilter> {
  const scope = await resolveScope(db, caller.principal, PERSON_READ_ROLES);
  const scoped =
    scope === null ? undefined : or(scopeCondition(scope), eq(persons.userId, caller.principal.id));
  const others = and(
    query.category ? eq(persons.category, query.category) : undefined,
    query.isLeader ? eq(persons.isLeader, query.isLeader === 'true') : undefined,
    query.isDirectWorker ? eq(persons.isDirectWorker, query.isDirectWorker === 'true') : undefined,
  );
  const where = and(
    scoped,
    query.q ? matchesWords(persons.searchTerms, query.q) : undefined,
    query.unitId ? await unitFilter(db, query.unitId) : undefined,
    others,
  );
  const usesUnits = scope !== null || Boolean(query.unitId);
  // Without a scope or a unit, a search reads the names it matches (person_names) first.
  return { where, q: query.q, usesUnits, ...(usesUnits ? {} : { others }) };
}

/** The condition of a person list (for exports). */
export async function personListCondition(db: Database, caller: Caller, query: PersonFilterQuery) {
  return (await personListFilter(db, caller, query)).where;
}

/**
 * One keyset page of the people the caller may see, from a cursor or from a letter of the given
 * name, and their total (exact up to 10,000, or when asked).
 */
export async function searchPersons(db: Database, caller: Caller, query: PersonQuery) {
  const filter = await personListFilter(db, caller, query);
  const position =
    query.letter && !query.after && !query.before
      ? { ...query, after: letterCursor(query.letter, query.q ? [0] : []) }
      : query;
  return readPersonsPage(db, filter, position, query.exactTotal === 'true');
}

/**
 * One person (own record, or in the caller's scope) with their employment history and the caller's
 * officer scope (which decides the sensitive fields). The four look-ups are independent, so they run
 * in parallel; nothing is returned before the scope check passes.
 */
export async function getPersonDetail(db: Database, caller: Caller, id: string) {
  const [row, history, readScope, officerScope] = await Promise.all([
    findPerson(db, id),
    listEmployments(db, id),
    resolveScope(db, caller.principal, PERSON_READ_ROLES),
    resolveScope(db, caller.principal, WRITE_ROLES),
  ]);
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy cán bộ.');
  if (row.person.userId !== caller.principal.id) assertInScope(readScope, row.unitPath);
  return { row, employments: history, officerScope };
}

async function assertWritableUnit(db: Database, caller: Caller, unitId: string) {
  const unit = await findUnitRow(db, unitId);
  if (!unit)
    throw new AppError('VALIDATION_FAILED', 'Đơn vị không tồn tại.', [
      { path: 'unitId', message: 'Đơn vị không tồn tại' },
    ]);
  assertInScope(await resolveScope(db, caller.principal, WRITE_ROLES), unit.path);
  return unit;
}

/** Adds a person to a unit in the caller's scope, with the first period of their employment history. */
export async function createPerson(db: Database, caller: Caller, input: CreatePersonBody) {
  const unit = await assertWritableUnit(db, caller, input.unitId);
  refuseFields(personDateErrors(input, today()));
  assertUnitOpen(unit, today());
  if (input.userId && !isAdmin(caller.principal))
    throw new AppError('FORBIDDEN', 'Chỉ quản trị hệ thống gắn được tài khoản.');
  const { startedOn, ...fields } = input;
  try {
    return await db.transaction(async (tx) => {
      const [person] = await tx
        .insert(persons)
        .values({ ...fields, sortKey: personSortKey(fields.fullName) })
        .returning(personColumns);
      if (!person) throw new Error('insert returned no row');
      await tx
        .insert(employments)
        .values({ personId: person.id, unitId: person.unitId, position: person.position, startedOn });
      await recordAudit(tx, caller.actor, {
        action: 'person.create',
        entityType: 'person',
        entityId: person.id,
        after: person,
      });
      return person;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateError(error);
    throw error;
  }
}

/**
 * Changes a person, only while the record is at the version the form loaded (else 409); a new unit
 * closes the current employment period and opens the next one.
 */
export async function updatePerson(db: Database, caller: Caller, id: string, input: UpdatePersonBody) {
  const current = await findPerson(db, id);
  if (!current) throw new AppError('NOT_FOUND', 'Không tìm thấy cán bộ.');
  assertInScope(await resolveScope(db, caller.principal, WRITE_ROLES), current.unitPath);
  const before = current.person;
  const movesUnit = input.unitId !== undefined && input.unitId !== before.unitId;
  if (movesUnit) assertUnitOpen(await assertWritableUnit(db, caller, input.unitId as string), today());
  refuseFields(personDateErrors({ birthDate: input.birthDate, startedOn: input.startedOn }, today()));
  if (input.userId !== undefined && input.userId !== before.userId && !isAdmin(caller.principal)) {
    throw new AppError('FORBIDDEN', 'Chỉ quản trị hệ thống gắn được tài khoản.');
  }
  const { startedOn, version, ...fields } = input;
  try {
    return await db.transaction(async (tx) => {
      const updated = await tx
        .update(persons)
        .set({
          ...fields,
          ...(fields.fullName ? { sortKey: personSortKey(fields.fullName) } : {}),
          ...nextVersion(persons, caller.actor),
        })
        .where(atVersion(persons, id, version))
        .returning(personColumns);
      const after = await versionedRow(tx, updated, persons, id, PERSON);
      if (movesUnit) {
        const changeDate = startedOn ?? today();
        await closeOpenEmployment(tx, id, changeDate);
        await tx
          .insert(employments)
          .values({ personId: id, unitId: after.unitId, position: after.position, startedOn: changeDate });
      }
      await recordAudit(tx, caller.actor, {
        action: 'person.update',
        entityType: 'person',
        entityId: id,
        before,
        after,
      });
      return after;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateError(error);
    throw error;
  }
}

/** True when the caller may see this person's sensitive fields (used by exports). */
export const canSeeSensitive = (officerScope: Awaited<ReturnType<typeof resolveScope>>, unitPath: string) =>
  inScope(officerScope, unitPath);
