import { and, count, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { auditEvents } from '#server/platform/db/schema.ts';
import type { Client } from './factories.ts';
import type { TestApp } from './test-app.ts';

/** One update request of a versioned record. */
export interface UpdateRequest {
  method: 'PATCH' | 'POST' | 'PUT';
  url: string;
  payload: Record<string, unknown>;
}

/** A versioned record under test, built fresh, with two writers who may both change it. */
export interface VersionedRecord {
  /** The first writer (saves first, fresh) and the second (saves later, from the same old version). */
  first: Client;
  second: Client;
  /** The update each writer sends from a version; the second changes something else. */
  update: (version: number, writer: 'first' | 'second') => UpdateRequest;
  /** The same update aimed at a record that does not exist. */
  missing: UpdateRequest;
  /** Everything stored about the record (its row and the rows an update would touch). */
  stored: () => Promise<unknown>;
  /** The stored version. */
  version: () => Promise<number>;
  /** The version the reply (the record as the route presents it) carries. */
  replyVersion: (body: Record<string, unknown>) => number;
  /** The audit action an accepted update writes, and the entity it names. */
  action: string;
  entityId: string;
}

/** Full name of a test user (factories name them "Người dùng <username>"). */
export const fullNameOf = (client: Client) => `Người dùng ${client.user.username}`;

async function auditCount(t: TestApp, action: string, entityId: string): Promise<number> {
  const [row] = await t.handle.db
    .select({ value: count() })
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId)));
  return row?.value ?? 0;
}

const send = (t: TestApp, request: UpdateRequest, client: Client) =>
  t.app.inject({
    method: request.method,
    url: request.url,
    headers: client.headers,
    payload: request.payload,
  });

/**
 * The optimistic-locking contract of one record: a fresh update is accepted (200, version + 1, its
 * audit event); a second update from the old version is refused with 409 VERSION_CONFLICT naming the
 * first writer and the time, carrying the current record, and changes nothing (no row, no audit
 * event); a missing record stays a 404.
 */
export async function expectOptimisticLocking(t: TestApp, record: VersionedRecord): Promise<void> {
  const loaded = await record.version();
  const auditsBefore = await auditCount(t, record.action, record.entityId);

  const fresh = await send(t, record.update(loaded, 'first'), record.first);
  expect(fresh.statusCode, fresh.body).toBe(200);
  expect(record.replyVersion(fresh.json())).toBe(loaded + 1);
  expect(await record.version()).toBe(loaded + 1);
  expect(await auditCount(t, record.action, record.entityId)).toBe(auditsBefore + 1);

  const afterFirst = await record.stored();
  const stale = await send(t, record.update(loaded, 'second'), record.second);
  expect(stale.statusCode, stale.body).toBe(409);
  const body = stale.json();
  expect(body).toMatchObject({
    code: 'VERSION_CONFLICT',
    conflict: { version: loaded + 1, updatedBy: fullNameOf(record.first) },
  });
  expect(body.message).toContain(fullNameOf(record.first));
  expect(body.message).toMatch(/lúc \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}/);
  expect(record.replyVersion(body.conflict.current)).toBe(loaded + 1);
  expect(await record.stored()).toEqual(afterFirst);
  expect(await auditCount(t, record.action, record.entityId)).toBe(auditsBefore + 1);

  const missing = await send(t, record.missing, record.first);
  expect(missing.statusCode, missing.body).toBe(404);
}
