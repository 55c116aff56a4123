import { asc, eq, inArray, sql } from 'drizzle-orm';
import type {
  EntryBody,
  Figures,
  ScoreStage,
  ScoringSheetView,
  SheetStatus,
} from '#contracts/bloc-scoring.ts';
import { SHEET_EVENTS_MAX } from '#contracts/bloc-scoring.ts';
import { completionRatio } from '#contracts/bloc-scoring-math.ts';
import { selectRows } from '#server/modules/organisation/sql-rows.ts';
import { recordAudit } from '#server/platform/audit/audit.ts';
import type { Database, Executor } from '#server/platform/db/client.ts';
import { scoringEntries, scoringEvents, scoringEvidence, scoringSheets } from '#server/platform/db/schema.ts';
import { atVersion, nextVersion, versionedRow } from '#server/platform/db/versioning.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import type { Caller } from '../bloc-scoring.policy.ts';
import { listCriteria, SHEET } from '../bloc-scoring.repo.ts';
import { type BlocScores, loadBlocScores } from '../ranking/bloc-data.ts';
import { stepOf, writeEntryStep } from './entry-write.ts';
import { sheetFor } from './sheet-access.ts';

/** A unit's whole scoring sheet: every criterion with its target, figures, live points and history. */
export async function getSheetView(db: Database, caller: Caller, id: string): Promise<ScoringSheetView> {
  const context = await sheetFor(db, caller, id, 'read');
  const { sheet, table, bloc, access } = context;
  const scores = await loadBlocScores(db, table.table.id, sheet.blocId);
  const mine = scores.scores.get(sheet.unitId);
  const entries = await db.select().from(scoringEntries).where(eq(scoringEntries.sheetId, id));
  const [events, evidence] = await Promise.all([
    latestEvents(db, id),
    entries.length
      ? db
          .select({
            id: scoringEvidence.id,
            entryId: scoringEvidence.entryId,
            fileName: scoringEvidence.fileName,
          })
          .from(scoringEvidence)
          .where(
            inArray(
              scoringEvidence.entryId,
              entries.map((entry) => entry.id),
            ),
          )
          .orderBy(asc(scoringEvidence.createdAt))
      : [],
  ]);
  const selfScores = await latestSelfScores(db, id);
  const entryOf = new Map(entries.map((entry) => [entry.criterionId, entry]));
  const targets = scores.targets.get(sheet.unitId);
  const othersBest = othersBestRatios(scores, sheet.unitId, access.seesAll || bloc.published);
  return {
    id,
    tableId: table.table.id,
    tableName: table.table.name,
    year: table.table.year,
    blocId: sheet.blocId,
    blocName: bloc.name,
    unitId: sheet.unitId,
    unitName: scores.sheets.find((row) => row.id === id)?.unitName ?? '',
    status: sheet.status,
    total: mine?.total ?? 0,
    rows: scores.criteria.map((criterion) => {
      const entry = entryOf.get(criterion.id);
      const history = entry ? events.filter((row) => row.entryId === entry.id) : [];
      return {
        criterion,
        target: targets?.get(criterion.id) ?? null,
        entryId: entry?.id ?? null,
        entryVersion: entry?.version ?? 0,
        selfFigures: entry?.selfFigures ?? null,
        figures: entry?.figures ?? null,
        selfScore: entry ? (selfScores.get(entry.id) ?? null) : null,
        score: mine?.points.get(criterion.id) ?? 0,
        othersBestRatio: othersBest.get(criterion.id) ?? null,
        explanation: entry?.explanation ?? '',
        evidence: entry
          ? evidence
              .filter((file) => file.entryId === entry.id)
              .map(({ id: fileId, fileName }) => ({ id: fileId, fileName }))
          : [],
        events: history.map((row) => ({
          stage: row.stage,
          figures: row.figures,
          score: row.score === null ? null : Number(row.score),
          note: row.note,
          actorName: row.actorName,
          at: new Date(row.createdAt).toISOString(),
        })),
        moreEvents: history.length > 0 && Number(history[0]?.total) > history.length,
      };
    }),
    actions: access.actions,
    version: sheet.version,
  };
}

interface HistoryRow {
  entryId: string;
  stage: ScoreStage;
  figures: Figures | null;
  score: number | string | null;
  note: string;
  actorName: string | null;
  createdAt: Date | string;
  total: number;
}

/** The latest SHEET_EVENTS_MAX history steps of each entry of a sheet, oldest first, with a capped count. */
function latestEvents(db: Executor, sheetId: string) {
  return selectRows<HistoryRow>(
    db,
    sql`select e.id as "entryId", v.stage, v.figures, v.score, v.note, v.created_at as "createdAt",
        u.full_name as "actorName", n.total
      from scoring_entries e
      cross join lateral (select * from scoring_events x where x.entry_id = e.id
        order by x.created_at desc, x.id desc limit ${SHEET_EVENTS_MAX}) v
      cross join lateral (select count(*)::int as total from (select 1 from scoring_events y
        where y.entry_id = e.id limit ${SHEET_EVENTS_MAX + 1}) c) n
      left join users u on u.id = v.actor_id
      where e.sheet_id = ${sheetId}
      order by e.id, v.created_at, v.id`,
  );
}

