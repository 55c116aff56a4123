import { and, asc, count, eq, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { TERM_ORDER_MESSAGE } from '#contracts/councils.ts';
import type {
  CouncilMemberBody,
  CreateCouncilBody,
  UpdateCouncilBody,
  UpdateCouncilMemberBody,
} from '#contracts/organisation.ts';
import { recordAudit } from '#server/platform/audit/audit.ts';
import type { Database, Executor } from '#server/platform/db/client.ts';
import { blocs, councilMembers, councils, persons, units } from '#server/platform/db/schema.ts';
import { atVersion, nextVersion, versionedRow } from '#server/platform/db/versioning.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { assertRangeAfterChange } from '#server/platform/http/ranges.ts';
import {
  assertInScope,
  PERSON_READ_ROLES,
  READ_ROLES,
  resolveScope,
  WRITE_ROLES,
} from '../organisation.policy.ts';
import { findPerson } from '../persons/persons.repo.ts';
import { isUniqueViolation } from '../sql-rows.ts';
import { findUnitRow } from '../units/units.repo.ts';
import type { Caller } from '../units/units.service.ts';
import { assertCouncilVisible, councilVisibleCondition } from './council-visibility.ts';

const standing = alias(units, 'standing_unit');
/** How a council and a member are named when an update finds them gone or changed by someone else. */
const COUNCIL = { subject: 'Hội đồng này', notFound: 'Không tìm thấy hội đồng.' };
const MEMBER = { subject: 'Thành viên hội đồng này', notFound: 'Không tìm thấy thành viên hội đồng.' };
const councilColumns = {
  council: councils,
  unitName: units.name,
  unitPath: units.path,
  standingUnitName: standing.name,
  standingUnitPath: standing.path,
  memberCount: sql<number>`(select count(*)::int from council_members m where m.council_id = ${councils.id})`,
};

/** A page of the councils in the caller's scope (optionally of one unit). */
export async function listCouncils(
  db: Database,
  caller: Caller,
  query: { unitId?: string | undefined; page: number; pageSize: number },
) {
  const scope = await resolveScope(db, caller.principal, READ_ROLES);
  const where = and(
    councilVisibleCondition(scope, caller.principal.id),
    query.unitId ? eq(councils.unitId, query.unitId) : undefined,
  ) as SQL | undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select(councilColumns)
      .from(councils)
      .innerJoin(units, eq(units.id, councils.unitId))
      .leftJoin(standing, eq(standing.id, councils.standingUnitId))
      .where(where)
      .orderBy(asc(units.path))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db
      .select({ value: count() })
      .from(councils)
      .innerJoin(units, eq(units.id, councils.unitId))
      .leftJoin(standing, eq(standing.id, councils.standingUnitId))
      .where(where),
  ]);
  return { rows, total: total?.value ?? 0 };
}

/** One council with its unit's path, or 404; checked against the caller's scope for the roles. */
export async function getScopedCouncil(db: Executor, caller: Caller, id: string, roles = READ_ROLES) {
  const [row] = await db
    .select(councilColumns)
    .from(councils)
    .innerJoin(units, eq(units.id, councils.unitId))
    .leftJoin(standing, eq(standing.id, councils.standingUnitId))
    .where(eq(councils.id, id));
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy hội đồng.');
  const scope = await resolveScope(db, caller.principal, roles);
  // Readers also see the council their unit serves as standing body, and the one they sit on.
  if (roles === READ_ROLES) {
    const { council, unitPath, standingUnitPath } = row;
    await assertCouncilVisible(db, scope, caller.principal.id, {
      id: council.id,
      unitPath,
      standingUnitPath,
    });
  } else assertInScope(scope, row.unitPath);
  return row;
}

/** The members of a council, chair first. */
export async function listCouncilMembers(db: Executor, councilId: string) {
  const rows = await db
    .select({ member: councilMembers, personName: persons.fullName, position: persons.position })
    .from(councilMembers)
    .innerJoin(persons, eq(persons.id, councilMembers.personId))
    .where(eq(councilMembers.councilId, councilId))
    .orderBy(
      sql`array_position(array['chair','vice_chair','standing_member','member','secretary'], ${councilMembers.role})`,
      asc(persons.sortKey),
    );
  return rows.map(({ member, personName, position }) => ({ ...member, personName, position }));
}

async function assertStandingUnit(db: Database, standingUnitId: string | null | undefined) {
  if (standingUnitId && !(await findUnitRow(db, standingUnitId))) {
    throw new AppError('VALIDATION_FAILED', 'Cơ quan thường trực không tồn tại.', [
      { path: 'standingUnitId', message: 'Đơn vị không tồn tại' },
    ]);
  }
}

/** Creates the council of a unit in the caller's scope; a unit has at most one (409). */
export async function createCouncil(db: Database, caller: Caller, input: CreateCouncilBody) {
  const unit = await findUnitRow(db, input.unitId);
  if (!unit) throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị.');
  assertInScope(await resolveScope(db, caller.principal, WRITE_ROLES), unit.path);
  await assertStandingUnit(db, input.standingUnitId);
  try {
    return await db.transaction(async (tx) => {
      const [council] = await tx.insert(councils).values(input).returning();
      if (!council) throw new Error('insert returned no row');
      await recordAudit(tx, caller.actor, {
        action: 'council.create',
        entityType: 'council',
        entityId: council.id,
        after: council,
      });
      return council;
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError('CONFLICT', 'Đơn vị này đã có Hội đồng Thi đua – Khen thưởng.');
    throw error;
  }
}

/** Renames a council or changes its standing body, at the version the form loaded (else 409). */
export async function updateCouncil(db: Database, caller: Caller, id: string, input: UpdateCouncilBody) {
  const { version, ...fields } = input;
  const before = await getScopedCouncil(db, caller, id, WRITE_ROLES);
  await assertStandingUnit(db, fields.standingUnitId);
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(councils)
      .set({ ...fields, ...nextVersion(councils, caller.actor) })
      .where(atVersion(councils, id, version))
      .returning();
    const after = await versionedRow(tx, updated, councils, id, COUNCIL);
    await recordAudit(tx, caller.actor, {
      action: 'council.update',
      entityType: 'council',
      entityId: id,
      before: before.council,
      after,
    });
  });
}

