import { eq, sql } from 'drizzle-orm';
import type { PublishBody, RankingView } from '#contracts/bloc-scoring.ts';
import { recordAudit } from '#server/platform/audit/audit.ts';
import type { Database, Executor } from '#server/platform/db/client.ts';
import { scoringPublications, scoringResults } from '#server/platform/db/schema.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { type Caller, tableAccess } from '../bloc-scoring.policy.ts';
import { bumpTable, getTableRow, listTableBlocs, type TableRow } from '../bloc-scoring.repo.ts';
import { checkMeeting, type MeetingInput } from '../meeting/meeting-rules.ts';
import { rankUnits } from '../scoring/ranking.ts';
import { loadBlocScores, pointsByCode, womenShares } from './bloc-data.ts';

/** The table, one of its blocs and the caller's part in it; 403 unless they may see the ranking. */
export async function blocFor(db: Executor, caller: Caller, tableId: string, blocId: string) {
  const table = await getTableRow(db, tableId);
  const blocs = await listTableBlocs(db, table.table);
  const bloc = blocs.find((row) => row.blocId === blocId);
  if (!bloc) throw new AppError('NOT_FOUND', 'Bảng tiêu chí này không chấm khối/cụm đã chọn.');
  const access = await tableAccess(db, caller.principal, table, [bloc]);
  const part = access.parts.get(blocId);
  const seesAll = access.isManager || !!part?.isHead || !!part?.isSupervisor;
  if (!(seesAll || (bloc.published && part?.memberUnitIds.length))) throw new AppError('OUT_OF_SCOPE');
  return { table, bloc, access, canPublish: access.isManager || !!part?.isHead };
}

/** Ranks a bloc's members from their live totals with the table's tie-break chain and the votes given. */
export async function computeRanking(
  db: Executor,
  table: TableRow,
  blocId: string,
  votes: ReadonlyMap<string, number>,
) {
  const scores = await loadBlocScores(db, table.table.id, blocId);
  const shares = await womenShares(
    db,
    scores.sheets.map((sheet) => sheet.unitId),
  );
  const { ranked, unresolved } = rankUnits(
    scores.sheets.map((sheet) => {
      const unit = scores.scores.get(sheet.unitId);
      return {
        unitId: sheet.unitId,
        total: unit?.total ?? 0,
        pointsByCode: pointsByCode(scores.criteria, unit?.points ?? new Map()),
        womenShare: shares.get(sheet.unitId) ?? null,
        votes: votes.get(sheet.unitId) ?? null,
      };
    }),
    table.table.tieBreak,
    table.table.leadingCount,
  );
  const sheetOf = new Map(scores.sheets.map((sheet) => [sheet.unitId, sheet]));
  return { ranked, unresolved, sheetOf };
}

/** A bloc's ranking: live while scoring runs (head, supervisor, managers), the published one after (every member too). */
export async function getRanking(
  db: Database,
  caller: Caller,
  tableId: string,
  blocId: string,
): Promise<RankingView> {
  const { table, bloc } = await blocFor(db, caller, tableId, blocId);
  const [publication] = await db
    .select()
    .from(scoringPublications)
    .where(sql`${scoringPublications.tableId} = ${tableId} and ${scoringPublications.blocId} = ${blocId}`);
  const votes = new Map(Object.entries(publication?.votes ?? {}));
  const { ranked, unresolved, sheetOf } = await computeRanking(db, table, blocId, votes);
  const stored = publication
    ? new Map(
        (await db.select().from(scoringResults).where(eq(scoringResults.publicationId, publication.id))).map(
          (row) => [row.unitId, row],
        ),
      )
    : null;
  const rows = ranked.map((row) => {
    const kept = stored?.get(row.unitId);
    const sheet = sheetOf.get(row.unitId);
    return {
      unitId: row.unitId,
      unitName: sheet?.unitName ?? '',
      total: kept?.total ?? row.total,
      rank: kept?.rank ?? row.rank,
      isLeading: kept?.isLeading ?? row.isLeading,
      decidedBy: kept ? (kept.decidedBy ?? null) : row.decidedBy,
      votes: votes.get(row.unitId) ?? null,
      sheetStatus: sheet?.status ?? 'self_assessment',
    };
  });
  if (stored) rows.sort((a, b) => a.rank - b.rank);
  return {
    tableId,
    blocId,
    blocName: bloc.name,
    tableVersion: table.table.version,
    published: !!publication,
    publishedAt: publication?.publishedAt.toISOString() ?? null,
    unresolved: stored ? false : unresolved,
    rows,
  };
}

