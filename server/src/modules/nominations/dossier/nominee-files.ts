import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { type ActorContext, recordAudit } from '#server/platform/audit/audit.ts';
import type { Executor } from '#server/platform/db/client.ts';
import { nominationFiles, nominees, storedFiles } from '#server/platform/db/schema.ts';

type NomineeKey = Pick<
  typeof nominees.$inferSelect,
  'subject' | 'personId' | 'unitId' | 'householdName' | 'awardCode'
>;
const who = (nominee: NomineeKey) =>
  `${nominee.subject}|${nominee.personId ?? nominee.unitId ?? nominee.householdName ?? ''}`;
const whoAndAward = (nominee: NomineeKey) => `${who(nominee)}|${nominee.awardCode}`;

/** A nominee's file held aside while the tờ trình's nominee list is replaced. */
export type DetachedFile = { id: string; key: string; keyWithAward: string };

/**
 * Before a tờ trình's nominees are replaced: unties their files from the rows about to go (so the
 * rows can be removed) and remembers whom each was for.
 */
export async function detachNomineeFiles(tx: Executor, nominationId: string): Promise<DetachedFile[]> {
  const rows = await tx
    .select({ id: nominationFiles.id, nominee: nominees })
    .from(nominationFiles)
    .innerJoin(nominees, eq(nominees.id, nominationFiles.nomineeId))
    .where(eq(nominationFiles.nominationId, nominationId));
  if (!rows.length) return [];
  await tx
    .update(nominationFiles)
    .set({ nomineeId: null })
    .where(and(eq(nominationFiles.nominationId, nominationId), isNotNull(nominationFiles.nomineeId)));
  return rows.map((row) => ({ id: row.id, key: who(row.nominee), keyWithAward: whoAndAward(row.nominee) }));
}

/**
 * After: gives each file to the new nominee for the same person, unit or household (the same award
 * first); the files of nominees no longer on the list are removed, each audited. Returns the stored
 * files to delete from the file store once the transaction has committed.
 */
export async function reattachNomineeFiles(
  tx: Executor,
  actor: ActorContext,
  detached: readonly DetachedFile[],
  added: readonly (NomineeKey & { id: string })[],
) {
  if (!detached.length) return [];
  const byAward = new Map(added.map((nominee) => [whoAndAward(nominee), nominee.id]));
  const byWho = new Map(added.map((nominee) => [who(nominee), nominee.id]));
  const orphans: string[] = [];
  for (const file of detached) {
    const target = byAward.get(file.keyWithAward) ?? byWho.get(file.key);
    if (target)
      await tx.update(nominationFiles).set({ nomineeId: target }).where(eq(nominationFiles.id, file.id));
    else orphans.push(file.id);
  }
  return orphans.length ? removeFiles(tx, actor, inArray(nominationFiles.id, orphans)) : [];
}

async function removeFiles(tx: Executor, actor: ActorContext, where: ReturnType<typeof eq>) {
  const removed = await tx.delete(nominationFiles).where(where).returning();
  if (!removed.length) return [];
  const fileIds = removed.map((row) => row.fileId);
  const bytes = await tx
    .select({ id: storedFiles.id, fileName: storedFiles.fileName, size: storedFiles.size })
    .from(storedFiles)
    .where(inArray(storedFiles.id, fileIds));
  for (const row of removed) {
    const stored = bytes.find((file) => file.id === row.fileId);
    await recordAudit(tx, actor, {
      action: 'nomination_file.delete',
      entityType: 'nomination_file',
      entityId: row.id,
      before: { ...row, fileName: stored?.fileName ?? null, size: stored?.size ?? null },
      reason: 'Đối tượng không còn trong tờ trình, hoặc tờ trình bị xóa',
    });
  }
  return fileIds;
}

/**
 * Removes every file of a tờ trình's dossier (when the draft tờ trình itself is deleted), each audited;
 * returns the stored files to delete from the file store once the transaction has committed.
 */
export function removeNominationFiles(tx: Executor, actor: ActorContext, nominationId: string) {
  return removeFiles(tx, actor, eq(nominationFiles.nominationId, nominationId));
}