/**
 * Deletes a council and its members, one audit event per removed member. Refused (409) while the
 * council has blocs: they carry years of emulation work that an official removes deliberately.
 */
export async function deleteCouncil(db: Database, caller: Caller, id: string) {
  const before = await getScopedCouncil(db, caller, id, WRITE_ROLES);
  await db.transaction(async (tx) => {
    // Locks the council so that no bloc or member can be added to it until this transaction ends.
    await tx.select({ id: councils.id }).from(councils).where(eq(councils.id, id)).for('update');
    const [blocCount] = await tx.select({ value: count() }).from(blocs).where(eq(blocs.councilId, id));
    if (blocCount?.value) {
      throw new AppError(
        'CONFLICT',
        `Hội đồng còn ${blocCount.value} khối/cụm thi đua; hãy xóa các khối/cụm trước khi xóa hội đồng.`,
      );
    }
    const removed = await tx.delete(councilMembers).where(eq(councilMembers.councilId, id)).returning();
    await tx.delete(councils).where(eq(councils.id, id));
    for (const member of removed) {
      await recordAudit(tx, caller.actor, {
        action: 'council.member.remove',
        entityType: 'council',
        entityId: id,
        before: member,
        reason: 'Xóa hội đồng',
      });
    }
    await recordAudit(tx, caller.actor, {
      action: 'council.delete',
      entityType: 'council',
      entityId: id,
      before: { ...before.council, memberCount: removed.length },
    });
  });
}

/** Adds a member for a term; the same person and term twice is refused (409). */
export async function addCouncilMember(
  db: Database,
  caller: Caller,
  councilId: string,
  input: CouncilMemberBody,
) {
  await getScopedCouncil(db, caller, councilId, WRITE_ROLES);
  const person = await findPerson(db, input.personId);
  if (!person) throw new AppError('NOT_FOUND', 'Không tìm thấy cán bộ.');
  assertInScope(await resolveScope(db, caller.principal, PERSON_READ_ROLES), person.unitPath);
  try {
    return await db.transaction(async (tx) => {
      const [member] = await tx
        .insert(councilMembers)
        .values({ ...input, councilId })
        .returning();
      if (!member) throw new Error('insert returned no row');
      await recordAudit(tx, caller.actor, {
        action: 'council.member.add',
        entityType: 'council',
        entityId: councilId,
        after: member,
      });
      return member;
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError('CONFLICT', 'Người này đã là thành viên hội đồng trong nhiệm kỳ này.');
    throw error;
  }
}

async function getMember(db: Database, councilId: string, memberId: string) {
  const [member] = await db
    .select()
    .from(councilMembers)
    .where(and(eq(councilMembers.id, memberId), eq(councilMembers.councilId, councilId)));
  if (!member) throw new AppError('NOT_FOUND', 'Không tìm thấy thành viên hội đồng.');
  return member;
}

/** Changes a member's role or term, at the version the form loaded (else 409). */
export async function updateCouncilMember(
  db: Database,
  caller: Caller,
  councilId: string,
  memberId: string,
  input: UpdateCouncilMemberBody,
) {
  await getScopedCouncil(db, caller, councilId, WRITE_ROLES);
  const before = await getMember(db, councilId, memberId);
  const { version, ...fields } = input;
  assertRangeAfterChange(before, fields, 'termFrom', 'termTo', TERM_ORDER_MESSAGE);
  try {
    await db.transaction(async (tx) => {
      const updated = await tx
        .update(councilMembers)
        .set({ ...fields, ...nextVersion(councilMembers, caller.actor) })
        .where(atVersion(councilMembers, memberId, version))
        .returning();
      const after = await versionedRow(tx, updated, councilMembers, memberId, MEMBER);
      await recordAudit(tx, caller.actor, {
        action: 'council.member.update',
        entityType: 'council',
        entityId: councilId,
        before,
        after,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError('CONFLICT', 'Người này đã là thành viên hội đồng trong nhiệm kỳ này.');
    throw error;
  }
}

/**
 * Removes a member; a bloc they supervised keeps no supervisor, and that change is audited on the
 * bloc in the same transaction.
 */
export async function removeCouncilMember(db: Database, caller: Caller, councilId: string, memberId: string) {
  await getScopedCouncil(db, caller, councilId, WRITE_ROLES);
  const before = await getMember(db, councilId, memberId);
  await db.transaction(async (tx) => {
    const unassigned = await tx
      .update(blocs)
      .set({ supervisorMemberId: null, updatedAt: new Date() })
      .where(eq(blocs.supervisorMemberId, memberId))
      .returning({ id: blocs.id });
    await tx.delete(councilMembers).where(eq(councilMembers.id, memberId));
    for (const bloc of unassigned) {
      await recordAudit(tx, caller.actor, {
        action: 'bloc.update',
        entityType: 'bloc',
        entityId: bloc.id,
        before: { supervisorMemberId: memberId },
        after: { supervisorMemberId: null },
        reason: 'Bỏ thành viên hội đồng phụ trách khối/cụm',
      });
    }
    await recordAudit(tx, caller.actor, {
      action: 'council.member.remove',
      entityType: 'council',
      entityId: councilId,
      before,
    });
  });
}
