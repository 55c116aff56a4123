import { eq, sql } from 'drizzle-orm';
import type { AwardCode } from '#contracts/awards.ts';
import type {
  DecisionCreateBody,
  DecisionListQuery,
  DecisionPage,
  DecisionUpdateBody,
  DecisionView,
} from '#contracts/decisions.ts';
import { recordAudit } from '#server/platform/audit/audit.ts';
import { isAdmin } from '#server/platform/auth/policy.ts';
import type { Database, Executor } from '#server/platform/db/client.ts';
import { decisionRecipients, decisions, units } from '#server/platform/db/schema.ts';
import { atVersion, nextVersion, versionedRow } from '#server/platform/db/versioning.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import {
  assertCanRead,
  assertCanWrite,
  type Caller,
  inScope,
  readScope,
  writeScope,
} from '../decisions.policy.ts';
import { authorityFor, cashFor, effectiveRegistry } from './award-terms.ts';
import {
  DECISION,
  type DecisionWithUnit,
  getDecisionRow,
  listDecisionRows,
  recipientCounts,
} from './decisions.repo.ts';

const mapNull = <T, R>(value: T | null, map: (value: T) => R): R | null =>
  value === null ? null : map(value);

/** 409 unless the decision is still a draft. */
export function assertDraft(row: DecisionWithUnit): void {
  if (row.decision.status !== 'draft') {
    throw new AppError('CONFLICT', 'Quyết định đã ban hành hoặc đã hủy bỏ; không sửa được nữa.');
  }
}

/** Creates a draft decision of a unit the caller is an officer of. */
export async function createDecision(db: Database, caller: Caller, body: DecisionCreateBody) {
  const [unit] = await db.select({ path: units.path }).from(units).where(eq(units.id, body.unitId));
  if (!unit)
    throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị ban hành.', [
      { path: 'unitId', message: 'Không có đơn vị này' },
    ]);
  await assertCanWrite(db, caller.principal, unit.path);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(decisions)
      .values({ ...body, place: body.place ?? null, updatedBy: caller.actor.userId })
      .returning();
    if (!row) throw new Error('decision not created');
    await recordAudit(tx, caller.actor, {
      action: 'decision.create',
      entityType: 'decision',
      entityId: row.id,
      after: row,
    });
    return row.id;
  });
}

/** Changes a draft's fields at the version the form loaded (else 409). */
export async function updateDecision(db: Database, caller: Caller, id: string, body: DecisionUpdateBody) {
  const before = await getDecisionRow(db, id);
  await assertCanWrite(db, caller.principal, before.unit.path);
  assertDraft(before);
  const { version, ...fields } = body;
  await db.transaction(async (tx) => {
    const rows = await tx
      .update(decisions)
      .set({ ...fields, ...nextVersion(decisions, caller.actor) })
      .where(sql`${atVersion(decisions, id, version)} and ${decisions.status} = 'draft'`)
      .returning();
    const row = await versionedRow(tx, rows, decisions, id, DECISION);
    await recordAudit(tx, caller.actor, {
      action: 'decision.update',
      entityType: 'decision',
      entityId: id,
      before: before.decision,
      after: row,
    });
  });
}

/** The awards of a decision's list with how many persons and units receive each (one grouped query). */
async function awardGroups(db: Executor, id: string) {
  return db
    .select({
      awardCode: decisionRecipients.awardCode,
      collective: sql<boolean>`${decisionRecipients.personId} is null`,
      count: sql<number>`count(*)::int`,
      stored: sql<number | null>`sum(${decisionRecipients.cashAmount})`,
      linked: sql<number>`count(${decisionRecipients.nomineeId})::int`,
    })
    .from(decisionRecipients)
    .where(eq(decisionRecipients.decisionId, id))
    .groupBy(decisionRecipients.awardCode, sql`${decisionRecipients.personId} is null`);
}

/** One decision the caller may read, with competence per award, cash total and allowed actions. */
export async function getDecision(db: Database, caller: Caller, id: string): Promise<DecisionView> {
  const row = await getDecisionRow(db, id);
  await assertCanRead(db, caller.principal, row.unit.path);
  const { decision, unit } = row;
  const [groups, registry, scope] = await Promise.all([
    awardGroups(db, id),
    effectiveRegistry(db),
    writeScope(db, caller.principal),
  ]);
  const codes = [...new Set(groups.map((group) => group.awardCode as AwardCode))];
  const authorityChecks = codes.map((code) => authorityFor(registry, decision.decisionDate, unit.kind, code));
  let cashTotal: number | null = 0;
  for (const group of groups) {
    const count = Number(group.count);
    // A draft's cash follows its date; an issued decision's was fixed at issue.
    const amount =
      decision.status === 'draft'
        ? mapNull(
            cashFor(
              registry,
              decision.decisionDate,
              group.awardCode as AwardCode,
              group.collective ? 'collective' : 'individual',
            ).amount,
            (each) => each * count,
          )
        : mapNull(group.stored, Number);
    cashTotal = amount === null || cashTotal === null ? null : cashTotal + amount;
  }
  const recipientCount = groups.reduce((sum, group) => sum + Number(group.count), 0);
  const nomineeCount = groups.reduce((sum, group) => sum + Number(group.linked), 0);
  const writable = isAdmin(caller.principal) || inScope(scope, unit.path);
  return {
    id: decision.id,
    version: decision.version,
    status: decision.status as DecisionView['status'],
    number: decision.number,
    decisionDate: decision.decisionDate,
    title: decision.title,
    unitId: decision.unitId,
    unitName: unit.name,
    unitKind: unit.kind,
    recipientCount,
    authority: decision.authority,
    decider: decision.decider,
    signerName: decision.signerName,
    signerTitle: decision.signerTitle,
    place: decision.place,
    legalBasis: decision.legalBasis,
    issuedAt: decision.issuedAt?.toISOString() ?? null,
    revokedAt: decision.revokedAt?.toISOString() ?? null,
    revokeReason: decision.revokeReason,
    publishedAt: decision.publishedAt?.toISOString() ?? null,
    cashTotal,
    nomineeCount,
    authorityChecks,
    actions: {
      edit: writable && decision.status === 'draft',
      issue: writable && decision.status === 'draft' && recipientCount > 0,
      revoke: writable && decision.status === 'issued',
      pay: writable && decision.status === 'issued',
      publish: writable && decision.status === 'issued' && decision.publishedAt === null,
      withdrawPublication: writable && decision.publishedAt !== null,
    },
  };
}

/** Decisions of the units the caller may read (or under one of them), newest first. */
export async function listDecisions(
  db: Database,
  caller: Caller,
  query: DecisionListQuery,
): Promise<DecisionPage> {
  const scope = await readScope(db, caller.principal);
  let unitPath: string | null = null;
  if (query.unitId) {
    const [unit] = await db.select({ path: units.path }).from(units).where(eq(units.id, query.unitId));
    if (!unit) throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị.');
    await assertCanRead(db, caller.principal, unit.path);
    unitPath = unit.path;
  }
  const { page, total } = await listDecisionRows(db, scope, query, unitPath);
  const counts = await recipientCounts(
    db,
    page.rows.map((row) => row.decision.id),
  );
  return {
    items: page.rows.map(({ decision, unitName }) => ({
      id: decision.id,
      version: decision.version,
      status: decision.status as DecisionView['status'],
      number: decision.number,
      decisionDate: decision.decisionDate,
      title: decision.title,
      unitId: decision.unitId,
      unitName,
      recipientCount: counts.get(decision.id) ?? 0,
    })),
    next: page.next,
    prev: page.prev,
    total,
  };
}
