import { and, eq } from 'drizzle-orm';
import type { EntryBody, Figures, ScoreStage } from '#contracts/bloc-scoring.ts';
import { recordAudit } from '#server/platform/audit/audit.ts';
import type { Executor } from '#server/platform/db/client.ts';
import { scoringEntries, scoringEvents, scoringSheets } from '#server/platform/db/schema.ts';
import { atVersion, nextVersion, staleVersionError, versionedRow } from '#server/platform/db/versioning.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import type { Caller } from '../bloc-scoring.policy.ts';
import { ENTRY, SHEET } from '../bloc-scoring.repo.ts';
import { loadBlocScores } from '../ranking/bloc-data.ts';
import { figuresFor, sameFigures } from './figures.ts';
import type { SheetContext } from './sheet-access.ts';

/** Which entry step the caller takes on a sheet in its state: self, a review, or an explanation. */
export function stepOf(context: SheetContext): {
  action: 'self_assess' | 'review' | 'explain';
  stage: ScoreStage;
} {
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
 * Locks the sheet row for the rest of the transaction and checks it is still at the version the
 * client loaded (404 gone, 409 stale), so a state change cannot slip in before the transaction ends.
 */
export async function lockSheetAt(tx: Executor, id: string, version: number) {
  const [row] = await tx
    .select({ version: scoringSheets.version })
    .from(scoringSheets)
    .where(eq(scoringSheets.id, id))
    .for('update');
  if (!row) throw new AppError('NOT_FOUND', SHEET.notFound);
  if (row.version !== version) throw await staleVersionError(tx, scoringSheets, id, SHEET);
}

/**
 * Writes one criterion in a transaction at the entry's version: checks the step's figures (a review
 * changing them needs a reason, an explanation needs a text), then adds the score event with the
 * points in force after it and its audit event.
 */
export async function writeEntryStep(
  tx: Executor,
  caller: Caller,
  context: SheetContext,
  step: { stage: ScoreStage },
  criterion: { id: string; kind: Parameters<typeof figuresFor>[0] },
  body: EntryBody,
) {
  const id = context.sheet.id;
  const criterionId = criterion.id;
  const [existing] = await tx
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
