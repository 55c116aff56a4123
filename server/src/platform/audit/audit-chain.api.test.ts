import { sql, TransactionRollbackError } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { AuditAction } from '#contracts/audit.ts';
import { closeOwner, getTestApp, openOwner, type TestApp } from '../../../../tests/support/test-app.ts';
import { assertCannotRewriteAudit } from '../db/app-role.ts';
import type { DatabaseHandle, Executor } from '../db/client.ts';
import { recordAudit, systemActor } from './audit.ts';
import { type ChainReport, verifyAuditChain } from './verify.ts';

let t: TestApp;
let owner: DatabaseHandle;
const onPostgres = inject('databaseUrl') !== null;

beforeAll(async () => {
  t = await getTestApp();
  owner = await openOwner(t);
  for (let index = 0; index < 8; index++) {
    await t.handle.db.transaction((tx) =>
      recordAudit(tx, systemActor('kiểm thử'), {
        action: 'test.chain' as AuditAction,
        entityType: 'test',
        entityId: String(index),
        before: { tên: 'Hội đồng Thi đua', số: index, danhSách: [1, 'hai', null] },
        after: { tên: 'Hội đồng Thi đua – Khen thưởng', số: index + 0.5 },
      }),
    );
  }
});
afterAll(async () => {
  await closeOwner(t, owner);
});

type Row = { seq: number; id: string; hash: string; prev_hash: string };

async function rows(executor: Executor, where = sql`true`): Promise<Row[]> {
  const result = (await executor.execute(
    sql`select seq::int as seq, id::text as id, hash, prev_hash from audit_events where ${where} order by seq`,
  )) as unknown as { rows: Row[] };
  return result.rows;
}

/** Runs a change as the owner with the append-only trigger off, verifies inside, then rolls it all back. */
async function verifyAfter(
  change: (tx: Executor, head: Row) => Promise<void>,
  knownHead?: { seq: number; hash: string },
): Promise<ChainReport> {
  let report: ChainReport | undefined;
  await owner.db
    .transaction(async (tx) => {
      await tx.execute(sql`alter table audit_events disable trigger audit_events_no_update_delete`);
      const [head] = await rows(tx, sql`seq = (select max(seq) from audit_events)`);
      await change(tx, head as Row);
      report = await verifyAuditChain(tx, knownHead);
      tx.rollback();
    })
    .catch((error) => {
      if (!(error instanceof TransactionRollbackError)) throw error;
    });
  return report as ChainReport;
}

describe('the audit hash chain', () => {
  it('numbers events without gaps and chains them, also when 20 transactions write at once', async () => {
    const [{ seq: before } = { seq: 0 }] = await rows(
      t.handle.db,
      sql`seq = (select max(seq) from audit_events)`,
    );
    await Promise.all(
      Array.from({ length: 20 }, (_, writer) =>
        t.handle.db.transaction(async (tx) => {
          for (const step of [1, 2]) {
            await recordAudit(tx, systemActor('kiểm thử'), {
              action: 'test.concurrent' as AuditAction,
              entityType: 'test',
              entityId: `${writer}.${step}`,
            });
          }
        }),
      ),
    );
    const written = await rows(t.handle.db, sql`seq > ${before}`);
    expect(written.map((row) => row.seq)).toEqual(
      Array.from({ length: 40 }, (_, index) => before + index + 1),
    );
    const report = await verifyAuditChain(t.handle.db);
    expect(report).toMatchObject({ intact: true, head: { seq: before + 40 } });
  });

  it('names an altered event', async () => {
    const report = await verifyAfter(async (tx, head) => {
      await tx.execute(sql`update audit_events set action = 'user.grant' where seq = ${head.seq - 3}`);
    });
    const [altered] = await rows(owner.db, sql`seq = (select max(seq) - 3 from audit_events)`);
    expect(report).toMatchObject({
      intact: false,
      problem: { kind: 'altered', seq: altered?.seq, id: altered?.id },
    });
    if (!report.intact)
      expect(report.problem.message).toBe(
        `Sự kiện số ${altered?.seq} (mã ${altered?.id}) đã bị sửa: nội dung không khớp mã kiểm tra.`,
      );
  });

  it('names a removed event, whether or not the later ones were renumbered', async () => {
    const removed = await verifyAfter(async (tx, head) => {
      await tx.execute(sql`delete from audit_events where seq = ${head.seq - 2}`);
    });
    const [head] = await rows(owner.db, sql`seq = (select max(seq) from audit_events)`);
    const seq = (head?.seq as number) - 2;
    expect(removed).toMatchObject({ intact: false, problem: { kind: 'removed', seq, id: null } });
    if (!removed.intact)
      expect(removed.problem.message).toMatch(
        new RegExp(`^Thiếu sự kiện số ${seq} \\(ngay trước sự kiện số ${seq + 1} `),
      );

    const renumbered = await verifyAfter(async (tx, last) => {
      await tx.execute(sql`delete from audit_events where seq = ${last.seq - 2}`);
      await tx.execute(sql`update audit_events set seq = -seq where seq > ${last.seq - 2}`);
      await tx.execute(sql`update audit_events set seq = -seq - 1 where seq < 0`);
    });
    expect(renumbered).toMatchObject({ intact: false, problem: { kind: 'broken', seq } });
  });

  it('names an event inserted between two others, even with a correct hash of its own', async () => {
    let forgedId = '';
    const report = await verifyAfter(async (tx, head) => {
      const at = head.seq - 1;
      await tx.execute(sql`update audit_events set seq = -seq where seq >= ${at}`);
      await tx.execute(sql`update audit_events set seq = -seq + 1 where seq < 0`);
      // As the owner, given seq and hashes are kept (that is how a restore loads the chain).
      const inserted = (await tx.execute(
        sql`insert into audit_events (action, entity_type, seq, prev_hash, hash)
            values ('user.grant', 'user', ${at}, (select hash from audit_events where seq = ${at - 1}), 'x')
            returning id::text as id`,
      )) as unknown as { rows: { id: string }[] };
      forgedId = inserted.rows[0]?.id as string;
      await tx.execute(
        sql`update audit_events e set hash = audit_event_hash(e.prev_hash, e) where seq = ${at}`,
      );
    });
    expect(report).toMatchObject({ intact: false, problem: { kind: 'inserted', id: forgedId } });
    if (!report.intact) expect(report.problem.message).toContain(`(mã ${forgedId}) bị chèn thêm`);
  });

  it('notices the newest events removed when given the head noted before', async () => {
    const [head] = await rows(owner.db, sql`seq = (select max(seq) from audit_events)`);
    const known = { seq: head?.seq as number, hash: head?.hash as string };
    const cut = async (tx: Executor, last: Row) => {
      await tx.execute(sql`delete from audit_events where seq >= ${last.seq - 1}`);
    };
    expect(await verifyAfter(cut)).toMatchObject({ intact: true });
    expect(await verifyAfter(cut, known)).toMatchObject({
      intact: false,
      problem: { kind: 'removed', seq: known.seq - 1 },
    });
    expect(await verifyAuditChain(t.handle.db, known)).toMatchObject({ intact: true });
  });
});

