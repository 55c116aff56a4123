import { assertNoticeSettled } from '#server/modules/public-notice/index.ts';
import type { ActorContext } from '#server/platform/audit/audit.ts';
import type { Executor } from '#server/platform/db/client.ts';

/** What a check before issuing sees: the decision and the nominees its list came from. */
export interface PreIssueContext {
  decisionId: string;
  /** Nominees linked to the decision's recipients (empty for a list typed by hand). */
  nomineeIds: readonly string[];
  actor: ActorContext;
}

/**
 * A check run inside the issuing transaction, after the decision row is taken and before the number
 * is taken and the nominees move to decided; it refuses by throwing an AppError (nothing is stored).
 */
export type PreIssueCheck = (tx: Executor, context: PreIssueContext) => Promise<void>;

/**
 * The checks every issue runs, in order: the public notice of the nominees whose award requires one
 * has ended and every comment of the public was answered (NĐ 152/2025 Đ44 k2).
 */
export const preIssueChecks: PreIssueCheck[] = [(tx, { nomineeIds }) => assertNoticeSettled(tx, nomineeIds)];

/** Runs every pre-issue check in order (the first refusal stops the issue). */
export async function runPreIssueChecks(tx: Executor, context: PreIssueContext): Promise<void> {
  for (const check of preIssueChecks) await check(tx, context);
}
