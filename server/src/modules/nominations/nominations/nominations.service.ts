import { eq } from 'drizzle-orm';
import type {
  CreateNominationBody,
  NominationMove,
  NominationQuery,
  NominationStatus,
  NomineeInput,
  UpdateNominationBody,
} from '#contracts/nominees.ts';
import { resolveScope, type Scope, scopeCondition } from '#server/modules/organisation/index.ts';
import { recordAudit } from '#server/platform/audit/audit.ts';
import { isAdmin } from '#server/platform/auth/policy.ts';
import type { Database, Executor } from '#server/platform/db/client.ts';
import { nominations, nominees, units } from '#server/platform/db/schema.ts';
import { atVersion, nextVersion, versionedRow } from '#server/platform/db/versioning.ts';
import type { FileStore } from '#server/platform/files/file-store.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { newSources, releaseSources } from '../consolidation/consolidation-links.ts';
import { detachNomineeFiles, reattachNomineeFiles, removeNominationFiles } from '../dossier/nominee-files.ts';
import { inScope, READ_ROLES, WRITE_ROLES } from '../nominations.policy.ts';
import { type Caller, getVisibleRound } from '../rounds/rounds.service.ts';
import { nextNominationStatus, nominationMoves, type Side } from '../workflow/nomination-workflow.ts';
import { vietnamToday } from '../working-days/vietnam-date.ts';
import { assertNominees } from './decider-tier.ts';
import {
  findNomination,
  insertNominees,
  listNominations,
  type NominationWithNames,
  subjectPaths,
} from './nominations.repo.ts';

export const NOMINATION = { subject: 'Tờ trình này', notFound: 'Không tìm thấy tờ trình.' };

/** The sides of a tờ trình the caller acts for: its proposing unit's officers, the receiving level's. */
export function sidesOf(caller: Caller, writeScope: Scope, row: NominationWithNames): Side[] {
  const receiver = inScope(writeScope, row.receivingPath);
  const proposer =
    inScope(writeScope, row.unitPath) &&
    (!receiver || row.unitPath === row.receivingPath || isAdmin(caller.principal));
  return [...(proposer ? (['proposer'] as const) : []), ...(receiver ? (['receiver'] as const) : [])];
}

/** The moves the caller may make on a tờ trình now. */
export async function movesFor(
  db: Executor,
  caller: Caller,
  row: NominationWithNames,
): Promise<NominationMove[]> {
  const writeScope = await resolveScope(db, caller.principal, WRITE_ROLES);
  return nominationMoves(row.nomination.status as NominationStatus, sidesOf(caller, writeScope, row));
}

/**
 * A tờ trình the caller sees: the proposing unit's subtree readers and the receiving level's (403
 * OUT_OF_SCOPE otherwise); a draft is the proposing unit's only.
 */
export async function getVisibleNomination(db: Executor, caller: Caller, id: string, lock = false) {
  const row = await findNomination(db, id, lock);
  if (!row) throw new AppError('NOT_FOUND', NOMINATION.notFound);
  const scope = await resolveScope(db, caller.principal, READ_ROLES);
  const proposerSide = inScope(scope, row.unitPath);
  const receiverSide = inScope(scope, row.receivingPath) && row.nomination.status !== 'draft';
  if (!proposerSide && !receiverSide) throw new AppError('OUT_OF_SCOPE');
  return row;
}

/** A page of a round's tờ trình the caller sees. */
export async function searchNominations(
  db: Database,
  caller: Caller,
  roundId: string,
  query: NominationQuery,
) {
  const round = await getVisibleRound(db, caller, roundId);
  const scope = await resolveScope(db, caller.principal, READ_ROLES);
  // The receiving level sees every tờ trình sent to it; a lower level only its subtree's.
  const visible = inScope(scope, round.unitPath) ? undefined : scopeCondition(scope, units.path);
  return listNominations(db, roundId, visible, query);
}

const linkRefused = () =>
  new AppError(
    'VALIDATION_FAILED',
    'Chỉ liên kết được với đối tượng của cấp dưới bằng chức năng “Tổng hợp từ cấp dưới”.',
    [{ path: 'nominees', message: 'Liên kết tổng hợp không hợp lệ' }],
  );

/** The sources of a tờ trình's consolidated nominees (lower levels' nominees they were copied from). */
async function sourcesOf(db: Executor, nominationId: string) {
  const rows = await db
    .select({ source: nominees.sourceNomineeId })
    .from(nominees)
    .where(eq(nominees.nominationId, nominationId));
  return rows.map((row) => row.source);
}

/** Checks the proposer may send to the round and that every nominee lies in its subtree. */
async function assertProposal(db: Executor, unitPath: string, list: readonly NomineeInput[]) {
  const paths = await subjectPaths(db, list);
  list.forEach((nominee, index) => {
    const id =
      nominee.subject === 'individual'
        ? nominee.personId
        : nominee.subject === 'collective'
          ? nominee.unitId
          : null;
    if (!id) return;
    const path = paths.get(id);
    if (!path?.startsWith(unitPath))
      throw new AppError('VALIDATION_FAILED', 'Đối tượng đề nghị không thuộc đơn vị lập tờ trình.', [
        {
          path: `nominees.${index}.${nominee.subject === 'individual' ? 'personId' : 'unitId'}`,
          message: 'Không thuộc đơn vị lập tờ trình',
        },
      ]);
  });
}

