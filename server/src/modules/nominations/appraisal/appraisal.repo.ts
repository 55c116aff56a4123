import { and, asc, eq, inArray } from 'drizzle-orm';
import { type AwardCode, awardName } from '#contracts/awards.ts';
import type { AppraisalOpinion, AppraisalProposal } from '#contracts/nomination-appraisal.ts';
import type { Executor } from '#server/platform/db/client.ts';
import { awardRounds, nomineeAppraisals, nominees } from '#server/platform/db/schema.ts';

export type AppraisalRow = typeof nomineeAppraisals.$inferSelect;

/** A stored opinion as the API shows it. */
export const presentOpinion = (row: AppraisalRow): AppraisalOpinion => ({
  opinion: row.opinion,
  proposal: row.proposal as AppraisalProposal,
  proposedAwardCode: (row.proposedAwardCode as AwardCode | null) ?? null,
  proposedAwardName: row.proposedAwardCode ? awardName(row.proposedAwardCode as AwardCode) : null,
  version: row.version,
  updatedAt: row.updatedAt.toISOString(),
});

/**
 * The standing body's opinions on the nominees, by nominee id (for the council and decisions
 * modules too: what the standing body proposed for each nominee).
 */
export async function appraisalOpinions(
  executor: Executor,
  nomineeIds: readonly string[],
): Promise<Map<string, AppraisalOpinion>> {
  if (!nomineeIds.length) return new Map();
  const rows = await executor
    .select()
    .from(nomineeAppraisals)
    .where(inArray(nomineeAppraisals.nomineeId, [...nomineeIds]));
  return new Map(rows.map((row) => [row.nomineeId, presentOpinion(row)]));
}

/** The nominees of a tờ trình in their order (raw rows, for the rules). */
export const nomineeRows = (executor: Executor, nominationId: string) =>
  executor
    .select()
    .from(nominees)
    .where(eq(nominees.nominationId, nominationId))
    .orderBy(asc(nominees.position), asc(nominees.id));

/** The nominees of a tờ trình still at `received`, each with its opinion (null when none saved). */
export const receivedWithOpinions = (executor: Executor, nominationId: string) =>
  executor
    .select({ nominee: nominees, appraisal: nomineeAppraisals })
    .from(nominees)
    .leftJoin(nomineeAppraisals, eq(nomineeAppraisals.nomineeId, nominees.id))
    .where(and(eq(nominees.nominationId, nominationId), eq(nominees.status, 'received')))
    .orderBy(asc(nominees.position), asc(nominees.id));

/** The round's year and deadline (the date the verdicts are computed on). */
export async function roundDates(executor: Executor, roundId: string) {
  const [round] = await executor
    .select({ year: awardRounds.year, deadline: awardRounds.deadline })
    .from(awardRounds)
    .where(eq(awardRounds.id, roundId));
  return round ?? null;
}
