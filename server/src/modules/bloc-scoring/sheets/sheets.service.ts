import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type {
  EntryBody,
  Figures,
  ScoreStage,
  ScoringSheetView,
  SheetStatus,
} from '#contracts/bloc-scoring.ts';
import { completionRatio } from '#contracts/bloc-scoring-math.ts';
import { recordAudit } from '#server/platform/audit/audit.ts';
import type { Database, Executor } from '#server/platform/db/client.ts';
import {
  scoringEntries,
  scoringEvents,
  scoringEvidence,
  scoringSheets,
  users,
} from '#server/platform/db/schema.ts';
import { atVersion, nextVersion, staleVersionError, versionedRow } from '#server/platform/db/versioning.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import type { Caller } from '../bloc-scoring.policy.ts';
import { ENTRY, SHEET } from '../bloc-scoring.repo.ts';
import { type BlocScores, loadBlocScores } from '../ranking/bloc-data.ts';
import { figuresFor, sameFigures } from './figures.ts';
import { type SheetContext, sheetFor } from './sheet-access.ts';

/** A unit's whole scoring sheet: every criterion with its target, figures, live points and history. */
export async function getSheetView(db: Database, caller: Caller, id: string): Promise<ScoringSheetView> {
  const context = await sheetFor(db, caller, id, 'read');
  const { sheet, table, bloc, access } = context;
  const scores = await loadBlocScores(db, table.table.id, sheet.blocId);
  const mine = scores.scores.get(sheet.unitId);
  const entries = await db.select().from(scoringEntries).where(eq(scoringEntries.sheetId, id));
  const events = entries.length
    ? await db
        .select({ event: scoringEvents, actorName: users.fullName })
        .from(scoringEvents)
        .leftJoin(users, eq(users.id, scoringEvents.actorId))
        .where(
          inArray(
            scoringEvents.entryId,
            entries.map((entry) => entry.id),
          ),
        )
        .orderBy(asc(scoringEvents.createdAt))
    : [];
  const evidence = entries.length
    ? await db
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
    : [];
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
      const history = entry ? events.filter((row) => row.event.entryId === entry.id) : [];
      const selfEvent = [...history].reverse().find((row) => row.event.stage === 'self');
      return {
        criterion,
        target: targets?.get(criterion.id) ?? null,
        entryId: entry?.id ?? null,
        entryVersion: entry?.version ?? 0,
        selfFigures: entry?.selfFigures ?? null,
        figures: entry?.figures ?? null,
        selfScore: selfEvent?.event.score ?? null,
        score: mine?.points.get(criterion.id) ?? 0,
        othersBestRatio: othersBest.get(criterion.id) ?? null,
        explanation: entry?.explanation ?? '',
        evidence: entry
          ? evidence
              .filter((file) => file.entryId === entry.id)
              .map(({ id: fileId, fileName }) => ({ id: fileId, fileName }))
          : [],
        events: history.map((row) => ({
          stage: row.event.stage as ScoreStage,
          figures: row.event.figures,
          score: row.event.score,
          note: row.event.note,
          actorName: row.actorName,
          at: row.event.createdAt.toISOString(),
        })),
      };
    }),
    actions: access.actions,
    version: sheet.version,
  };
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

/** Which entry step the caller takes on a sheet in its state: self, a review, or an explanation. */
function stepOf(context: SheetContext): { action: 'self_assess' | 'review' | 'explain'; stage: ScoreStage } {
  const { actions } = context.access;
  if (actions.includes('self_assess')) return { action: 'self_assess', stage: 'self' };
  if (actions.includes('explain')) return { action: 'explain', stage: 'explanation' };
  if (actions.includes('review'))
    return { action: 'review', stage: context.sheet.status === 'submitted' ? 'review1' : 'review2' };
  return { action: context.access.isHead ? 'review' : 'self_assess', stage: 'self' };
}

const auditOfStage: Record<
  ScoreStage,
  'scoring_entry.self' | 'scoring_entry.review' | 'scoring_entry.explain'
> = {
  self: 'scoring_entry.self',
  review1: 'scoring_entry.review',
  review2: 'scoring_entry.review',
  explanation: 'scoring_entry.explain',
  final: 'scoring_entry.review',
};

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
  const scores = await loadBlocScores(db, context.table.table.id, context.sheet.blocId);
  const criterion = scores.criteria.find((row) => row.id === criterionId);
  if (!criterion) throw new AppError('NOT_FOUND', 'Không tìm thấy tiêu chí trong bảng này.');
  const [existing] = await db
    .select()
    .from(scoringEntries)
    .where(and(eq(scoringEntries.sheetId, id), eq(scoringEntries.criterionId, criterionId)));
  const note = body.note.trim();
  let figures: Figures | null = existing?.figures ?? null;
  if (step.stage === 'explanation') {
    if (!note)
      throw new AppError('VALIDATION_FAILED', 'Vui lòng nhập nội dung giải trình.', [
        { path: 'note', message: 'Nhập nội dung giải trình' },
      ]);
  } else {
    figures = figuresFor(criterion.kind, body.figures);
    if (step.stage !== 'self' && !sameFigures(figures, existing?.figures ?? null) && !note)
      throw new AppError('VALIDATION_FAILED', 'Vui lòng ghi lý do điều chỉnh điểm.', [
        { path: 'note', message: 'Nhập lý do điều chỉnh' },
      ]);
  }
  await db.transaction(async (tx) => {
    const fields = {
      figures,
      ...(step.stage === 'self' ? { selfFigures: figures } : {}),
      ...(step.stage === 'explanation' ? { explanation: note } : {}),
    };
    const entry = await writeEntry(tx, caller, id, criterionId, existing?.id ?? null, body.version, fields);
    const after = await loadBlocScores(tx, context.table.table.id, context.sheet.blocId);
    const score = after.scores.get(context.sheet.unitId)?.points.get(criterionId) ?? 0;
    await tx.insert(scoringEvents).values({
      entryId: entry.id,
      stage: step.stage,
      figures: step.stage === 'explanation' ? null : figures,
      score: step.stage === 'explanation' ? null : score,
      note,
      actorId: caller.actor.userId,
    });
    await recordAudit(tx, caller.actor, {
      action: auditOfStage[step.stage],
      entityType: 'scoring_sheet',
      entityId: id,
      before: existing ? { criterionId, figures: existing.figures, explanation: existing.explanation } : null,
      after: { criterionId, stage: step.stage, figures, score, note },
    });
  });
}

/** Inserts the entry (version 0: nothing was entered yet) or updates it at the version loaded. */
async function writeEntry(
  tx: Executor,
  caller: Caller,
  sheetId: string,
  criterionId: string,
  entryId: string | null,
  version: number,
  fields: Partial<typeof scoringEntries.$inferInsert>,
) {
  if (version === 0) {
    const rows = await tx
      .insert(scoringEntries)
      .values({ sheetId, criterionId, ...fields, updatedBy: caller.actor.userId })
      .onConflictDoNothing()
      .returning();
    if (rows[0]) return rows[0];
    if (!entryId)
      throw new AppError('CONFLICT', 'Điểm tiêu chí này vừa được người khác nhập; vui lòng tải lại.');
    throw await staleVersionError(tx, scoringEntries, entryId, ENTRY);
  }
  if (!entryId) throw new AppError('NOT_FOUND', ENTRY.notFound);
  const rows = await tx
    .update(scoringEntries)
    .set({ ...fields, ...nextVersion(scoringEntries, caller.actor) })
    .where(atVersion(scoringEntries, entryId, version))
    .returning();
  return versionedRow(tx, rows, scoringEntries, entryId, ENTRY);
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
