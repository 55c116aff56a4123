import { and, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import type { ListTotal } from '#contracts/common.ts';
import type {
  CreateUnitBody,
  EndUnitBody,
  GrantUnitRoleBody,
  UnitChildrenQuery,
  UnitFilterQuery,
  UnitQuery,
  UpdateUnitBody,
} from '#contracts/organisation.ts';
import { VALIDITY_ORDER_MESSAGE } from '#contracts/organisation.ts';
import { grantRole } from '#server/modules/users/index.ts';
import { type ActorContext, recordAudit } from '#server/platform/audit/audit.ts';
import { isAdmin, type Principal } from '#server/platform/auth/policy.ts';
import type { Database } from '#server/platform/db/client.ts';
import type { KeysetPage } from '#server/platform/db/keyset.ts';
import { roleGrants, unitSuccessions, units, users } from '#server/platform/db/schema.ts';
import { atVersion, nextVersion, versionedRow } from '#server/platform/db/versioning.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { assertRangeAfterChange } from '#server/platform/http/ranges.ts';
import {
  assertInScope,
  READ_ROLES,
  resolveScope,
  scopeCondition,
  WRITE_ROLES,
} from '../organisation.policy.ts';
import { assertUnitOpen } from '../persons/person-rules.ts';
import { letterCursor, vietnameseSortKey } from '../search/sort-key.ts';
import { isUniqueViolation, today } from '../sql-rows.ts';
import { childPath, dayBefore, planMove } from './unit-tree.ts';
import {
  childOf,
  findAncestors,
  findSuccessionLinks,
  findUnitItem,
  findUnitRow,
  findUnitRows,
  isActiveUnit,
  readUnitsPage,
  rewriteSubtreePaths,
  type UnitListFilter,
  type UnitListRow,
  type UnitRow,
  unitColumns,
  unitMatches,
} from './units.repo.ts';

/** The signed-in user and the request, as every use case receives them. */
export interface Caller {
  principal: Principal;
  actor: ActorContext;
}

/** How a unit is named when an update finds it gone or changed by someone else. */
const UNIT = { subject: 'Đơn vị này', notFound: 'Không tìm thấy đơn vị.' };

const codeTaken = (code: string) =>
  new AppError('CONFLICT', `Mã đơn vị "${code}" đã được sử dụng.`, [
    { path: 'code', message: 'Mã đơn vị đã được sử dụng' },
  ]);

/** The unit or 404, checked against the caller's scope for the roles. */
async function getScopedUnit(db: Database, caller: Caller, id: string, roles = READ_ROLES): Promise<UnitRow> {
  const unit = await findUnitRow(db, id);
  if (!unit) throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị.');
  assertInScope(await resolveScope(db, caller.principal, roles), unit.path);
  return unit;
}

/** The filter of a unit list: the caller's scope and the query's filters. */
export async function unitListCondition(db: Database, caller: Caller, query: UnitFilterQuery) {
  const scope = await resolveScope(db, caller.principal, READ_ROLES);
  return and(
    scopeCondition(scope),
    query.q ? unitMatches(query.q) : undefined,
    query.kind ? eq(units.kind, query.kind) : undefined,
    query.includeEnded === 'true' ? undefined : isActiveUnit(),
  );
}

/** A unit list page with its rows' extras and the list's total. */
export type UnitListPage = KeysetPage<UnitListRow> & { total: ListTotal };

/** One page of the units in the caller's scope matching the filters, and their total (capped unless asked). */
export async function searchUnits(db: Database, caller: Caller, query: UnitQuery): Promise<UnitListPage> {
  const where = await unitListCondition(db, caller, query);
  const filter: UnitListFilter = { where, q: query.q, includeEnded: query.includeEnded === 'true' };
  const position =
    query.letter && !query.after && !query.before
      ? { ...query, after: letterCursor(query.letter, query.q ? [0] : []) }
      : query;
  const page = await readUnitsPage(db, filter, position, query.exactTotal === 'true');
  return { ...page, total: page.total as ListTotal };
}

/** The top units of the caller's tree: the roots for an admin, else the units their grants name. */
export async function listRootUnits(
  db: Database,
  caller: Caller,
  query: { includeEnded?: string | undefined } = {},
): Promise<UnitListPage> {
  const scope = await resolveScope(db, caller.principal, READ_ROLES);
  const where: SQL | undefined =
    scope === null ? isNull(units.parentId) : inArray(units.path, scope.length ? scope : ['']);
  const page = await readUnitsPage(
    db,
    { where, includeEnded: query.includeEnded === 'true' },
    { limit: 200 },
  );
  return { ...page, total: { value: page.rows.length, exact: page.next === null } };
}

/**
 * One level of the tree under a unit of the caller's scope, one keyset page at a time. The parent
 * (for the scope check), the caller's scope, the page and the total load in parallel; nothing is
 * returned before the scope check passes.
 */
export async function listChildUnits(
  db: Database,
  caller: Caller,
  id: string,
  query: Pick<UnitChildrenQuery, 'after' | 'before' | 'limit' | 'exactTotal' | 'includeEnded'>,
): Promise<UnitListPage> {
  const includeEnded = query.includeEnded === 'true';
  const where = childOf(id, includeEnded);
  const [unit, scope, page] = await Promise.all([
    findUnitRow(db, id),
    resolveScope(db, caller.principal, READ_ROLES),
    readUnitsPage(db, { where, includeEnded }, query, query.exactTotal === 'true'),
  ]);
  if (!unit) throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị.');
  assertInScope(scope, unit.path);
  return { ...page, total: page.total as ListTotal };
}

/** A unit with its breadcrumb and succession links. */
export async function getUnitDetail(db: Database, caller: Caller, id: string) {
  const unit = await getScopedUnit(db, caller, id);
  const [item, ancestors, links] = await Promise.all([
    findUnitItem(db, id),
    findAncestors(db, unit.path),
    findSuccessionLinks(db, id),
  ]);
  if (!item) throw new AppError('NOT_FOUND');
  return { item, ancestors, ...links };
}

/** Creates a unit under a parent in the caller's scope (a root unit: administrators only). */
export async function createUnit(db: Database, caller: Caller, input: CreateUnitBody) {
  let parentPath: string | null = null;
  if (input.parentId) {
    const parent = await getScopedUnit(db, caller, input.parentId, WRITE_ROLES);
    assertUnitOpen(parent, input.validFrom ?? today(), 'parentId');
    parentPath = parent.path;
  } else if (!isAdmin(caller.principal))
    throw new AppError('FORBIDDEN', 'Chỉ quản trị hệ thống tạo được đơn vị cấp cao nhất.');
  const id = crypto.randomUUID();
  try {
    return await db.transaction(async (tx) => {
      const [unit] = await tx
        .insert(units)
        .values({ ...input, id, path: childPath(parentPath, id), sortKey: vietnameseSortKey(input.name) })
        .returning(unitColumns);
      await recordAudit(tx, caller.actor, {
        action: 'unit.create',
        entityType: 'unit',
        entityId: id,
        after: unit,
      });
      return unit as UnitRow;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw codeTaken(input.code);
    throw error;
  }
}

/** Changes a unit's own fields, only while it is still at the version the form loaded (else 409). */
export async function updateUnit(db: Database, caller: Caller, id: string, input: UpdateUnitBody) {
  const { version, ...fields } = input;
  const before = await getScopedUnit(db, caller, id, WRITE_ROLES);
  assertRangeAfterChange(before, fields, 'validFrom', 'validTo', VALIDITY_ORDER_MESSAGE);
  try {
    return await db.transaction(async (tx) => {
      const updated = await tx
        .update(units)
        .set({
          ...fields,
          ...(fields.name ? { sortKey: vietnameseSortKey(fields.name) } : {}),
          ...nextVersion(units, caller.actor),
        })
        .where(atVersion(units, id, version))
        .returning(unitColumns);
      const after = await versionedRow(tx, updated, units, id, UNIT);
      await recordAudit(tx, caller.actor, {
        action: 'unit.update',
        entityType: 'unit',
        entityId: id,
        before,
        after,
      });
      return after as UnitRow;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw codeTaken(input.code ?? before.code);
    throw error;
  }
}

/** Moves a unit (at the version the dialog loaded) and its whole subtree under a new parent, in one transaction. */
export async function moveUnit(
  db: Database,
  caller: Caller,
  id: string,
  { parentId, version }: { parentId: string; version: number },
) {
  const unit = await getScopedUnit(db, caller, id, WRITE_ROLES);
  const newParent = await getScopedUnit(db, caller, parentId, WRITE_ROLES);
  const newPath = planMove(unit, newParent);
  if (unit.parentId === parentId) throw new AppError('CONFLICT', 'Đơn vị đã thuộc đơn vị cấp trên này.');
  await db.transaction(async (tx) => {
    const moved = await tx
      .update(units)
      .set({ parentId, ...nextVersion(units, caller.actor) })
      .where(atVersion(units, id, version))
      .returning({ id: units.id });
    await versionedRow(tx, moved, units, id, UNIT);
    await rewriteSubtreePaths(tx, unit.path, newPath);
    await recordAudit(tx, caller.actor, {
      action: 'unit.move',
      entityType: 'unit',
      entityId: id,
      before: { parentId: unit.parentId, path: unit.path },
      after: { parentId, path: newPath },
    });
  });
}

/** Ends a unit and names its successor(s); lists and scopes then follow the succession. */
export async function endUnit(db: Database, caller: Caller, id: string, input: EndUnitBody) {
  const unit = await getScopedUnit(db, caller, id, WRITE_ROLES);
  const successorIds = [...new Set(input.successorIds)];
  if (successorIds.includes(id))
    throw new AppError('VALIDATION_FAILED', 'Đơn vị không thể kế thừa chính nó.');
  const successors = await findUnitRows(db, successorIds);
  if (successors.length !== successorIds.length)
    throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị kế thừa.');
  const readScope = await resolveScope(db, caller.principal, READ_ROLES);
  for (const successor of successors) assertInScope(readScope, successor.path);
  const validTo = dayBefore(input.effectiveDate);
  if (unit.validFrom && validTo < unit.validFrom) {
    const message = 'Ngày kế thừa phải sau ngày bắt đầu hiệu lực của đơn vị';
    throw new AppError('VALIDATION_FAILED', `${message}.`, [{ path: 'effectiveDate', message }]);
  }
  try {
    await db.transaction(async (tx) => {
      await tx.insert(unitSuccessions).values(
        successorIds.map((successorId) => ({
          predecessorId: id,
          successorId,
          kind: input.kind,
          effectiveDate: input.effectiveDate,
        })),
      );
      const ended = await tx
        .update(units)
        .set({ validTo, ...nextVersion(units, caller.actor) })
        .where(atVersion(units, id, input.version))
        .returning({ id: units.id });
      await versionedRow(tx, ended, units, id, UNIT);
      await recordAudit(tx, caller.actor, {
        action: 'unit.end',
        entityType: 'unit',
        entityId: id,
        before: { validTo: unit.validTo },
        after: { validTo, ...input },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', 'Quan hệ kế thừa này đã được ghi nhận.');
    throw error;
  }
}

/** Grants a role on a unit (administrators); the same grant twice is refused with 409. */
export async function grantUnitRole(db: Database, caller: Caller, unitId: string, input: GrantUnitRoleBody) {
  await getScopedUnit(db, caller, unitId);
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.id, input.userId));
  if (!user) throw new AppError('NOT_FOUND', 'Không tìm thấy tài khoản.');
  await db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: roleGrants.id })
      .from(roleGrants)
      .where(
        and(
          eq(roleGrants.userId, input.userId),
          eq(roleGrants.role, input.role),
          eq(roleGrants.unitId, unitId),
        ),
      );
    if (existing) throw new AppError('CONFLICT', 'Tài khoản đã có vai trò này trên đơn vị.');
    await grantRole(tx, caller.actor, { userId: input.userId, role: input.role, unitId });
  });
}
