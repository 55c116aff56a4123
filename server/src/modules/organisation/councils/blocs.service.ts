import { and, asc, count, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { BlocMemberRole, CreateBlocBody, UpdateBlocBody } from '#contracts/organisation.ts';
import { recordAudit } from '#server/platform/audit/audit.ts';
import type { Database, Executor } from '#server/platform/db/client.ts';
import { blocMembers, blocs, councilMembers, councils, persons, units } from '#server/platform/db/schema.ts';
import { atVersion, nextVersion, versionedRow } from '#server/platform/db/versioning.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { assertInScope, READ_ROLES, resolveScope, WRITE_ROLES } from '../organisation.policy.ts';
import { isUniqueViolation } from '../sql-rows.ts';
import { findUnitRows } from '../units/units.repo.ts';
import type { Caller } from '../units/units.service.ts';
import { planMembers, type RotatingMember, rotateHead } from './bloc-rotation.ts';
import { councilVisibleCondition } from './council-visibility.ts';
import { getScopedCouncil } from './councils.service.ts';

const blocColumns = {
  bloc: blocs,
  unitPath: units.path,
  supervisorName: persons.fullName,
  headUnitName: sql<string | null>`(select u.name from bloc_members m join units u on u.id = m.unit_id
    where m.bloc_id = ${blocs.id} and m.role = 'head' limit 1)`,
  deputyUnitNames: sql<string[]>`(select coalesce(json_agg(u.name order by m.position), '[]'::json)
    from bloc_members m join units u on u.id = m.unit_id where m.bloc_id = ${blocs.id} and m.role = 'deputy')`,
  memberCount: sql<number>`(select count(*)::int from bloc_members m where m.bloc_id = ${blocs.id})`,
};

/** Condition "the unit is a member of the bloc" (head, deputy or member). */
const hasMemberUnit = (unitId: string) =>
  sql`exists (select 1 from bloc_members m where m.bloc_id = ${blocs.id} and m.unit_id = ${unitId}::uuid)`;

/** Blocs joined to their council's unit and supervising member, for lists and details. */
const blocQuery = (db: Executor) =>
  db
    .select(blocColumns)
    .from(blocs)
    .innerJoin(councils, eq(councils.id, blocs.councilId))
    .innerJoin(units, eq(units.id, councils.unitId))
    .leftJoin(councilMembers, eq(councilMembers.id, blocs.supervisorMemberId))
    .leftJoin(persons, eq(persons.id, councilMembers.personId));

/** A page of blocs of councils in the caller's scope (optionally of one council, year or member unit). */
export async function listBlocs(
  db: Database,
  caller: Caller,
  query: {
    councilId?: string | undefined;
    year?: number | undefined;
    unitId?: string | undefined;
    page: number;
    pageSize: number;
  },
) {
  const scope = await resolveScope(db, caller.principal, READ_ROLES);
  const where = and(
    councilVisibleCondition(scope, caller.principal.id),
    query.councilId ? eq(blocs.councilId, query.councilId) : undefined,
    query.year ? eq(blocs.year, query.year) : undefined,
    query.unitId ? hasMemberUnit(query.unitId) : undefined,
  ) as SQL | undefined;
  const [rows, [total]] = await Promise.all([
    blocQuery(db)
      .where(where)
      .orderBy(asc(blocs.year), asc(blocs.name))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db
      .select({ value: count() })
      .from(blocs)
      .innerJoin(councils, eq(councils.id, blocs.councilId))
      .innerJoin(units, eq(units.id, councils.unitId))
      .where(where),
  ]);
  return { rows, total: total?.value ?? 0 };
}

/** The years that have blocs of councils in the caller's scope (optionally of one council), latest first. */
export async function listBlocYears(db: Database, caller: Caller, query: { councilId?: string | undefined }) {
  const scope = await resolveScope(db, caller.principal, READ_ROLES);
  const rows = await db
    .selectDistinct({ year: blocs.year })
    .from(blocs)
    .innerJoin(councils, eq(councils.id, blocs.councilId))
    .innerJoin(units, eq(units.id, councils.unitId))
    .where(
      and(
        councilVisibleCondition(scope, caller.principal.id),
        query.councilId ? eq(blocs.councilId, query.councilId) : undefined,
      ),
    )
    .orderBy(desc(blocs.year));
  return rows.map((row) => row.year);
}

/** One bloc or 404, checked against the caller's scope for the roles. */
export async function getScopedBloc(db: Executor, caller: Caller, id: string, roles = READ_ROLES) {
  const [row] = await blocQuery(db).where(eq(blocs.id, id));
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy khối/cụm thi đua.');
  // Readers see the blocs of every council they see (standing body, member); writers need the unit.
  if (roles === READ_ROLES) await getScopedCouncil(db, caller, row.bloc.councilId);
  else assertInScope(await resolveScope(db, caller.principal, roles), row.unitPath);
  return row;
}

/** The member units of a bloc in their stable order. */
export async function listBlocMembers(db: Executor, blocId: string) {
  return db
    .select({
      unitId: blocMembers.unitId,
      unitName: units.name,
      role: blocMembers.role,
      position: blocMembers.position,
    })
    .from(blocMembers)
    .innerJoin(units, eq(units.id, blocMembers.unitId))
    .where(eq(blocMembers.blocId, blocId))
    .orderBy(asc(blocMembers.position));
}

async function checkReferences(
  db: Database,
  councilId: string,
  input: { supervisorMemberId?: string | null | undefined; members?: { unitId: string }[] | undefined },
) {
  if (input.supervisorMemberId) {
    const [member] = await db
      .select({ id: councilMembers.id })
      .from(councilMembers)
      .where(and(eq(councilMembers.id, input.supervisorMemberId), eq(councilMembers.councilId, councilId)));
    if (!member)
      throw new AppError('VALIDATION_FAILED', 'Người phụ trách không phải thành viên hội đồng này.', [
        { path: 'supervisorMemberId', message: 'Không phải thành viên hội đồng' },
      ]);
  }
  const unitIds = (input.members ?? []).map((member) => member.unitId);
  if ((await findUnitRows(db, [...new Set(unitIds)])).length !== new Set(unitIds).size) {
    throw new AppError('VALIDATION_FAILED', 'Có đơn vị thành viên không tồn tại.', [
      { path: 'members', message: 'Đơn vị không tồn tại' },
    ]);
  }
}

/** How a bloc is named when an update finds it gone or changed by someone else. */
const BLOC = { subject: 'Khối/cụm thi đua này', notFound: 'Không tìm thấy khối/cụm thi đua.' };

const blocTaken = () =>
  new AppError('CONFLICT', 'Hội đồng đã có khối/cụm cùng tên trong năm này.', [
    { path: 'name', message: 'Tên khối/cụm đã có trong năm' },
  ]);

/** Creates a bloc for a year with its members (stable order = the order given). */
export async function createBloc(db: Database, caller: Caller, input: CreateBlocBody) {
  await getScopedCouncil(db, caller, input.councilId, WRITE_ROLES);
  const members = planMembers(input.members);
  await checkReferences(db, input.councilId, input);
  try {
    return await db.transaction(async (tx) => {
      const [bloc] = await tx
        .insert(blocs)
        .values({
          councilId: input.councilId,
          year: input.year,
          name: input.name,
          kind: input.kind,
          supervisorMemberId: input.supervisorMemberId,
        })
        .returning();
      if (!bloc) throw new Error('insert returned no row');
      if (members.length)
        await tx.insert(blocMembers).values(members.map((member) => ({ ...member, blocId: bloc.id })));
      await recordAudit(tx, caller.actor, {
        action: 'bloc.create',
        entityType: 'bloc',
        entityId: bloc.id,
        after: { ...bloc, members },
      });
      return bloc;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw blocTaken();
    throw error;
  }
}

/** Changes a bloc at the version the form loaded (else 409); `members`, when given, replaces the member list. */
export async function updateBloc(db: Database, caller: Caller, id: string, input: UpdateBlocBody) {
  const before = await getScopedBloc(db, caller, id, WRITE_ROLES);
  const members = input.members ? planMembers(input.members) : null;
  await checkReferences(db, before.bloc.councilId, input);
  const { members: _members, version, ...fields } = input;
  try {
    await db.transaction(async (tx) => {
      const updated = await tx
        .update(blocs)
        .set({ ...fields, ...nextVersion(blocs, caller.actor) })
        .where(atVersion(blocs, id, version))
        .returning();
      const after = await versionedRow(tx, updated, blocs, id, BLOC);
      // The replaced member rows go into the event's `before`, so the removal is on record.
      const replaced = members
        ? await tx.delete(blocMembers).where(eq(blocMembers.blocId, id)).returning()
        : null;
      if (members?.length)
        await tx.insert(blocMembers).values(members.map((member) => ({ ...member, blocId: id })));
      await recordAudit(tx, caller.actor, {
        action: 'bloc.update',
        entityType: 'bloc',
        entityId: id,
        before: { ...before.bloc, ...(replaced ? { members: replaced } : {}) },
        after: { ...after, ...(members ? { members } : {}) },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw blocTaken();
    throw error;
  }
}

/** Deletes a bloc and its member list, one audit event per removed member. */
export async function deleteBloc(db: Database, caller: Caller, id: string) {
  const before = await getScopedBloc(db, caller, id, WRITE_ROLES);
  await db.transaction(async (tx) => {
    const removed = await tx.delete(blocMembers).where(eq(blocMembers.blocId, id)).returning();
    await tx.delete(blocs).where(eq(blocs.id, id));
    for (const member of removed) {
      await recordAudit(tx, caller.actor, {
        action: 'bloc.member.remove',
        entityType: 'bloc',
        entityId: id,
        before: member,
        reason: 'Xóa khối/cụm',
      });
    }
    await recordAudit(tx, caller.actor, {
      action: 'bloc.delete',
      entityType: 'bloc',
      entityId: id,
      before: { ...before.bloc, memberCount: removed.length },
    });
  });
}

/**
 * Copies a council's blocs of one year to the next, rotating each head to the next member in the
 * stable order. Refused (409) when the next year already has blocs, so a second click copies nothing.
 */
export async function copyBlocYear(db: Database, caller: Caller, councilId: string, fromYear: number) {
  await getScopedCouncil(db, caller, councilId, WRITE_ROLES);
  const year = fromYear + 1;
  const source = await db
    .select()
    .from(blocs)
    .where(and(eq(blocs.councilId, councilId), eq(blocs.year, fromYear)));
  if (!source.length)
    throw new AppError('NOT_FOUND', `Năm ${fromYear} chưa có khối/cụm thi đua nào để sao chép.`);
  const members = await db
    .select()
    .from(blocMembers)
    .where(
      inArray(
        blocMembers.blocId,
        source.map((bloc) => bloc.id),
      ),
    );
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ value: count() })
      .from(blocs)
      .where(and(eq(blocs.councilId, councilId), eq(blocs.year, year)));
    if (existing?.value) throw new AppError('CONFLICT', `Năm ${year} đã có khối/cụm thi đua.`);
    for (const bloc of source) {
      const [copy] = await tx
        .insert(blocs)
        .values({
          councilId,
          year,
          name: bloc.name,
          kind: bloc.kind,
          supervisorMemberId: bloc.supervisorMemberId,
        })
        .returning({ id: blocs.id });
      const rotated = rotateHead(
        members
          .filter((member) => member.blocId === bloc.id)
          .map((member) => ({ ...member, role: member.role as BlocMemberRole }) as RotatingMember),
      );
      if (copy && rotated.length)
        await tx.insert(blocMembers).values(
          rotated.map((member) => ({
            unitId: member.unitId,
            role: member.role,
            position: member.position,
            blocId: copy.id,
          })),
        );
    }
    await recordAudit(tx, caller.actor, {
      action: 'bloc.copy_year',
      entityType: 'council',
      entityId: councilId,
      after: { fromYear, year, copied: source.length },
    });
    return { year, copied: source.length };
  });
}
