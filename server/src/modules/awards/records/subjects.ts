import { eq } from 'drizzle-orm';
import type { Role } from '#contracts/auth.ts';
import {
  assertInScope,
  inScope,
  PERSON_READ_ROLES,
  READ_ROLES,
  resolveScope,
  WRITE_ROLES,
} from '#server/modules/organisation/organisation.policy.ts';
import type { Caller } from '#server/modules/organisation/units/units.service.ts';
import { isAdmin } from '#server/platform/auth/policy.ts';
import type { Executor } from '#server/platform/db/client.ts';
import { persons, units } from '#server/platform/db/schema.ts';
import { AppError } from '#server/platform/http/app-error.ts';

export type { Caller };

/** The person or unit a record belongs to, with the path of the unit that scopes it. */
export interface Subject {
  personId: string | null;
  unitId: string | null;
  path: string;
  /** The person's own account (a staff member may read their own records). */
  userId: string | null;
}

/** The person with the path of their current unit, or 404. */
export async function personSubject(db: Executor, personId: string, field = 'personId'): Promise<Subject> {
  const [row] = await db
    .select({ path: units.path, userId: persons.userId })
    .from(persons)
    .innerJoin(units, eq(units.id, persons.unitId))
    .where(eq(persons.id, personId));
  if (!row)
    throw new AppError('NOT_FOUND', 'Không tìm thấy cán bộ.', [
      { path: field, message: 'Không có cán bộ này' },
    ]);
  return { personId, unitId: null, path: row.path, userId: row.userId };
}

/** The unit with its path, or 404. */
export async function unitSubject(db: Executor, unitId: string, field = 'unitId'): Promise<Subject> {
  const [row] = await db.select({ path: units.path }).from(units).where(eq(units.id, unitId));
  if (!row)
    throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị.', [
      { path: field, message: 'Không có đơn vị này' },
    ]);
  return { personId: null, unitId, path: row.path, userId: null };
}

/** Throws 403 OUT_OF_SCOPE unless the caller may change records of the subject (an officer of its unit). */
export async function assertWritable(db: Executor, caller: Caller, subject: Subject): Promise<void> {
  assertInScope(await resolveScope(db, caller.principal, WRITE_ROLES), subject.path);
}

/** Throws 403 unless the caller may read the subject's records (their scope, or their own record). */
export async function assertReadable(db: Executor, caller: Caller, subject: Subject): Promise<void> {
  if (subject.userId && subject.userId === caller.principal.id) return;
  const roles: readonly Role[] = subject.personId ? PERSON_READ_ROLES : READ_ROLES;
  assertInScope(await resolveScope(db, caller.principal, roles), subject.path);
}

/** True when the caller may change the subject's records. */
export async function canWrite(db: Executor, caller: Caller, subject: Subject): Promise<boolean> {
  if (isAdmin(caller.principal)) return true;
  return inScope(await resolveScope(db, caller.principal, WRITE_ROLES), subject.path);
}