/** Drafts a tờ trình of a unit the caller is an officer of, to a round received above (or at) it. */
export async function createNomination(db: Database, caller: Caller, input: CreateNominationBody) {
  const round = await getVisibleRound(db, caller, input.roundId);
  const [unit] = await db.select({ path: units.path }).from(units).where(eq(units.id, input.proposingUnitId));
  if (!unit) throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị.');
  const writeScope = await resolveScope(db, caller.principal, WRITE_ROLES);
  if (!inScope(writeScope, unit.path)) throw new AppError('OUT_OF_SCOPE');
  if (!unit.path.startsWith(round.unitPath))
    throw new AppError(
      'VALIDATION_FAILED',
      'Đơn vị lập tờ trình không thuộc cấp nhận tờ trình của đợt này.',
      [{ path: 'proposingUnitId', message: 'Không thuộc cấp nhận tờ trình' }],
    );
  const deciderTier = assertNominees(input.nominees, vietnamToday());
  await assertProposal(db, unit.path, input.nominees);
  if (input.nominees.some((nominee) => nominee.sourceNomineeId)) throw linkRefused();
  return db.transaction(async (tx) => {
    const [nomination] = await tx
      .insert(nominations)
      .values({
        roundId: input.roundId,
        proposingUnitId: input.proposingUnitId,
        title: input.title,
        deciderTier,
        createdBy: caller.actor.userId,
        updatedBy: caller.actor.userId,
      })
      .returning();
    if (!nomination) throw new Error('insert returned no row');
    const rows = await insertNominees(tx, nomination.id, input.nominees);
    await recordAudit(tx, caller.actor, {
      action: 'nomination.create',
      entityType: 'nomination',
      entityId: nomination.id,
      after: { ...nomination, nominees: rows },
    });
    return nomination;
  });
}

/** Changes a draft or returned tờ trình (title, whole nominee list) at the loaded version. */
export async function updateNomination(
  db: Database,
  files: FileStore,
  caller: Caller,
  id: string,
  input: UpdateNominationBody,
) {
  const row = await getVisibleNomination(db, caller, id);
  if (!(await movesFor(db, caller, row)).includes('edit')) {
    nextNominationStatus(row.nomination.status as NominationStatus, 'edit');
    throw new AppError('OUT_OF_SCOPE');
  }
  const deciderTier = input.nominees
    ? assertNominees(input.nominees, vietnamToday())
    : row.nomination.deciderTier;
  if (input.nominees) await assertProposal(db, row.unitPath, input.nominees);
  const proposedSources = input.nominees?.map((nominee) => nominee.sourceNomineeId) ?? [];
  if (newSources(await sourcesOf(db, id), proposedSources).length) throw linkRefused();
  let orphanFiles: string[] = [];
  const result = await db.transaction(async (tx) => {
    const updated = await tx
      .update(nominations)
      .set({
        title: input.title ?? row.nomination.title,
        deciderTier,
        ...nextVersion(nominations, caller.actor),
      })
      .where(atVersion(nominations, id, input.version))
      .returning();
    const nomination = await versionedRow(tx, updated, nominations, id, NOMINATION);
    let after: unknown = nomination;
    if (input.nominees) {
      const detached = await detachNomineeFiles(tx, id);
      const removed = await tx.delete(nominees).where(eq(nominees.nominationId, id)).returning();
      const added = await insertNominees(tx, id, input.nominees);
      orphanFiles = await reattachNomineeFiles(tx, caller.actor, detached, added);
      const kept = new Set(proposedSources);
      const dropped = removed.flatMap((nominee) =>
        nominee.sourceNomineeId && !kept.has(nominee.sourceNomineeId) ? [nominee.sourceNomineeId] : [],
      );
      await releaseSources(tx, caller.actor, dropped);
      after = { ...nomination, nominees: added, removedNominees: removed.length };
    }
    await recordAudit(tx, caller.actor, {
      action: 'nomination.update',
      entityType: 'nomination',
      entityId: id,
      before: row.nomination,
      after,
    });
    return nomination;
  });
  // Only once committed: a rolled-back change must not lose a file.
  await files.delete(db, orphanFiles);
  return result;
}

/** Deletes a draft tờ trình never submitted, with its nominees (one audit event with them). */
export async function deleteNomination(
  db: Database,
  files: FileStore,
  caller: Caller,
  id: string,
  version: number,
) {
  const row = await getVisibleNomination(db, caller, id);
  if (!(await movesFor(db, caller, row)).includes('delete')) {
    nextNominationStatus(row.nomination.status as NominationStatus, 'delete');
    throw new AppError('OUT_OF_SCOPE');
  }
  const removedFiles = await db.transaction(async (tx) => {
    const stale = await tx
      .select({ version: nominations.version })
      .from(nominations)
      .where(atVersion(nominations, id, version));
    await versionedRow(tx, stale, nominations, id, NOMINATION);
    const fileIds = await removeNominationFiles(tx, caller.actor, id);
    const removed = await tx.delete(nominees).where(eq(nominees.nominationId, id)).returning();
    await tx.delete(nominations).where(eq(nominations.id, id));
    await releaseSources(
      tx,
      caller.actor,
      removed.flatMap((nominee) => (nominee.sourceNomineeId ? [nominee.sourceNomineeId] : [])),
    );
    await recordAudit(tx, caller.actor, {
      action: 'nomination.delete',
      entityType: 'nomination',
      entityId: id,
      before: { ...row.nomination, nominees: removed },
    });
    return fileIds;
  });
  await files.delete(db, removedFiles);
}
