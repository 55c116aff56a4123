import { and, eq, isNull, sql } from 'drizzle-orm';
import type { BlocMeetingView } from '#contracts/bloc-scoring-meeting.ts';
import { selectRows } from '#server/modules/organisation/sql-rows.ts';
import { recordAudit } from '#server/platform/audit/audit.ts';
import type { Database, Executor } from '#server/platform/db/client.ts';
import { blocMembers, blocs, scoringPublications } from '#server/platform/db/schema.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import type { Caller } from '../bloc-scoring.policy.ts';
import { blocFor } from '../ranking/ranking.service.ts';
import { quotaLimit } from './meeting-rules.ts';

/** A bloc's published meeting with the names of the member units it mentions (the members in their stable order). */
export async function readMeeting(db: Executor, tableId: string, blocId: string) {
  const [publication] = await db
    .select()
    .from(scoringPublications)
    .where(and(eq(scoringPublications.tableId, tableId), eq(scoringPublications.blocId, blocId)));
  const members = await selectRows<{ unitId: string; unitName: string; role: string }>(
    db,
    sql`select m.unit_id as "unitId", u.name as "unitName", m.role from bloc_members m join units u on u.id = m.unit_id
      where m.bloc_id = ${blocId} order by m.position, u.name`,
  );
  return { publication: publication ?? null, members };
}

/** The meeting's record of a bloc: present units, proposals, quotas with this bloc's limits, next year's head and deputy. */
export async function getMeeting(
  db: Executor,
  caller: Caller,
  tableId: string,
  blocId: string,
): Promise<BlocMeetingView> {
  const { table, access, canPublish } = await blocFor(db, caller, tableId, blocId);
  const { publication, members } = await readMeeting(db, tableId, blocId);
  const part = access.parts.get(blocId);
  const officer = access.isManager || canPublish || !!part?.isSupervisor;
  const name = new Map(members.map((member) => [member.unitId, member.unitName]));
  const ref = (unitId: string | null) => (unitId ? { unitId, unitName: name.get(unitId) ?? '' } : null);
  const actions: BlocMeetingView['actions'] = [];
  if (publication && officer) actions.push('minutes');
  if (publication?.proposals.length && officer) actions.push('proposal');
  if (publication?.nextHeadUnitId && !publication.nextBlocId && access.isManager) {
    const [taken] = await selectRows<{ id: string }>(
      db,
      sql`select n.id from blocs b join blocs n on n.council_id = b.council_id and n.year = b.year + 1 and n.name = b.name
        where b.id = ${blocId}`,
    );
    if (!taken) actions.push('create_next_bloc');
  }
  return {
    tableId,
    blocId,
    published: !!publication,
    present: (publication?.presentUnitIds ?? []).map((id) => ref(id) as { unitId: string; unitName: string }),
    proposals: (publication?.proposals ?? []).map((proposal) => ({
      ...(ref(proposal.unitId) as { unitId: string; unitName: string }),
      award: proposal.award,
    })),
    quotas: table.table.quotas.map((quota) => ({ ...quota, limit: quotaLimit(quota, members.length) })),
    nextHead: ref(publication?.nextHeadUnitId ?? null),
    nextDeputy: ref(publication?.nextDeputyUnitId ?? null),
    nextBlocId: publication?.nextBlocId ?? null,
    actions,
  };
}

/**
 * Creates next year's bloc from a published meeting: same council, name, kind, supervisor and members
 * in the same order, with the head and deputy the meeting chose (everyone else an ordinary member).
 * Only the table's managers; 409 when the meeting chose no head, or that bloc exists already.
 */
export async function createNextBloc(db: Database, caller: Caller, tableId: string, blocId: string) {
  const { access } = await blocFor(db, caller, tableId, blocId);
  if (!access.isManager) throw new AppError('OUT_OF_SCOPE');
  const { publication, members } = await readMeeting(db, tableId, blocId);
  if (!publication?.nextHeadUnitId)
    throw new AppError('CONFLICT', 'Kết quả họp khối/cụm chưa công bố hoặc chưa chọn khối trưởng năm sau.');
  const [bloc] = await db.select().from(blocs).where(eq(blocs.id, blocId));
  if (!bloc) throw new AppError('NOT_FOUND', 'Không tìm thấy khối/cụm thi đua.');
  const year = bloc.year + 1;
  const exists = () =>
    new AppError('CONFLICT', `Năm ${year} đã có khối/cụm "${bloc.name}" của Hội đồng; không lập lại.`);
  const { nextHeadUnitId, nextDeputyUnitId } = publication;
  const roles = members.map((member, index) => ({
    unitId: member.unitId,
    position: index + 1,
    role:
      member.unitId === nextHeadUnitId ? 'head' : member.unitId === nextDeputyUnitId ? 'deputy' : 'member',
  }));
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(blocs)
      .values({
        councilId: bloc.councilId,
        year,
        name: bloc.name,
        kind: bloc.kind,
        supervisorMemberId: bloc.supervisorMemberId,
      })
      .onConflictDoNothing()
      .returning();
    if (!created) throw exists();
    if (roles.length)
      await tx.insert(blocMembers).values(roles.map((role) => ({ ...role, blocId: created.id })));
    const linked = await tx
      .update(scoringPublications)
      .set({ nextBlocId: created.id })
      .where(and(eq(scoringPublications.id, publication.id), isNull(scoringPublications.nextBlocId)))
      .returning({ id: scoringPublications.id });
    if (!linked.length) throw exists();
    await recordAudit(tx, caller.actor, {
      action: 'bloc.create',
      entityType: 'bloc',
      entityId: created.id,
      after: { ...created, members: roles },
      reason: 'Lập theo kết quả họp khối/cụm năm trước',
    });
    await recordAudit(tx, caller.actor, {
      action: 'scoring_bloc.next_bloc',
      entityType: 'scoring_table',
      entityId: tableId,
      after: { blocId, nextBlocId: created.id, year, nextHeadUnitId, nextDeputyUnitId },
    });
    return { blocId: created.id, year, name: created.name };
  });
}
