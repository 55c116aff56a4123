import { sql } from 'drizzle-orm';
import type { AuditAction } from '#contracts/audit.ts';
import type { Executor } from '../db/client.ts';
import { auditEvents } from '../db/schema.ts';

/** Who is acting and in which request: every service call carries it so audit events name them. */
export interface ActorContext {
  userId: string | null;
  username: string | null;
  requestId: string | null;
  ip: string | null;
}

/** A system actor for the command line and start-up tasks. */
export const systemActor = (username = 'system'): ActorContext => ({
  userId: null,
  username,
  requestId: null,
  ip: null,
});

/** What changed, as written to the audit trail. */
export interface AuditEntry {
  /** One of the actions listed in contracts/audit.ts. */
  action: AuditAction;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

/** Strips secrets so they never reach the audit trail. */
function redact(value: unknown): unknown {
  if (!value || typeof value !== 'object') return value ?? null;
  if (Array.isArray(value)) return value.map(redact);
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([key]) => !/password|secret|token/i.test(key))
      .map(([key, inner]) => [key, inner instanceof Date ? inner.toISOString() : redact(inner)]),
  );
}

/**
 * Writes one audit event; call it inside the transaction that makes the change, after its other
 * writes: the chain trigger numbers the event and holds the audit lock until that transaction ends.
 */
export async function recordAudit(executor: Executor, actor: ActorContext, entry: AuditEntry): Promise<void> {
  await executor.insert(auditEvents).values({
    actorId: actor.userId,
    actorUsername: actor.username,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    before: redact(entry.before),
    after: redact(entry.after),
    reason: entry.reason ?? null,
    requestId: actor.requestId,
    ip: actor.ip,
    // Assigned by the chain trigger (migration audit_hash_chain); a caller's values are ignored.
    seq: sql`null`,
    prevHash: sql`null`,
    hash: sql`null`,
  });
}

/**
 * Writes several audit events in one statement (a decision's hundreds of award records): each row is
 * chained by the trigger as if written one by one. Call it inside the change's transaction.
 */
export async function recordAudits(
  executor: Executor,
  actor: ActorContext,
  entries: AuditEntry[],
): Promise<void> {
  for (let start = 0; start < entries.length; start += 500) {
    await executor.insert(auditEvents).values(
      entries.slice(start, start + 500).map((entry) => ({
        actorId: actor.userId,
        actorUsername: actor.username,
        action: entry.action,
        entityType: entry.entityType,
        entityId: entry.entityId ?? null,
        before: redact(entry.before),
        after: redact(entry.after),
        reason: entry.reason ?? null,
        requestId: actor.requestId,
        ip: actor.ip,
        seq: sql`null`,
        prevHash: sql`null`,
        hash: sql`null`,
      })),
    );
  }
}
