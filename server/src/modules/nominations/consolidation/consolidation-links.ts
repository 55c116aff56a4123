import type { ActorContext } from '#server/platform/audit/audit.ts';
import type { Executor } from '#server/platform/db/client.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { FORWARDED } from '../workflow/nomination-workflow.ts';
import { moveNominees } from '../workflow/nominee-moves.ts';
import { hasForwardedNominees } from './consolidation.repo.ts';

/**
 * When an upper tờ trình's consolidated nominees are taken out (its list saved without them, or the
 * draft deleted), their sources go back to received at the lower level, audited as `nominee.unforward`.
 */
export async function releaseSources(tx: Executor, actor: ActorContext, sourceIds: readonly string[]) {
  if (!sourceIds.length) return;
  await moveNominees(tx, actor, {
    nomineeIds: sourceIds,
    from: [FORWARDED],
    to: 'received',
    action: 'nominee.unforward',
    refusal: 'Đối tượng tổng hợp từ cấp dưới đã đổi trạng thái; vui lòng tải lại tờ trình.',
  });
}

/** Sources a list of nominees names that the tờ trình did not already hold (a link is made only by consolidating). */
export function newSources(
  kept: readonly (string | null)[],
  proposed: readonly (string | null | undefined)[],
) {
  const known = new Set(kept.filter(Boolean));
  return proposed.filter((source): source is string => Boolean(source) && !known.has(source as string));
}

/** For the lower level's return: refused (409) once a nominee of the tờ trình went into an upper one. */
export async function assertNothingForwarded(executor: Executor, nominationId: string) {
  if (await hasForwardedNominees(executor, nominationId))
    throw new AppError(
      'CONFLICT',
      'Đã có đối tượng của tờ trình này được tổng hợp lên cấp trên; không trả lại tờ trình được.',
    );
}
