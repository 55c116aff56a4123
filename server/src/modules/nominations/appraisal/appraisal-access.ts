import type { NominationStatus } from '#contracts/nominees.ts';
import { resolveScope } from '#server/modules/organisation/index.ts';
import type { Executor } from '#server/platform/db/client.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import type { NominationWithNames } from '../nominations/nominations.repo.ts';
import { getVisibleNomination, movesFor } from '../nominations/nominations.service.ts';
import { inScope, READ_ROLES } from '../nominations.policy.ts';
import type { Caller } from '../rounds/rounds.service.ts';
import { nextNominationStatus } from '../workflow/nomination-workflow.ts';

/** States in which a tờ trình has been received and can be looked at as appraised or being appraised. */
const PAST_RECEPTION: readonly NominationStatus[] = [
  'received',
  'appraised',
  'in_council',
  'posted',
  'decided',
  'declined',
  'forwarded',
];

/**
 * A tờ trình the caller reads at the receiving level, once received: 403 for anyone who is not of
 * the receiving level (the proposing unit included), 409 before reception.
 */
export async function getAppraisalNomination(db: Executor, caller: Caller, id: string) {
  const row = await getVisibleNomination(db, caller, id);
  const scope = await resolveScope(db, caller.principal, READ_ROLES);
  if (!inScope(scope, row.receivingPath)) throw new AppError('OUT_OF_SCOPE');
  if (!PAST_RECEPTION.includes(row.nomination.status as NominationStatus))
    throw new AppError('CONFLICT', 'Tờ trình chưa được tiếp nhận nên chưa thẩm định được.');
  return row;
}

/** True when the caller may appraise the tờ trình now (a receiving officer, tờ trình received). */
export async function canAppraise(db: Executor, caller: Caller, row: NominationWithNames) {
  return (await movesFor(db, caller, row)).includes('appraise');
}

/**
 * A tờ trình the caller may appraise now: 409 (in Vietnamese) when it is not at `received`, 403
 * when the caller is not an officer of the receiving level.
 */
export async function getAppraisableNomination(db: Executor, caller: Caller, id: string) {
  const row = await getVisibleNomination(db, caller, id);
  nextNominationStatus(row.nomination.status as NominationStatus, 'appraise');
  if (!(await canAppraise(db, caller, row))) throw new AppError('OUT_OF_SCOPE');
  return row;
}
