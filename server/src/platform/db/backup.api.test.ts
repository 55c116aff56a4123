import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTestApp, type TestApp } from '../../../../tests/support/test-app.ts';
import { vietnameseSortKey } from '../../modules/organisation/sort-key.ts';
import { backupDatabase, restoreDatabase } from './backup.ts';
import { type DatabaseHandle, openPglite } from './client.ts';
import { migrateDatabase } from './migrate.ts';
import { units } from './schema.ts';

let t: TestApp;
let target: DatabaseHandle;
const folder = mkdtempSync(path.join(tmpdir(), 'tdkt-backup-test-'));
beforeAll(async () => {
  t = await getTestApp();
  target = await openPglite(null);
  await migrateDatabase(target);
});
afterAll(async () => {
  await target?.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('backupDatabase → restoreDatabase', () => {
  it('restores a unit tree larger than one batch, whatever order parents and children come in', async () => {
    const rows: (typeof units.$inferInsert)[] = [];
    for (let parentIndex = 0; parentIndex < 40; parentIndex++) {
      const parentId = randomUUID();
      const name = `Sở thử sao lưu ${parentIndex}`;
      rows.push({
        id: parentId,
        path: `/${parentId}/`,
        name,
        code: `BK${parentIndex}-${parentId}`,
        sortKey: vietnameseSortKey(name),
      });
      for (let childIndex = 0; childIndex < 30; childIndex++) {
        const id = randomUUID();
        const childName = `Phòng ${parentIndex}.${childIndex}`;
        rows.push({
          id,
          parentId,
          path: `/${parentId}/${id}/`,
          name: childName,
          code: `BK${parentIndex}.${childIndex}-${id}`,
          sortKey: vietnameseSortKey(childName),
        });
      }
    }
    await t.handle.db.insert(units).values(rows);
    const file = path.join(folder, 'tdkt.backup');
    await backupDatabase(t.handle, file);
    await restoreDatabase(target, file);
    const [restored] = await target.query<{ n: number; linked: number }>(
      "select count(*)::int as n, count(parent_id)::int as linked from units where code like 'BK%'",
    );
    expect(restored).toEqual({ n: 1240, linked: 1200 });
    const [audit] = await target.query<{ n: number }>(
      "select count(*)::int as n from audit_events where action = 'system.restore'",
    );
    expect(audit?.n).toBe(1);
  });
});