describe.runIf(onPostgres)('the request role on PostgreSQL', () => {
  it('may only read and append: no UPDATE, DELETE, TRUNCATE, trigger or table changes', async () => {
    const [who] = await t.handle.query<{ name: string; owner: string }>(
      `select current_user as name, pg_get_userbyid(relowner) as owner from pg_class where oid = 'audit_events'::regclass`,
    );
    expect(who?.name).toMatch(/_app$/);
    expect(who?.owner).not.toBe(who?.name);
    const refused: [string, RegExp][] = [
      ["update audit_events set action = 'x'", /permission denied/],
      ['delete from audit_events', /permission denied/],
      ['truncate audit_events', /permission denied/],
      ['alter table audit_events disable trigger all', /must be owner/],
      ['alter table audit_events disable trigger audit_events_no_update_delete', /must be owner/],
      ['drop trigger audit_events_no_update_delete on audit_events', /must be owner/],
      ['drop trigger audit_events_chain on audit_events', /must be owner/],
      ['drop table audit_events cascade', /must be owner/],
      [
        "create or replace function audit_event_hash(text, audit_events) returns text language sql as $$ select 'x' $$",
        /permission denied for schema public|must be owner/,
      ],
    ];
    for (const [statement, error] of refused)
      await expect(t.handle.query(statement), statement).rejects.toThrow(error);
    const [before] = await t.handle.query<{ n: number }>('select count(*)::int as n from audit_events');
    await t.handle.db.transaction((tx) =>
      recordAudit(tx, systemActor('kiểm thử'), { action: 'test.append' as AuditAction, entityType: 'test' }),
    );
    const [after] = await t.handle.query<{ n: number }>('select count(*)::int as n from audit_events');
    expect(after?.n).toBe((before?.n as number) + 1);
  });

  it('refuses to serve through a connection that could rewrite the trail', async () => {
    await expect(assertCannotRewriteAudit(t.handle)).resolves.toBeUndefined();
    await expect(assertCannotRewriteAudit(owner)).rejects.toThrow(/có thể sửa hoặc xóa nhật ký/);
  });

  it('ignores a sequence number and hashes the application supplies', async () => {
    const [last] = await rows(t.handle.db, sql`seq = (select max(seq) from audit_events)`);
    const [stored] = await t.handle.query<Row>(
      `insert into audit_events (action, entity_type, seq, prev_hash, hash)
       values ('test.forged', 'test', 1, $1, $1) returning seq::int as seq, prev_hash, hash`,
      ['f'.repeat(64)],
    );
    expect(stored?.seq).toBe((last?.seq as number) + 1);
    expect(stored?.prev_hash).toBe(last?.hash);
    expect(await verifyAuditChain(t.handle.db)).toMatchObject({ intact: true });
  });
});
