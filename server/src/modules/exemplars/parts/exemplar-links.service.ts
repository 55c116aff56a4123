import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { ReplicationBody } from '#contracts/exemplars.ts';
import { recordAudit } from '#server/platform/audit/audit.ts';
import type { Database } from '#server/platform/db/client.ts';
import {
  awardsReceived,
  exemplarAwards,
  exemplarReplications,
  persons,
  units,
} from '#server/platform/db/schema.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { getAllowedExemplar, removeExemplarPart } from '../exemplar-access.ts';
import type { Caller } from '../exemplars.policy.ts';
import { bumpExemplar, type ExemplarRow } from '../exemplars.repo.ts';
import { awardColumns, awardNameOf } from '../records/exemplar-view.ts';

const invalid = (path: string, message: string) =>
  new AppError('VALIDATION_FAILED', message, [{ path, message }]);

/** Records a unit that replicated the exemplar, on a day not before its discovery; audited. */
export async function addReplication(db: Database, caller: Caller, id: string, body: ReplicationBody) {
  const row = await getAllowedExemplar(db, caller, id, 'replications');
  const [unit] = await db.select({ name: units.name }).from(units).where(eq(units.id, body.unitId));
  if (!unit) throw invalid('unitId', 'Không tìm thấy đơn vị đã chọn.');
  if (body.replicatedOn < row.exemplar.discoveredOn)
    throw invalid('replicatedOn', 'Ngày nhân rộng không được trước ngày phát hiện điển hình.');
  const [existing] = await db
    .select({ id: exemplarReplications.id })
    .from(exemplarReplications)
    .where(and(eq(exemplarReplications.exemplarId, id), eq(exemplarReplications.unitId, body.unitId)));
  if (existing) throw new AppError('CONFLICT', `${unit.name} đã được ghi nhận nhân rộng điển hình này.`);
  await db.transaction(async (tx) => {
    await bumpExemplar(tx, caller.actor, id, body.version);
    const [inserted] = await tx
      .insert(exemplarReplications)
      .values({ exemplarId: id, unitId: body.unitId, replicatedOn: body.replicatedOn, note: body.note })
      .returning();
    await recordAudit(tx, caller.actor, {
      action: 'exemplar.replication_add',
      entityType: 'exemplar',
      entityId: id,
      after: {
        replicationId: inserted?.id,
        unitId: body.unitId,
        replicatedOn: body.replicatedOn,
        note: body.note,
      },
    });
  });
}

/** Removes a replicating unit at the exemplar's version; audited. */
export async function removeReplication(
  db: Database,
  caller: Caller,
  id: string,
  replicationId: string,
  version: number,
) {
  await removeExemplarPart(db, caller, id, version, {
    action: 'replications',
    find: async () =>
      (
        await db
          .select()
          .from(exemplarReplications)
          .where(and(eq(exemplarReplications.id, replicationId), eq(exemplarReplications.exemplarId, id)))
      )[0],
    notFound: 'Không tìm thấy đơn vị nhân rộng.',
    remove: (tx) => tx.delete(exemplarReplications).where(eq(exemplarReplications.id, replicationId)),
    audit: 'exemplar.replication_remove',
    before: (found) => ({ replicationId, unitId: found.unitId, replicatedOn: found.replicatedOn }),
  });
}

/** The award records an exemplar may lead to: its person's, its collective's, or (a model) its unit's. */
function subjectAwards(row: ExemplarRow): SQL {
  const { exemplar } = row;
  if (exemplar.personId) return eq(awardsReceived.personId, exemplar.personId);
  return eq(awardsReceived.unitId, exemplar.subjectUnitId ?? exemplar.unitId);
}

/** The latest award records of the exemplar's subject, to link (at most 50, newest year first). */
export async function awardOptions(db: Database, caller: Caller, id: string) {
  const row = await getAllowedExemplar(db, caller, id, 'awards');
  const rows = await db
    .select(awardColumns)
    .from(awardsReceived)
    .leftJoin(persons, eq(persons.id, awardsReceived.personId))
    .leftJoin(units, eq(units.id, awardsReceived.unitId))
    .where(subjectAwards(row))
    .orderBy(desc(awardsReceived.year), desc(awardsReceived.id))
    .limit(50);
  return { items: rows.map((award) => ({ ...award, awardName: awardNameOf(award.awardCode) })) };
}

/** Links an award record of the exemplar's subject to it; audited. */
export async function linkAward(
  db: Database,
  caller: Caller,
  id: string,
  awardReceivedId: string,
  version: number,
) {
  const row = await getAllowedExemplar(db, caller, id, 'awards');
  const [award] = await db
    .select({ id: awardsReceived.id, awardCode: awardsReceived.awardCode, year: awardsReceived.year })
    .from(awardsReceived)
    .where(and(eq(awardsReceived.id, awardReceivedId), subjectAwards(row)));
  if (!award)
    throw invalid('awardReceivedId', 'Khen thưởng đã chọn không phải của cá nhân, tập thể điển hình này.');
  const [existing] = await db
    .select({ id: exemplarAwards.id })
    .from(exemplarAwards)
    .where(and(eq(exemplarAwards.exemplarId, id), eq(exemplarAwards.awardReceivedId, awardReceivedId)));
  if (existing) throw new AppError('CONFLICT', 'Khen thưởng này đã được gắn với điển hình.');
  await db.transaction(async (tx) => {
    await bumpExemplar(tx, caller.actor, id, version);
    const [inserted] = await tx
      .insert(exemplarAwards)
      .values({ exemplarId: id, awardReceivedId })
      .returning();
    await recordAudit(tx, caller.actor, {
      action: 'exemplar.award_link',
      entityType: 'exemplar',
      entityId: id,
      after: { linkId: inserted?.id, awardReceivedId, awardCode: award.awardCode, year: award.year },
    });
  });
}

/** Unlinks an award record from an exemplar at its version; audited. */
export async function unlinkAward(db: Database, caller: Caller, id: string, linkId: string, version: number) {
  await removeExemplarPart(db, caller, id, version, {
    action: 'awards',
    find: async () =>
      (
        await db
          .select()
          .from(exemplarAwards)
          .where(and(eq(exemplarAwards.id, linkId), eq(exemplarAwards.exemplarId, id)))
      )[0],
    notFound: 'Không tìm thấy khen thưởng đã gắn.',
    remove: (tx) => tx.delete(exemplarAwards).where(eq(exemplarAwards.id, linkId)),
    audit: 'exemplar.award_unlink',
    before: (found) => ({ linkId, awardReceivedId: found.awardReceivedId }),
  });
}
