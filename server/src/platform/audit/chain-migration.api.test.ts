import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { AuditAction } from '#contracts/audit.ts';
import { createScratchDatabase } from '../../../../tests/support/postgres.ts';
import { type DatabaseHandle, openPglite, openPostgres } from '../db/client.ts';
import { migrateDatabase, migrationsFolder } from '../db/migrate.ts';
import { recordAudit, systemActor } from './audit.ts';
import { verifyAuditChain } from './verify.ts';

// A database of its own (a second PGlite, or a scratch PostgreSQL database): it starts at the
// migrations before the chain, so the shared test database cannot serve.
const databaseUrl = inject('databaseUrl');
const folder = mkdtempSync(path.join(tmpdir(), 'tdkt-chain-migration-'));
let handle: DatabaseHandle;
let drop: () => Promise<void> = async () => undefined;

/** A copy of the migrations folder that stops before the hash chain. */
function migrationsBeforeChain(): string {
  const journal = JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, 'utf8')) as {
    entries: { tag: string }[];
  };
  const cut = journal.entries.findIndex((entry) => entry.tag.endsWith('_audit_hash_chain'));
  mkdirSync(path.join(folder, 'meta'));
  const entries = journal.entries.slice(0, cut);
  writeFileSync(path.join(folder, 'meta/_journal.json'), JSON.stringify({ ...journal, entries }));
  for (const entry of entries)
    copyFileSync(`${migrationsFolder}/${entry.tag}.sql`, path.join(folder, `${entry.tag}.sql`));
  return folder;
}

beforeAll(async () => {
  let url: string | undefined;
  if (databaseUrl) {
    const scratch = await createScratchDatabase('chain_migration');
    drop = scratch.drop;
    url = scratch.url;
    handle = await openPostgres(url, 2);
  } else {
    handle = await openPglite(null);
  }
  await migrateDatabase(handle, url, { folder: migrationsBeforeChain() });
  // Events written before the chain existed, their times out of id order on purpose.
  await handle.query(
    `insert into audit_events (occurred_at, actor_username, action, entity_type, entity_id, before, after, reason, ip)
     values ('2025-05-19T08:30:00.123456+07:00', 'quan.tri', 'user.create', 'user', 'a', null, '{"tên": "Lò Văn Mừng", "vai trò": ["admin"]}', null, '10.0.0.7'),
            ('2025-05-19T08:29:59+07:00', 'quan.tri', 'user.grant', 'user', 'a', null, '{"role": "admin", "unitId": null}', null, '::1'),
            ('2025-05-20T01:00:00Z', null, 'council.delete', 'council', 'b', '{"số": 1.50, "z": {"b": 2, "a": 1}}', null, 'Xóa hội đồng', null)`,
  );
  await migrateDatabase(handle, url);
});
afterAll(async () => {
  await handle?.close();
  await drop();
  rmSync(folder, { recursive: true, force: true });
});

describe('migration audit_hash_chain', () => {
  it('chains the events already stored in id order, with the same hashes on both engines', async () => {
    const rows = await handle.query<{ id: string; seq: string; hash: string }>(
      'select id::text as id, seq::text as seq, hash from audit_events order by id',
    );
    expect(rows.map((row) => [row.id, row.seq])).toEqual([
      ['1', '1'],
      ['2', '2'],
      ['3', '3'],
    ]);
    // Computed once and kept: any change to the canonical form, or a difference between engines, shows here.
    expect(rows.at(-1)?.hash).toBe('28be6e01aebd365c10f4e1be668f67c22fcfe5e881c8e4dc9e02fd3658d3d2ab');
    expect(await verifyAuditChain(handle.db)).toMatchObject({ intact: true, events: 3 });
  });

  it('writes the same canonical text whatever the session time zone', async () => {
    const canonical = (zone: string) =>
      handle.db.transaction(async (tx) => {
        await tx.execute(sql.raw(`set local timezone = '${zone}'`));
        return (await tx.execute(
          sql`select audit_event_canonical(e) as text from audit_events e order by id`,
        )) as unknown as {
          rows: { text: string }[];
        };
      });
    const [utc, hanoi] = [await canonical('UTC'), await canonical('Asia/Ho_Chi_Minh')];
    expect(hanoi.rows).toEqual(utc.rows);
    expect(utc.rows[0]?.text).toContain('"2025-05-19T01:30:00.123456Z"');
  });

  it('continues the chain from the migrated events', async () => {
    await handle.db.transaction((tx) =>
      recordAudit(tx, systemActor('kiểm thử'), {
        action: 'test.after_migration' as AuditAction,
        entityType: 'test',
      }),
    );
    expect(await verifyAuditChain(handle.db)).toMatchObject({ intact: true, events: 4, head: { seq: 4 } });
  });
});
