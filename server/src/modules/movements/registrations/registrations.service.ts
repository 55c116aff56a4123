import { and, eq, or, sql } from 'drizzle-orm';
import type { CreateRegistrationBody, PledgeTarget, RegistrationQuery } from '#contracts/movements.ts';
import { recordAudit } from '#server/platform/audit/audit.ts';
import { coversUnit, scopePaths } from '#server/platform/auth/policy.ts';
import type { Database } from '#server/platform/db/client.ts';
import { registrations, units } from '#server/platform/db/schema.ts';
import { atVersion, nextVersion, staleVersionError, versionedRow } from '#server/platform/db/versioning.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { MANAGE_ROLES, READ_ROLES } from '../movements.policy.ts';
import { findUnit } from '../movements.repo.ts';
import { type Caller, getVisibleMovement } from '../movements.service.ts';
import { nextRegistrationStatus, type RegistrationMove } from './registration-workflow.ts';
import { isRegistrant, isReviewer } from './registrations.policy.ts';
import {
  findConsolidatable,
  findPersonOfUser,
  findRegistration,
  listRegistrations,
} from './registrations.repo.ts';

const isUniqueViolation = (error: unknown): boolean => {
  for (let current = error as { code?: string; cause?: unknown } | undefined; current; ) {
    if (current.code === '23505') return true;
    current = current.cause as typeof current;
  }
  return false;
};
/** How a registration is named when an edit finds it gone or changed by someone else. */
const REGISTRATION = { subject: 'Bản đăng ký này', notFound: 'Không tìm thấy bản đăng ký.' };

const alreadyRegistered = () =>
  new AppError('CONFLICT', 'Đã có bản đăng ký thi đua cho đối tượng này trong phong trào.');

