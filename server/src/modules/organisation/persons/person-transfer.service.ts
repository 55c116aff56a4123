import { and, desc, eq, isNull } from 'drizzle-orm';
import type { TransferPersonBody } from '#contracts/organisation.ts';
import { recordAudit } from '#server/platform/audit/audit.ts';
import type { Database } from '#server/platform/db/client.ts';
import { employments, persons } from '#server/platform/db/schema.ts';
import { atVersion, nextVersion, versionedRow } from '#server/platform/db/versioning.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { assertInScope, resolveScope, WRITE_ROLES } from '../organisation.policy.ts';
import { today } from '../sql-rows.ts';
import { dayBefore } from '../units/unit-tree.ts';
import { findUnitRow } from '../units/units.repo.ts';
import type { Caller } from '../units/units.service.ts';
import { assertUnitOpen, refuseFields, viDate } from './person-rules.ts';
import { findPerson } from './persons.repo.ts';

const PERSON = { subject: 'Hồ sơ cán bộ này', notFound: 'Không tìm thấy cán bộ.' };

/**
 * Transfers a person (at the version the dialog loaded) to another unit: the current employment ends
 * the day before `startedOn` and the next one begins that day. The same rules as the import: the
 * officer's scope covers both the unit the person leaves and the one they join; the new unit exists
 * and is in being on that day; the day is real (the contract), not in the future, after birth and
 * after the current employment began. Audited as `person.transfer` in the same transaction.
 */
export async function transferPerson(db: Database, caller: Caller, id: string, input: TransferPersonBody) {
  const [current, scope, target, [open]] = await Promise.all([
    findPerson(db, id),
    resolveScope(db, caller.principal, WRITE_ROLES),
    findUnitRow(db, input.unitId),
    db
      .select({ startedOn: employments.startedOn })
      .from(employments)
      .where(and(eq(employments.personId, id), isNull(employments.endedOn)))
      .orderBy(desc(employments.startedOn))
      .limit(1),
  ]);
  if (!current) throw new AppError('NOT_FOUND', PERSON.notFound);
  assertInScope(scope, current.unitPath);
  if (!target)
    throw new AppError('VALIDATION_FAILED', 'Đơn vị chuyển đến không tồn tại.', [
      { path: 'unitId', message: 'Đơn vị không tồn tại' },
    ]);
  assertInScope(scope, target.path);
  const before = current.person;
  if (target.id === before.unitId)
    refuseFields([{ path: 'unitId', message: 'Cán bộ đang công tác tại đơn vị này; chọn đơn vị khác' }]);
  const { startedOn } = input;
  if (startedOn > today())
    refuseFields([{ path: 'startedOn', message: 'Ngày chuyển công tác không được ở tương lai' }]);
  if (before.birthDate && startedOn <= before.birthDate)
    refuseFields([{ path: 'startedOn', message: 'Ngày chuyển công tác phải sau ngày sinh' }]);
  if (open?.startedOn && startedOn <= open.startedOn)
    refuseFields([
      {
        path: 'startedOn',
        message: `Ngày chuyển công tác phải sau ngày bắt đầu công tác tại đơn vị hiện tại (${viDate(open.startedOn)})`,
      },
    ]);
  assertUnitOpen(target, startedOn);
  const endedOn = dayBefore(startedOn);
  const position = input.position === undefined ? before.position : input.position;
  const isLeader = input.isLeader ?? before.isLeader;
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(persons)
      .set({ unitId: target.id, position, isLeader, ...nextVersion(persons, caller.actor) })
      .where(atVersion(persons, id, input.version))
      .returning();
    const after = await versionedRow(tx, updated, persons, id, PERSON);
    // The period that ends keeps the position the person held when they left.
    await tx
      .update(employments)
      .set({ endedOn, position: before.position, updatedAt: new Date() })
      .where(and(eq(employments.personId, id), isNull(employments.endedOn)));
    await tx.insert(employments).values({ personId: id, unitId: target.id, position, startedOn });
    await recordAudit(tx, caller.actor, {
      action: 'person.transfer',
      entityType: 'person',
      entityId: id,
      before: {
        unitId: before.unitId,
        unitName: current.unitName,
        position: before.position,
        isLeader: before.isLeader,
      },
      after: {
        unitId: target.id,
        unitName: target.name,
        position,
        isLeader,
        startedOn,
        previousEndedOn: endedOn,
      },
    });
    return after;
  });
}
