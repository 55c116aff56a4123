import { sql } from 'drizzle-orm';
import { formatNoticeNumber } from '#contracts/inspections.ts';
import { vietnamToday } from '#server/modules/nominations/index.ts';
import { recordAudit } from '#server/platform/audit/audit.ts';
import type { Database, Executor } from '#server/platform/db/client.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import type { Caller } from '../inspections.policy.ts';
import { bumpTarget } from '../inspections.repo.ts';
import { targetFor } from '../targets/target.service.ts';

/**
 * Takes the next number of a council's notice register for a year, in the caller's transaction: the
 * counter row is created at 1 or raised by one and locked until the transaction ends, so a
 * concurrent issue waits and takes the next number, and a rolled-back issue leaves no gap.
 */
export async function takeNoticeNumber(tx: Executor, councilId: string, year: number): Promise<number> {
  const result = (await tx.execute(sql`
    insert into inspection_notice_counters (council_id, year, last_number) values (${councilId}, ${year}, 1)
    on conflict (council_id, year) do update
      set last_number = inspection_notice_counters.last_number + 1, updated_at = now()
    returning last_number`)) as unknown as { rows: { last_number: number }[] };
  const [row] = result.rows;
  if (!row) throw new Error('notice counter not taken');
  return Number(row.last_number);
}

/**
 * Issues the conclusion notice of a target at the version loaded: it takes the next number of the
 * council's register for the year of issue ("12/TB-HĐTĐKT") and today's date, once; the conclusion,
 * recommendations and day are then fixed. Refused while the conclusion is empty or once issued.
 */
export async function issueNotice(db: Database, caller: Caller, id: string, version: number) {
  const { row } = await targetFor(db, caller, id, 'issue_notice');
  if (row.target.noticeNumber)
    throw new AppError(
      'CONFLICT',
      `Thông báo kết luận đã được ban hành, số ${row.target.noticeNumber}; số không cấp lại.`,
    );
  if (!row.target.conclusion.trim())
    throw new AppError('CONFLICT', 'Nhập kết luận kiểm tra trước khi ban hành thông báo kết luận.');
  const today = vietnamToday();
  const year = Number(today.slice(0, 4));
  const councilId = row.planRow.plan.councilId;
  await db.transaction(async (tx) => {
    const sequence = await takeNoticeNumber(tx, councilId, year);
    const after = await bumpTarget(tx, caller.actor, id, version, {
      noticeCouncilId: councilId,
      noticeYear: year,
      noticeSequence: sequence,
      noticeNumber: formatNoticeNumber(sequence),
      noticeDate: today,
      noticeIssuedBy: caller.actor.userId,
    });
    await recordAudit(tx, caller.actor, {
      action: 'inspection.notice_issue',
      entityType: 'inspection_target',
      entityId: id,
      before: { noticeNumber: null },
      after: { noticeNumber: after.noticeNumber, noticeDate: after.noticeDate },
    });
  });
}
