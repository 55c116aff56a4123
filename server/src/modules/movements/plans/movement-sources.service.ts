import type { CopyMovementBody } from '#contracts/movements.ts';
import { parseDocumentText, readDocumentText } from '#server/modules/documents/index.ts';
import { assertCoversUnit } from '#server/platform/auth/policy.ts';
import type { Database } from '#server/platform/db/client.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { assertWarningsConfirmed, launchWarnings } from '../launch/launch-warnings.ts';
import { MANAGE_ROLES } from '../movements.policy.ts';
import { findUnit } from '../movements.repo.ts';
import { type Caller, getCurrentPlan, getVisibleMovement, insertMovement } from '../movements.service.ts';
import { planContentFromDocument } from './plan-content.ts';
import { localisePlan } from './plan-localise.ts';

/** What came with an uploaded plan. */
export interface ImportInput {
  fileName: string;
  buffer: Buffer;
  launchingUnitId: string;
  parentMovementId?: string | null;
  /** The user saw the warnings of this file (409 LAUNCH_WARNINGS) and imports it all the same. */
  confirmWarnings?: boolean;
}

/**
 * Creates a draft movement from an uploaded plan (.txt, .md, .docx): the parsed structure becomes
 * version 1, the source text and the unclassified lines are kept for the review screen.
 * A file that is not a document throws DocumentError before anything is stored.
 */
export async function importMovement(db: Database, caller: Caller, input: ImportInput) {
  // Same as parseDocumentBuffer, keeping the text it read for side-by-side review.
  const sourceText = await readDocumentText(input.buffer, input.fileName);
  const document = parseDocumentText(sourceText);
  const plan = planContentFromDocument(document);
  const year = new Date().getFullYear();
  // The file name comes from the upload's headers: it may hold control characters, never stored.
  const fallback = input.fileName.replace(/\.[^.]+$/, '').replace(/\p{Cc}+/gu, ' ');
  const name = (document.movement.name ?? document.title ?? fallback).replace(/\s+/g, ' ').trim();
  const fields = {
    name: name.slice(0, 500) || 'Kế hoạch nhập từ tệp',
    periodFrom: document.movement.periodFrom ?? year,
    periodTo: document.movement.periodTo ?? document.movement.periodFrom ?? year,
  };
  // The caller must manage the unit before being told anything about its movements.
  const unit = await findUnit(db, input.launchingUnitId);
  if (!unit) throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị phát động.');
  assertCoversUnit(caller.principal, MANAGE_ROLES, unit.path);
  const warnings = await launchWarnings(db, { movementId: null, ...fields, plan, unit });
  assertWarningsConfirmed(warnings, input.confirmWarnings ? 'all' : []);
  return insertMovement(db, caller, {
    ...fields,
    theme: null,
    kind: 'thematic',
    launchingUnitId: input.launchingUnitId,
    parentMovementId: input.parentMovementId ?? null,
    plan,
    sourceText,
    how: 'import',
    confirmedWarnings: warnings.map((warning) => warning.code),
  });
}

/** Copies a movement the caller sees into a new draft of a unit the caller manages. */
export async function copyMovement(db: Database, caller: Caller, id: string, body: CopyMovementBody) {
  const source = await getVisibleMovement(db, caller, id);
  const plan = structuredClone(await getCurrentPlan(db, source));
  plan.document.number = null;
  plan.document.date = null;
  return insertMovement(db, caller, {
    name: source.movement.name,
    theme: source.movement.theme,
    kind: source.movement.kind,
    periodFrom: source.movement.periodFrom,
    periodTo: source.movement.periodTo,
    launchingUnitId: body.launchingUnitId,
    parentMovementId: source.movement.parentMovementId,
    plan,
    how: 'copy',
  });
}

/** The parent plan localised for a subordinate unit (its names, no number or date). */
export async function localisedPlanFor(db: Database, caller: Caller, parentId: string, unitId: string) {
  const parent = await getVisibleMovement(db, caller, parentId);
  const [unit, parentUnit] = await Promise.all([
    findUnit(db, unitId),
    findUnit(db, parent.movement.launchingUnitId),
  ]);
  if (!unit || !parentUnit) throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị.');
  if (!unit.path.startsWith(parentUnit.path) || unit.id === parentUnit.id) {
    throw new AppError('OUT_OF_SCOPE', 'Đơn vị không thuộc phạm vi của phong trào cấp trên.');
  }
  const plan = localisePlan(
    await getCurrentPlan(db, parent),
    { name: parentUnit.name, shortName: parentUnit.shortName, kind: parentUnit.kind },
    { name: unit.name, shortName: unit.shortName, kind: unit.kind },
  );
  return { parent, unit, plan };
}

/** Answers a launched parent movement: a draft implementing movement from its localised plan. */
export async function implementMovement(
  db: Database,
  caller: Caller,
  parentId: string,
  body: CopyMovementBody,
) {
  const { parent, plan } = await localisedPlanFor(db, caller, parentId, body.launchingUnitId);
  if (parent.movement.status !== 'launched') {
    throw new AppError('CONFLICT', 'Phong trào cấp trên chưa được phát động.');
  }
  return insertMovement(db, caller, {
    name: plan.document.movement.name ?? parent.movement.name,
    theme: parent.movement.theme,
    kind: parent.movement.kind,
    periodFrom: parent.movement.periodFrom,
    periodTo: parent.movement.periodTo,
    launchingUnitId: body.launchingUnitId,
    parentMovementId: parent.movement.id,
    plan,
    how: 'implement',
  });
}
