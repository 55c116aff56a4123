import { eq, max } from 'drizzle-orm';
import type {
  ExemplarAdvanceBody,
  ExemplarCreateBody,
  ExemplarStage,
  ExemplarUpdateBody,
} from '#contracts/exemplars.ts';
import { getVisibleMovement } from '#server/modules/movements/index.ts';
import { inScope, resolveScope } from '#server/modules/organisation/organisation.policy.ts';
import { recordAudit } from '#server/platform/audit/audit.ts';
import type { Database, Executor } from '#server/platform/db/client.ts';
import { exemplarStageMoves, exemplars, persons, units } from '#server/platform/db/schema.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { getAllowedExemplar } from '../exemplar-access.ts';
import { nextStage } from '../exemplar-rules.ts';
import { type Caller, EXEMPLAR_MANAGE_ROLES } from '../exemplars.policy.ts';
import { bumpExemplar } from '../exemplars.repo.ts';

const invalid = (path: string, message: string) =>
  new AppError('VALIDATION_FAILED', message, [{ path, message }]);

/** The unit's path, or 400 naming the field when it does not exist. */
async function unitPathOf(db: Executor, id: string, path: string) {
  const [unit] = await db.select({ path: units.path, name: units.name }).from(units).where(eq(units.id, id));
  if (!unit) throw invalid(path, 'Không tìm thấy đơn vị đã chọn.');
  return unit;
}

/** The subject's name, checked to belong to the proposing unit's subtree. */
async function subjectName(db: Executor, body: ExemplarCreateBody, unitPath: string) {
  if (body.personId) {
    const [person] = await db
      .select({ name: persons.fullName, path: units.path })
      .from(persons)
      .innerJoin(units, eq(units.id, persons.unitId))
      .where(eq(persons.id, body.personId));
    if (!person?.path.startsWith(unitPath))
      throw invalid('personId', 'Cá nhân đã chọn không thuộc đơn vị đề xuất.');
    return person.name;
  }
  if (body.subjectUnitId) {
    const unit = await unitPathOf(db, body.subjectUnitId, 'subjectUnitId');
    if (!unit.path.startsWith(unitPath))
      throw invalid('subjectUnitId', 'Tập thể đã chọn không thuộc đơn vị đề xuất.');
    return unit.name;
  }
  return null;
}

/** The movement, when given, must be one the caller sees (404 otherwise). */
async function checkMovement(db: Database, caller: Caller, movementId: string | null | undefined) {
  if (movementId) await getVisibleMovement(db, caller, movementId);
}

/** A unit in the caller's scope proposes an exemplar: stage "phát hiện", awaiting the level above; audited. */
export async function createExemplar(db: Database, caller: Caller, body: ExemplarCreateBody) {
  const unit = await unitPathOf(db, body.unitId, 'unitId');
  const scope = await resolveScope(db, caller.principal, EXEMPLAR_MANAGE_ROLES);
  if (!inScope(scope, unit.path)) throw new AppError('OUT_OF_SCOPE');
  const name = await subjectName(db, body, unit.path);
  await checkMovement(db, caller, body.movementId);
  return db.transaction(async (tx) => {
    const { discoveredOn, ...fields } = body;
    const [row] = await tx
      .insert(exemplars)
      .values({
        ...fields,
        discoveredOn,
        subjectName: name,
        createdBy: caller.actor.userId,
        updatedBy: caller.actor.userId,
      })
      .returning();
    if (!row) throw new Error('exemplar not created');
    await tx.insert(exemplarStageMoves).values({
      exemplarId: row.id,
      stage: 'discover',
      movedOn: discoveredOn,
      note: 'Phát hiện, đề xuất',
      movedBy: caller.actor.userId,
    });
    const { searchTerms: _terms, ...after } = row;
    await recordAudit(tx, caller.actor, {
      action: 'exemplar.create',
      entityType: 'exemplar',
      entityId: row.id,
      after,
    });
    return row.id;
  });
}