/** The score of each entry's latest self-assessment step, however long its history. */
async function latestSelfScores(db: Executor, sheetId: string) {
  const rows = await selectRows<{ entryId: string; score: number | string | null }>(
    db,
    sql`select e.id as "entryId", s.score from scoring_entries e
      cross join lateral (select x.score from scoring_events x where x.entry_id = e.id and x.stage = 'self'
        order by x.created_at desc, x.id desc limit 1) s
      where e.sheet_id = ${sheetId}`,
  );
  return new Map(rows.map((row) => [row.entryId, row.score === null ? null : Number(row.score)]));
}

/**
 * The best completion ratio of the other members per quantitative criterion, for the sheet's live
 * preview; empty for a caller who may not see the other members' figures yet.
 */
function othersBestRatios(scores: BlocScores, unitId: string, seesOthers: boolean) {
  const best = new Map<string, number>();
  if (!seesOthers) return best;
  for (const criterion of scores.criteria) {
    if (criterion.kind !== 'quantitative') continue;
    for (const other of scores.sheets) {
      if (other.unitId === unitId) continue;
      const ratio = completionRatio(
        scores.figures.get(other.unitId)?.get(criterion.id)?.actual ?? null,
        scores.targets.get(other.unitId)?.get(criterion.id) ?? null,
      );
      if (ratio !== null && ratio > (best.get(criterion.id) ?? Number.NEGATIVE_INFINITY))
        best.set(criterion.id, ratio);
    }
  }
  return best;
}

/**
 * Writes one criterion of a sheet at the entry's version: the unit's self-assessment, the head's
 * review (a change of figures needs a reason) or the unit's explanation; each adds a score event
 * with the points in force after it. The sheet's state decides which it is.
 */
export async function putEntry(
  db: Database,
  caller: Caller,
  id: string,
  criterionId: string,
  body: EntryBody,
) {
  const first = await sheetFor(db, caller, id, 'read');
  const step = stepOf(first);
  const context = await sheetFor(db, caller, id, step.action);
  const criterion = (await listCriteria(db, context.table.table.id)).find((row) => row.id === criterionId);
  if (!criterion) throw new AppError('NOT_FOUND', 'Không tìm thấy tiêu chí trong bảng này.');
  await db.transaction((tx) => writeEntryStep(tx, caller, context, step, criterion, body));
}

/** The sheet's next state for each step, who takes it, and its audit action. */
const moves = {
  submit: { from: 'self_assessment', to: 'submitted', audit: 'scoring_sheet.submit' },
  finish_review: { from: 'submitted', to: 'reviewed', audit: 'scoring_sheet.review' },
  finish_explanation: { from: 'reviewed', to: 'explained', audit: 'scoring_sheet.explain' },
  finalize: { from: 'explained', to: 'final', audit: 'scoring_sheet.finalize' },
} as const satisfies Record<string, { from: SheetStatus; to: SheetStatus; audit: string }>;

/**
 * Moves a sheet one step at its version: the unit submits (every criterion it entered that needs
 * evidence must have a file), the head finishes review 1, the unit finishes explaining, the head finalizes (a
 * 'final' event with the points in force is written for every entry).
 */
export async function advanceSheet(db: Database, caller: Caller, id: string, version: number) {
  const first = await sheetFor(db, caller, id, 'read');
  const move = (Object.keys(moves) as (keyof typeof moves)[]).find(
    (key) => moves[key].from === first.sheet.status,
  );
  if (!move) throw new AppError('CONFLICT', 'Bảng điểm đã được chốt.');
  const context = await sheetFor(db, caller, id, move);
  if (move === 'submit') await assertEvidence(db, id);
  const { from, to, audit } = moves[move];
  await db.transaction(async (tx) => {
    const rows = await tx
      .update(scoringSheets)
      .set({ status: to, ...nextVersion(scoringSheets, caller.actor) })
      .where(sql`${atVersion(scoringSheets, id, version)} and ${scoringSheets.status} = ${from}`)
      .returning();
    await versionedRow(tx, rows, scoringSheets, id, SHEET);
    if (move === 'finalize') {
      const scores = await loadBlocScores(tx, context.table.table.id, context.sheet.blocId);
      const points = scores.scores.get(context.sheet.unitId)?.points;
      const entries = await tx.select().from(scoringEntries).where(eq(scoringEntries.sheetId, id));
      if (entries.length)
        await tx.insert(scoringEvents).values(
          entries.map((entry) => ({
            entryId: entry.id,
            stage: 'final',
            figures: entry.figures,
            score: points?.get(entry.criterionId) ?? 0,
            actorId: caller.actor.userId,
          })),
        );
    }
    await recordAudit(tx, caller.actor, {
      action: audit,
      entityType: 'scoring_sheet',
      entityId: id,
      before: { status: from },
      after: { status: to },
    });
  });
}

/** 409 naming the criteria that require evidence and have none. */
async function assertEvidence(db: Executor, sheetId: string) {
  const missing = (await db.execute(sql`select c.code from scoring_entries e
      join scoring_criteria c on c.id = e.criterion_id and c.evidence_required
      where e.sheet_id = ${sheetId} and not exists (select 1 from scoring_evidence v where v.entry_id = e.id)
      order by c.position`)) as unknown as { rows: { code: string }[] };
  if (missing.rows.length)
    throw new AppError(
      'CONFLICT',
      `Các tiêu chí cần minh chứng chưa có tệp đính kèm: ${missing.rows.map((row) => row.code).join(', ')}.`,
    );
}
