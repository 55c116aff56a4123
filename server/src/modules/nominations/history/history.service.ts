import { and, asc, eq, gt, inArray, notInArray, or } from 'drizzle-orm';
import { auditActionLabel } from '#contracts/audit-labels.ts';
import type { NominationHistoryPage, NominationHistoryQuery } from '#contracts/nomination-history.ts';
import type { Database } from '#server/platform/db/client.ts';
import { decodeCursor, encodeCursor } from '#server/platform/db/keyset.ts';
import { auditEvents } from '#server/platform/db/schema.ts';
import { getDossierNomination } from '../dossier/dossier-access.ts';
import { listNominees } from '../nominations/nominations.repo.ts';
import type { Caller } from '../rounds/rounds.service.ts';

/** Appraisal drafts are working notes, not steps of the tờ trình: left out of its history. */
const HIDDEN = ['nominee.appraisal_save'];

/**
 * The history of a tờ trình the caller may read (as its dossier: 403/404): the audit events of the
 * tờ trình and of its nominees, oldest first, keyset-paged on the audit sequence.
 */
export async function nominationHistory(
  db: Database,
  caller: Caller,
  id: string,
  query: NominationHistoryQuery,
): Promise<NominationHistoryPage> {
  await getDossierNomination(db, caller, id);
  const rows = await listNominees(db, id);
  const names = new Map(
    rows.map((row) => [row.nominee.id, row.personName ?? row.unitName ?? row.nominee.householdName ?? '']),
  );
  const after = query.after ? Number(decodeCursor(query.after, ['number'])[0]) : null;
  const ofNominees = names.size
    ? and(eq(auditEvents.entityType, 'nominee'), inArray(auditEvents.entityId, [...names.keys()]))
    : undefined;
  const events = await db
    .select()
    .from(auditEvents)
    .where(
      and(
        or(and(eq(auditEvents.entityType, 'nomination'), eq(auditEvents.entityId, id)), ofNominees),
        notInArray(auditEvents.action, HIDDEN),
        after === null ? undefined : gt(auditEvents.seq, after),
      ),
    )
    .orderBy(asc(auditEvents.seq))
    .limit(query.limit + 1);
  const page = events.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((event) => ({
      id: String(event.id),
      occurredAt: event.occurredAt.toISOString(),
      action: event.action,
      label: auditActionLabel(event.action),
      actorUsername: event.actorUsername,
      nomineeName: event.entityType === 'nominee' ? (names.get(event.entityId ?? '') ?? null) : null,
      reason: event.reason,
    })),
    next: events.length > query.limit && last ? encodeCursor([last.seq]) : null,
  };
}