/** Changes the title, summary, kind or movement at the version loaded (else 409); audited. */
export async function updateExemplar(db: Database, caller: Caller, id: string, body: ExemplarUpdateBody) {
  const before = await getAllowedExemplar(db, caller, id, 'edit');
  await checkMovement(db, caller, body.movementId);
  const { version, ...fields } = body;
  await db.transaction(async (tx) => {
    const row = await bumpExemplar(tx, caller.actor, id, version, fields);
    const changed = Object.keys(fields) as (keyof typeof fields)[];
    await recordAudit(tx, caller.actor, {
      action: 'exemplar.update',
      entityType: 'exemplar',
      entityId: id,
      before: Object.fromEntries(changed.map((key) => [key, before.exemplar[key]])),
      after: Object.fromEntries(changed.map((key) => [key, row[key]])),
    });
  });
}

/** The level above confirms or returns (with a reason) a proposed exemplar; its unit proposes a returned one again. */
export async function reviewExemplar(
  db: Database,
  caller: Caller,
  id: string,
  move: 'confirm' | 'return' | 'propose',
  version: number,
  reason?: string,
) {
  const before = await getAllowedExemplar(db, caller, id, move);
  const fields =
    move === 'confirm'
      ? { status: 'confirmed', returnReason: null, confirmedAt: new Date(), confirmedBy: caller.actor.userId }
      : move === 'return'
        ? { status: 'returned', returnReason: reason ?? '' }
        : { status: 'proposed' };
  await db.transaction(async (tx) => {
    const row = await bumpExemplar(tx, caller.actor, id, version, fields);
    await recordAudit(tx, caller.actor, {
      action: `exemplar.${move}`,
      entityType: 'exemplar',
      entityId: id,
      before: { status: before.exemplar.status },
      after: { status: row.status },
      ...(move === 'return' ? { reason: reason ?? '' } : {}),
    });
  });
}

/** Moves a confirmed exemplar to its next stage on a day (not before the last move), with a note; audited. */
export async function advanceExemplar(db: Database, caller: Caller, id: string, body: ExemplarAdvanceBody) {
  const before = await getAllowedExemplar(db, caller, id, 'advance');
  const expected = nextStage(before.exemplar.stage as ExemplarStage);
  if (body.stage !== expected)
    throw invalid(
      'stage',
      'Điển hình chỉ chuyển sang giai đoạn kế tiếp (phát hiện → bồi dưỡng → tổng kết → nhân rộng).',
    );
  const [last] = await db
    .select({ movedOn: max(exemplarStageMoves.movedOn) })
    .from(exemplarStageMoves)
    .where(eq(exemplarStageMoves.exemplarId, id));
  const latest = last?.movedOn ?? '';
  if (body.movedOn < latest)
    throw invalid('movedOn', 'Ngày chuyển giai đoạn không được trước ngày của giai đoạn trước.');
  await db.transaction(async (tx) => {
    await bumpExemplar(tx, caller.actor, id, body.version, { stage: body.stage });
    const [move] = await tx
      .insert(exemplarStageMoves)
      .values({
        exemplarId: id,
        stage: body.stage,
        movedOn: body.movedOn,
        note: body.note,
        movedBy: caller.actor.userId,
      })
      .returning();
    await recordAudit(tx, caller.actor, {
      action: 'exemplar.advance',
      entityType: 'exemplar',
      entityId: id,
      before: { stage: before.exemplar.stage },
      after: { stage: body.stage, movedOn: body.movedOn, note: body.note, moveId: move?.id },
    });
  });
}

/** Publishes a confirmed exemplar for the public portal, or withdraws it; audited. */
export async function publishExemplar(
  db: Database,
  caller: Caller,
  id: string,
  move: 'publish' | 'withdraw',
  version: number,
) {
  const before = await getAllowedExemplar(db, caller, id, move);
  await db.transaction(async (tx) => {
    const row = await bumpExemplar(
      tx,
      caller.actor,
      id,
      version,
      move === 'publish' ? { isPublished: true, publishedAt: new Date() } : { isPublished: false },
    );
    await recordAudit(tx, caller.actor, {
      action: `exemplar.${move}`,
      entityType: 'exemplar',
      entityId: id,
      before: { isPublished: before.exemplar.isPublished },
      after: { isPublished: row.isPublished },
    });
  });
}
