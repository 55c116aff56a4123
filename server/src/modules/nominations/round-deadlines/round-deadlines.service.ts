import { and, eq } from 'drizzle-orm';
import type { CursorQuery } from '#contracts/common.ts';
import type { RoundUnit, SetUnitDeadlineBody } from '#contracts/round-deadlines.ts';
import { notifyUnitOfficers } from '#server/modules/notifications/index.ts';
import { resolveScope, scopeCondition } from '#server/modules/organisation/index.ts';
import { recordAudit } from '#server/platform/audit/audit.ts';
import type { Database } from '#server/platform/db/client.ts';
import { roundUnitDeadlines, units } from '#server/platform/db/schema.ts';
import { nextVersion, staleVersionError } from '#server/platform/db/versioning.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { inScope, READ_ROLES } from '../nominations.policy.ts';
import { type Caller, getVisibleRound, getWritableRound } from '../rounds/rounds.service.ts';
import { vietnamToday } from '../working-days/vietnam-date.ts';
import { lowerUnitStatus } from './deadline-rules.ts';
import { findRoundUnit, listRoundUnits, type RoundUnitRow } from './round-deadlines.repo.ts';

const OWN_DEADLINE = {
  subject: 'Hạn riêng của đơn vị này',
  notFound: 'Hạn riêng của đơn vị đã bị xóa sau khi bạn mở ra. Vui lòng tải lại.',
};

const isoDay = (value: Date | string) => vietnamToday(new Date(value));
const formatDay = (iso: string) => iso.split('-').reverse().join('/');

/** A lower unit's row as the API shows it, with its status on `today`. */
export function roundUnitOf(row: RoundUnitRow, roundDeadline: string | null, today: string): RoundUnit {
  const deadline = row.ownDeadline ?? roundDeadline;
  const submittedAt = row.submittedAt ? new Date(row.submittedAt) : null;
  return {
    unit: { id: row.unitId, name: row.unitName },
    deadline,
    ownDeadline: row.ownDeadline,
    version: row.version,
    submittedAt: submittedAt?.toISOString() ?? null,
    status: lowerUnitStatus(deadline, submittedAt ? isoDay(submittedAt) : null, today),
  };
}

/**
 * A page of a round's lower units (the receiving unit's direct children) with their deadlines and
 * whether they have sent: all of them for the receiving level, one's own below it.
 */
export async function searchRoundUnits(db: Database, caller: Caller, roundId: string, query: CursorQuery) {
  const row = await getVisibleRound(db, caller, roundId);
  const scope = await resolveScope(db, caller.principal, READ_ROLES);
  const visible = inScope(scope, row.unitPath) ? undefined : scopeCondition(scope, units.path);
  const today = vietnamToday();
  const page = await listRoundUnits(
    db,
    { id: roundId, receivingUnitId: row.round.receivingUnitId },
    visible,
    today,
    query,
  );
  return { ...page, items: page.rows.map((unit) => roundUnitOf(unit, row.round.deadline, today)) };
}

/**
 * Sets, changes or removes (null) a lower unit's own deadline in a round, by the receiving level, at
 * the version shown (409 when stale); audited as `round.unit_deadline`, and the unit's officers told.
 */
export async function setUnitDeadline(
  db: Database,
  caller: Caller,
  roundId: string,
  unitId: string,
  input: SetUnitDeadlineBody,
): Promise<RoundUnit> {
  const { round, unitName: receivingName } = await getWritableRound(db, caller, roundId);
  const [unit] = await db.select().from(units).where(eq(units.id, unitId));
  if (!unit) throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị.');
  if (unit.parentId !== round.receivingUnitId)
    throw new AppError(
      'VALIDATION_FAILED',
      'Chỉ đặt hạn riêng cho đơn vị cấp dưới trực tiếp của cấp nhận tờ trình.',
      [{ path: 'unitId', message: 'Không phải cấp dưới trực tiếp' }],
    );
  await db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(roundUnitDeadlines)
      .where(and(eq(roundUnitDeadlines.roundId, roundId), eq(roundUnitDeadlines.unitId, unitId)))
      .for('update');
    if (existing && existing.version !== input.version)
      throw await staleVersionError(tx, roundUnitDeadlines, existing.id, OWN_DEADLINE);
    if (!existing && input.version !== null) throw new AppError('CONFLICT', OWN_DEADLINE.notFound);
    if (!existing && input.deadline === null) return;
    if (input.deadline === null) {
      await tx.delete(roundUnitDeadlines).where(eq(roundUnitDeadlines.id, existing?.id ?? ''));
    } else if (existing) {
      await tx
        .update(roundUnitDeadlines)
        .set({ deadline: input.deadline, ...nextVersion(roundUnitDeadlines, caller.actor) })
        .where(eq(roundUnitDeadlines.id, existing.id));
    } else {
      const inserted = await tx
        .insert(roundUnitDeadlines)
        .values({ roundId, unitId, deadline: input.deadline, updatedBy: caller.actor.userId })
        .onConflictDoNothing()
        .returning();
      if (!inserted.length)
        throw new AppError('CONFLICT', 'Hạn riêng của đơn vị vừa được người khác đặt. Vui lòng tải lại.');
    }
    await recordAudit(tx, caller.actor, {
      action: 'round.unit_deadline',
      entityType: 'award_round',
      entityId: roundId,
      before: { unitId, deadline: existing?.deadline ?? null, version: existing?.version ?? null },
      after: { unitId, deadline: input.deadline },
    });
    const deadline = input.deadline ?? round.deadline;
    await notifyUnitOfficers(tx, [unitId], {
      kind: 'round_deadline',
      title: `${receivingName} đặt hạn gửi tờ trình cho đơn vị`,
      body: `Đợt “${round.title}”: hạn gửi tờ trình ${deadline ? formatDay(deadline) : 'không đặt'}.`,
      link: `/khen-thuong/dot/${roundId}`,
      entityType: 'award_round',
      entityId: roundId,
    });
  });
  const row = await findRoundUnit(db, roundId, unitId);
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị.');
  return roundUnitOf(row, round.deadline, vietnamToday());
}