/** A launched movement the caller sees, for registering. */
async function getOpenMovement(db: Database, caller: Caller, movementId: string) {
  const movement = await getVisibleMovement(db, caller, movementId);
  if (movement.movement.status !== 'launched') {
    throw new AppError('CONFLICT', 'Chỉ đăng ký được phong trào đang được phát động.');
  }
  const { periodFrom, periodTo } = movement.movement;
  if (periodTo < new Date().getFullYear()) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Phong trào đã hết giai đoạn ${periodFrom}–${periodTo} nên không nhận đăng ký thi đua.`,
    );
  }
  return movement;
}

/** Registers a unit (unitId, by its officer or head) or the caller themselves, as a draft. */
export async function createRegistration(
  db: Database,
  caller: Caller,
  movementId: string,
  body: CreateRegistrationBody,
) {
  const movement = await getOpenMovement(db, caller, movementId);
  let unitId: string;
  let personId: string | null = null;
  if (body.unitId) {
    const unit = await findUnit(db, body.unitId);
    if (!unit) throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị.');
    if (!unit.path.startsWith(movement.unitPath)) {
      throw new AppError('OUT_OF_SCOPE', 'Đơn vị không thuộc phạm vi của phong trào này.');
    }
    if (!coversUnit(caller.principal, [...MANAGE_ROLES, 'unit_head'], unit.path))
      throw new AppError('OUT_OF_SCOPE');
    unitId = unit.id;
  } else {
    const person = await findPersonOfUser(db, caller.principal.id);
    if (!person)
      throw new AppError(
        'CONFLICT',
        'Tài khoản của bạn chưa gắn với hồ sơ cán bộ nên chưa đăng ký cá nhân được.',
      );
    if (!person.unitPath.startsWith(movement.unitPath)) {
      throw new AppError('OUT_OF_SCOPE', 'Đơn vị của bạn không thuộc phạm vi của phong trào này.');
    }
    unitId = person.unitId;
    personId = person.id;
  }
  return insertRegistration(db, caller, {
    movementId,
    kind: personId ? 'person' : 'unit',
    unitId,
    personId,
    pledge: body.pledge,
    targets: body.targets,
    includedIds: [],
  });
}

async function insertRegistration(
  db: Database,
  caller: Caller,
  values: {
    movementId: string;
    kind: string;
    unitId: string;
    personId: string | null;
    pledge: string;
    targets: PledgeTarget[];
    includedIds: string[];
  },
) {
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(registrations)
        .values({ ...values, createdBy: caller.principal.id })
        .returning();
      if (!row) throw new Error('registration not stored');
      await recordAudit(tx, caller.actor, {
        action: 'registration.create',
        entityType: 'registration',
        entityId: row.id,
        after: row,
      });
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw alreadyRegistered();
    throw error;
  }
}

/** A unit gathers its people's and its subordinate units' approved registrations into one, sent upward. */
export async function consolidateRegistrations(
  db: Database,
  caller: Caller,
  movementId: string,
  body: { unitId: string; pledge: string },
) {
  const movement = await getOpenMovement(db, caller, movementId);
  const unit = await findUnit(db, body.unitId);
  if (!unit) throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị.');
  if (!unit.path.startsWith(movement.unitPath))
    throw new AppError('OUT_OF_SCOPE', 'Đơn vị không thuộc phạm vi của phong trào này.');
  if (!coversUnit(caller.principal, MANAGE_ROLES, unit.path)) throw new AppError('OUT_OF_SCOPE');
  const includedIds = await findConsolidatable(db, movementId, unit.id);
  return insertRegistration(db, caller, {
    movementId,
    kind: 'consolidated',
    unitId: unit.id,
    personId: null,
    pledge: body.pledge,
    targets: [],
    includedIds,
  });
}

/** The registration with its movement, checked that the caller may see it. */
export async function getRegistrationFor(db: Database, caller: Caller, id: string) {
  const row = await findRegistration(db, id);
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy bản đăng ký.');
  const movement = await getVisibleMovement(db, caller, row.registration.movementId);
  const sees =
    isRegistrant(caller.principal, row) ||
    isReviewer(caller.principal, row, movement.unitPath) ||
    coversUnit(
      caller.principal,
      READ_ROLES.filter((role) => role !== 'staff'),
      row.unitPath,
    );
  if (!sees) throw new AppError('NOT_FOUND', 'Không tìm thấy bản đăng ký.');
  return { row, movement };
}

/**
 * Moves a registration (edit, submit, approve, return) under a row lock, so a second click on
 * submit finds it already submitted: 409 and no second audit event. An edit also needs the version
 * the form loaded (else 409 VERSION_CONFLICT); every move makes the next version.
 */
export async function moveRegistration(
  db: Database,
  caller: Caller,
  id: string,
  move: RegistrationMove,
  input: { reason?: string; pledge?: string; targets?: PledgeTarget[]; version?: number } = {},
) {
  const { row, movement } = await getRegistrationFor(db, caller, id);
  const allowed =
    move === 'edit' || move === 'submit'
      ? isRegistrant(caller.principal, row)
      : isReviewer(caller.principal, row, movement.unitPath);
  if (!allowed) throw new AppError('FORBIDDEN');
  return db.transaction(async (tx) => {
    const [locked] = await tx.select().from(registrations).where(eq(registrations.id, id)).for('update');
    if (!locked) throw new AppError('NOT_FOUND', REGISTRATION.notFound);
    const expected = move === 'edit' ? (input.version ?? 0) : locked.version;
    if (locked.version !== expected) throw await staleVersionError(tx, registrations, id, REGISTRATION);
    const status = nextRegistrationStatus(locked.status as 'draft', move);
    const now = new Date();
    const changes: Partial<typeof registrations.$inferInsert> = { status };
    if (move === 'edit') {
      if (input.pledge !== undefined) changes.pledge = input.pledge;
      if (input.targets !== undefined) changes.targets = input.targets;
    }
    if (move === 'submit') Object.assign(changes, { submittedAt: now, returnReason: null });
    if (move === 'approve' || move === 'return') {
      Object.assign(changes, {
        decidedAt: now,
        decidedBy: caller.principal.id,
        returnReason: input.reason ?? null,
      });
    }
    const updated = await tx
      .update(registrations)
      .set({ ...changes, ...nextVersion(registrations, caller.actor) })
      .where(atVersion(registrations, id, expected))
      .returning();
    const after = await versionedRow(tx, updated, registrations, id, REGISTRATION);
    await recordAudit(tx, caller.actor, {
      action: `registration.${move}`,
      entityType: 'registration',
      entityId: id,
      before: { status: locked.status, pledge: locked.pledge },
      after: { status, pledge: after.pledge },
      reason: input.reason ?? null,
    });
    return { ...row, registration: after };
  });
}

/** The registrations of a movement the caller sees: within their units' scope, plus their own. */
export async function searchRegistrations(
  db: Database,
  caller: Caller,
  movementId: string,
  query: RegistrationQuery,
) {
  const movement = await getVisibleMovement(db, caller, movementId);
  const paths = scopePaths(
    caller.principal,
    READ_ROLES.filter((role) => role !== 'staff'),
  );
  const scope =
    paths === null
      ? undefined
      : or(
          eq(registrations.createdBy, caller.principal.id),
          sql`exists (select 1 from persons p where p.id = ${registrations.personId} and p.user_id = ${caller.principal.id})`,
          ...paths.map((path) => sql`${units.path} like ${`${path}%`}`),
        );
  const where = and(
    eq(registrations.movementId, movementId),
    scope,
    query.status ? eq(registrations.status, query.status) : undefined,
    query.unitId ? eq(registrations.unitId, query.unitId) : undefined,
  );
  return { movement, page: await listRegistrations(db, where, query) };
}
