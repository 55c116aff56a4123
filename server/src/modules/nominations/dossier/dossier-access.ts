import type { Role } from '#contracts/auth.ts';
import type { NominationStatus } from '#contracts/nominees.ts';
import { resolveScope } from '#server/modules/organisation/index.ts';
import type { Executor } from '#server/platform/db/client.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { findNomination, type NominationWithNames } from '../nominations/nominations.repo.ts';
import { NOMINATION, sidesOf } from '../nominations/nominations.service.ts';
import { inScope, WRITE_ROLES } from '../nominations.policy.ts';
import type { Caller } from '../rounds/rounds.service.ts';

/**
 * Who reads a dossier: officers, heads and council members of the proposing unit's subtree and of
 * the receiving level (staff see the tờ trình, not the files of people's records).
 */
export const DOSSIER_READ_ROLES: readonly Role[] = ['tdkt_officer', 'unit_head', 'council_member'];
/** States in which the proposing unit adds and removes files. */
const EDITABLE: readonly NominationStatus[] = ['draft', 'returned'];

/**
 * A tờ trình whose dossier the caller may read (404 when there is none, 403 OUT_OF_SCOPE when the
 * caller is neither of the proposing unit's subtree nor of the receiving level; a draft is the
 * proposing unit's only).
 */
export async function getDossierNomination(db: Executor, caller: Caller, id: string, lock = false) {
  const row = await findNomination(db, id, lock);
  if (!row) throw new AppError('NOT_FOUND', NOMINATION.notFound);
  const scope = await resolveScope(db, caller.principal, DOSSIER_READ_ROLES);
  const proposer = inScope(scope, row.unitPath);
  const receiver = inScope(scope, row.receivingPath) && row.nomination.status !== 'draft';
  if (!proposer && !receiver) throw new AppError('OUT_OF_SCOPE');
  return row;
}

/** Whether the caller acts for the proposing unit (officer of its subtree). */
async function isProposer(db: Executor, caller: Caller, row: NominationWithNames) {
  const writeScope = await resolveScope(db, caller.principal, WRITE_ROLES);
  return sidesOf(caller, writeScope, row).includes('proposer');
}

/** Whether the caller may add and remove files now: the proposing unit, while draft or returned. */
export async function canEditDossier(db: Executor, caller: Caller, row: NominationWithNames) {
  return EDITABLE.includes(row.nomination.status as NominationStatus) && (await isProposer(db, caller, row));
}

/** Refuses a change of the dossier: 403 to anyone but the proposing unit, 409 once the tờ trình is sent. */
export async function assertDossierEditable(db: Executor, caller: Caller, row: NominationWithNames) {
  if (!(await isProposer(db, caller, row))) throw new AppError('OUT_OF_SCOPE');
  if (!EDITABLE.includes(row.nomination.status as NominationStatus))
    throw new AppError(
      'CONFLICT',
      'Chỉ thêm, xóa tệp hồ sơ khi tờ trình đang soạn hoặc bị cấp trên trả lại.',
    );
}
