import { type AuditEntry, recordAudit, systemActor } from '#server/platform/audit/audit.ts';
import { type DatabaseHandle, openPglite, openPostgres } from '#server/platform/db/client.ts';
import { migrateDatabase } from '#server/platform/db/migrate.ts';
import { createScratchDatabase } from '../tests/support/postgres.ts';

const SEQUENTIAL = Number(process.env.TDKT_BENCH_AUDIT_EVENTS ?? 1000);
const WORKERS = 10;

/** One typical event: a council row before a change. */
const entry = (index: number): AuditEntry => ({
  action: 'council.update',
  entityType: 'council',
  entityId: String(index),
  before: { id: index, name: 'Hội đồng Thi đua – Khen thưởng', members: [1, 2, 3] },
  after: { id: index, name: 'Hội đồng Thi đua – Khen thưởng tỉnh', members: [1, 2, 3, 4] },
});

/** Microseconds per call, rounded. */
const perCall = (startedNs: bigint, calls: number) =>
  Math.round(Number(process.hrtime.bigint() - startedNs) / 1000 / calls);

/** Time of one recordAudit in its own transaction, one after another and from concurrent writers. */
async function measureEngine(handle: DatabaseHandle, concurrent: boolean) {
  const actor = systemActor('bench');
  for (let i = 0; i < 50; i++) await handle.db.transaction((tx) => recordAudit(tx, actor, entry(i)));
  let started = process.hrtime.bigint();
  for (let i = 0; i < SEQUENTIAL; i++) await handle.db.transaction((tx) => recordAudit(tx, actor, entry(i)));
  const ownTransactionUs = perCall(started, SEQUENTIAL);
  started = process.hrtime.bigint();
  await handle.db.transaction(async (tx) => {
    for (let i = 0; i < SEQUENTIAL; i++) await recordAudit(tx, actor, entry(i));
  });
  const inOneTransactionUs = perCall(started, SEQUENTIAL);
  let concurrentUs: number | null = null;
  if (concurrent) {
    started = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: WORKERS }, async (_, worker) => {
        for (let i = 0; i < SEQUENTIAL / WORKERS; i++)
          await handle.db.transaction((tx) => recordAudit(tx, actor, entry(worker * 1000 + i)));
      }),
    );
    concurrentUs = perCall(started, SEQUENTIAL);
  }
  return { events: SEQUENTIAL, ownTransactionUs, inOneTransactionUs, concurrentUs, workers: WORKERS };
}

/** recordAudit cost on PGlite (in memory) and PostgreSQL (a scratch database). */
export async function runAuditBench() {
  const pglite = await openPglite(null);
  let pgliteFigures: Awaited<ReturnType<typeof measureEngine>>;
  try {
    await migrateDatabase(pglite);
    pgliteFigures = await measureEngine(pglite, false);
  } finally {
    await pglite.close();
  }
  const database = await createScratchDatabase('bench_audit');
  let postgresFigures: Awaited<ReturnType<typeof measureEngine>>;
  try {
    const handle = await openPostgres(database.url, WORKERS);
    try {
      await migrateDatabase(handle, database.url);
      postgresFigures = await measureEngine(handle, true);
    } finally {
      await handle.close();
    }
  } finally {
    await database.drop();
  }
  return { pglite: pgliteFigures, postgres: postgresFigures };
}