/**
 * Publishes a bloc's result: every sheet must be final and the ranking settled (a tie across the
 * leading places needs the meeting's votes). Stores each unit's total, rank and leading flag, locks
 * the bloc's sheets, and marks the table published once every bloc is. The table's version is raised.
 * The meeting's record (present units, proposals within the table's quotas, next year's head and
 * deputy) is checked and stored with it.
 */
export async function publishBloc(
  db: Database,
  caller: Caller,
  tableId: string,
  blocId: string,
  body: PublishBody & Partial<MeetingInput>,
) {
  const { table, canPublish } = await blocFor(db, caller, tableId, blocId);
  if (!canPublish) throw new AppError('OUT_OF_SCOPE');
  if (table.status !== 'open')
    throw new AppError('CONFLICT', 'Chỉ công bố được kết quả khi bảng tiêu chí đang chấm điểm.');
  const votes = new Map(body.votes.map((vote) => [vote.unitId, vote.votes]));
  const { ranked, unresolved, sheetOf } = await computeRanking(db, table, blocId, votes);
  for (const unitId of votes.keys())
    if (!sheetOf.has(unitId))
      throw new AppError('VALIDATION_FAILED', 'Phiếu bầu có đơn vị không thuộc khối/cụm.', [
        { path: 'votes', message: 'Đơn vị không thuộc khối/cụm' },
      ]);
  const open = [...sheetOf.values()].filter((sheet) => sheet.status !== 'final');
  if (open.length)
    throw new AppError(
      'CONFLICT',
      `Còn ${open.length} đơn vị chưa chốt điểm: ${open.map((sheet) => sheet.unitName).join(', ')}.`,
    );
  if (unresolved)
    throw new AppError(
      'CONFLICT',
      'Có đơn vị bằng điểm ở vị trí dẫn đầu mà tiêu chí phụ chưa phân định: cần nhập kết quả biểu quyết của khối/cụm.',
    );
  const meeting: MeetingInput = {
    presentUnitIds: [...new Set(body.presentUnitIds ?? [])],
    proposals: body.proposals ?? [],
    nextHeadUnitId: body.nextHeadUnitId ?? null,
    nextDeputyUnitId: body.nextDeputyUnitId ?? null,
  };
  checkMeeting(
    meeting,
    new Set(sheetOf.keys()),
    new Set(ranked.filter((row) => row.isLeading).map((row) => row.unitId)),
    table.table.quotas,
  );
  await db.transaction(async (tx) => {
    const [publication] = await tx
      .insert(scoringPublications)
      .values({
        tableId,
        blocId,
        votes: Object.fromEntries(votes),
        note: body.note.trim(),
        presentUnitIds: [...meeting.presentUnitIds],
        proposals: [...meeting.proposals],
        nextHeadUnitId: meeting.nextHeadUnitId,
        nextDeputyUnitId: meeting.nextDeputyUnitId,
        publishedBy: caller.actor.userId,
      })
      .onConflictDoNothing()
      .returning();
    if (!publication) throw new AppError('CONFLICT', 'Kết quả của khối/cụm này đã được công bố.');
    await tx.insert(scoringResults).values(
      ranked.map((row) => ({
        publicationId: publication.id,
        unitId: row.unitId,
        year: table.table.year,
        total: row.total,
        rank: row.rank,
        isLeading: row.isLeading,
        decidedBy: row.decidedBy,
      })),
    );
    const [left] = (
      (await tx.execute(sql`select count(*)::int as n from blocs b
        where ${table.table.blocId ? sql`b.id = ${table.table.blocId}` : sql`b.council_id = ${table.table.councilId} and b.year = ${table.table.year}`}
          and not exists (select 1 from scoring_publications p where p.table_id = ${tableId} and p.bloc_id = b.id)`)) as unknown as {
        rows: { n: number }[];
      }
    ).rows;
    await bumpTable(
      tx,
      caller.actor,
      tableId,
      body.version,
      'open',
      Number(left?.n) ? {} : { status: 'published' },
    );
    await recordAudit(tx, caller.actor, {
      action: 'scoring_bloc.publish',
      entityType: 'scoring_table',
      entityId: tableId,
      after: {
        blocId,
        votes: Object.fromEntries(votes),
        leading: ranked.filter((row) => row.isLeading).map((row) => row.unitId),
        results: ranked.map((row) => ({ unitId: row.unitId, total: row.total, rank: row.rank })),
        ...meeting,
      },
    });
  });
}
