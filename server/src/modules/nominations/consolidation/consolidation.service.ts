import { eq, max } from 'drizzle-orm';
import { type AwardCode, awardCatalogue } from '#contracts/awards.ts';
import type { CursorQuery } from '#contracts/common.ts';
import type { ConsolidateBody } from '#contracts/nomination-consolidation.ts';
import type { DeciderTier, NominationStatus } from '#contracts/nominees.ts';
import { notifyUnitOfficers } from '#server/modules/notifications/index.ts';
import { recordAudit } from '#server/platform/audit/audit.ts';
import type { Database, Executor } from '#server/platform/db/client.ts';
import { nominations, nominees } from '#server/platform/db/schema.ts';
import { atVersion, nextVersion, versionedRow } from '#server/platform/db/versioning.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import type { NominationWithNames } from '../nominations/nominations.repo.ts';
import { getVisibleNomination, movesFor, NOMINATION } from '../nominations/nominations.service.ts';
import type { Caller } from '../rounds/rounds.service.ts';
import { CONSOLIDABLE, FORWARDED, nextNominationStatus } from '../workflow/nomination-workflow.ts';
import { moveNominees } from '../workflow/nominee-moves.ts';
import { vietnamToday } from '../working-days/vietnam-date.ts';
import { type CandidateRow, findSources, listCandidates } from './consolidation.repo.ts';
import { consolidableAwards, decidesItself, unitKindOf } from './consolidation-scope.ts';

/**
 * The upper tờ trình the caller may consolidate into: one their unit drafts (or fixes after a return)
 * and sends to a level above it; 409 when it can no longer change, 403 when not theirs, 422 when it
 * stays at the unit's own level.
 */
async function getConsolidationTarget(db: Executor, caller: Caller, id: string) {
  const row = await getVisibleNomination(db, caller, id);
  if (!(await movesFor(db, caller, row)).includes('edit')) {
    nextNominationStatus(row.nomination.status as NominationStatus, 'edit');
    throw new AppError('OUT_OF_SCOPE');
  }
  if (row.unitPath === row.receivingPath)
    throw new AppError(
      'RULE_VIOLATION',
      'Chỉ tổng hợp được vào tờ trình gửi lên cấp trên; tờ trình này gửi chính cấp của đơn vị.',
    );
  return row;
}

/** A page of the received nominees the target's unit may consolidate into it. */
export async function searchCandidates(db: Database, caller: Caller, id: string, query: CursorQuery) {
  const target = await getConsolidationTarget(db, caller, id);
  const kind = await unitKindOf(db, target.nomination.proposingUnitId);
  const awards = consolidableAwards(kind, target.nomination.deciderTier as DeciderTier, vietnamToday());
  return listCandidates(db, target.nomination.proposingUnitId, awards, query);
}

const nameOf = (row: CandidateRow) => row.personName ?? row.unitName ?? row.nominee.householdName ?? '';

/** Refuses sources outside the unit's reception (403), already consolidated or not received (409), or out of tier (422). */
function assertSources(target: NominationWithNames, kind: string, sources: CandidateRow[], ids: string[]) {
  if (sources.length !== new Set(ids).size)
    throw new AppError('NOT_FOUND', 'Không tìm thấy đối tượng đề nghị cần tổng hợp.');
  const unitId = target.nomination.proposingUnitId;
  const today = vietnamToday();
  for (const source of sources) {
    // Nothing of a tờ trình sent elsewhere is named: the caller may not see it.
    if (source.receivingUnitId !== unitId || source.proposingUnitId === unitId)
      throw new AppError(
        'OUT_OF_SCOPE',
        `Chỉ tổng hợp được đối tượng trong tờ trình của cấp dưới gửi đến ${target.unitName}.`,
      );
    const name = nameOf(source);
    if (source.copyId || source.nominee.status === FORWARDED)
      throw new AppError(
        'CONFLICT',
        `${name} đã được tổng hợp lên cấp trên; mỗi đối tượng chỉ tổng hợp một lần.`,
      );
    if (!CONSOLIDABLE.includes(source.nominee.status as NominationStatus))
      throw new AppError(
        'CONFLICT',
        `${name}: chỉ tổng hợp được đối tượng đã tiếp nhận hoặc đã thẩm định, chưa đưa ra Hội đồng hay quyết định.`,
      );
    const award = source.nominee.awardCode as AwardCode;
    if (decidesItself(kind, award, today))
      throw new AppError(
        'RULE_VIOLATION',
        `${target.unitName} có thẩm quyền quyết định tặng ${awardCatalogue[award].name}; không cần tổng hợp lên cấp trên.`,
      );
  }
}

/**
 * Copies lower levels' received nominees into the upper level's own tờ trình at the version the user
 * saw, keeping the link (`source_nominee_id`, at most one copy each): person or unit, award, reward
 * type, period and summary. The sources move to forwarded through `moveNominees`; the tờ trình's
 * decider tier must stay the same (422 otherwise). Audited as `nomination.consolidate`; the source
 * units' officers are told.
 */
export async function consolidateNominees(db: Database, caller: Caller, id: string, input: ConsolidateBody) {
  const target = await getConsolidationTarget(db, caller, id);
  const kind = await unitKindOf(db, target.nomination.proposingUnitId);
  const sources = await findSources(db, input.nomineeIds);
  assertSources(target, kind, sources, input.nomineeIds);
  const allowed = new Set(
    consolidableAwards(kind, target.nomination.deciderTier as DeciderTier, vietnamToday()),
  );
  const mixed = sources.find((source) => !allowed.has(source.nominee.awardCode as AwardCode));
  if (mixed)
    throw new AppError(
      'RULE_VIOLATION',
      `${awardCatalogue[mixed.nominee.awardCode as AwardCode].name} do người có thẩm quyền khác quyết định; một tờ trình không gộp các thẩm quyền khác nhau. Vui lòng tổng hợp vào tờ trình khác.`,
    );
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(nominations)
      .set(nextVersion(nominations, caller.actor))
      .where(atVersion(nominations, id, input.version))
      .returning();
    const nomination = await versionedRow(tx, updated, nominations, id, NOMINATION);
    await moveNominees(tx, caller.actor, {
      nomineeIds: sources.map((source) => source.nominee.id),
      from: CONSOLIDABLE,
      to: FORWARDED,
      action: 'nominee.forward',
      refusal: 'Có đối tượng vừa được tổng hợp hoặc chuyển bước ở nơi khác; vui lòng tải lại danh sách.',
    });
    const [last] = await tx
      .select({ position: max(nominees.position) })
      .from(nominees)
      .where(eq(nominees.nominationId, id));
    const start = (last?.position ?? -1) + 1;
    const copies = await tx
      .insert(nominees)
      .values(
        sources.map(({ nominee }, index) => ({
          nominationId: id,
          position: start + index,
          subject: nominee.subject,
          personId: nominee.personId,
          unitId: nominee.unitId,
          householdName: nominee.householdName,
          awardCode: nominee.awardCode,
          rewardType: nominee.rewardType,
          periodFrom: nominee.periodFrom,
          periodTo: nominee.periodTo,
          achievements: nominee.achievements,
          status: nomination.status,
          sourceNomineeId: nominee.id,
        })),
      )
      .returning();
    await recordAudit(tx, caller.actor, {
      action: 'nomination.consolidate',
      entityType: 'nomination',
      entityId: id,
      before: { version: target.nomination.version },
      after: {
        version: nomination.version,
        copies: copies.map((copy) => ({ id: copy.id, sourceNomineeId: copy.sourceNomineeId })),
      },
    });
    const bySource = new Map(sources.map((source) => [source.nominee.nominationId, source]));
    for (const [nominationId, source] of bySource)
      await notifyUnitOfficers(tx, [source.proposingUnitId], {
        kind: 'nomination_consolidated',
        title: `${target.unitName} đã tổng hợp đối tượng đề nghị lên cấp trên`,
        body: `${source.nominationTitle}: tổng hợp vào tờ trình “${target.nomination.title}” gửi ${target.receivingName}.`,
        link: `/khen-thuong/to-trinh/${nominationId}`,
        entityType: 'nomination',
        entityId: nominationId,
      });
    return { nomination, copies };
  });
}
