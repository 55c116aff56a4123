import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildMovement, buildUnit, signInAs } from '../../../../tests/support/factories.ts';
import { expectNothingStored } from '../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../tests/support/test-app.ts';
import { storedFiles } from '../files/files.schema.ts';
import { claimNextJob, enqueueJob } from './job-queue.ts';
import { jobs } from './jobs.schema.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

/** A province with a movement, its officer, and an officer of another province. */
async function setting() {
  const province = await buildUnit(t.handle.db, {
    name: `Tỉnh ${randomUUID().slice(0, 6)}`,
    kind: 'province',
  });
  const other = await buildUnit(t.handle.db, { name: `Tỉnh ${randomUUID().slice(0, 6)}`, kind: 'province' });
  const movement = await buildMovement(t.handle.db, { launchingUnitId: province.id });
  const officer = await signInAs(t, 'tdkt_officer', province.id);
  const stranger = await signInAs(t, 'tdkt_officer', other.id);
  return { movement, officer, stranger };
}
const jobRow = async (id: string) => (await t.handle.db.select().from(jobs).where(eq(jobs.id, id)))[0];
/** Runs waiting jobs until none is left (other tests' jobs too). */
const drain = async () => {
  while (await t.app.jobs.runNext()) {}
};

describe('background jobs', () => {
  it('queues a plan PDF, runs it in any process, and serves the file to its owner only', async () => {
    const { movement, officer, stranger } = await setting();
    const created = await t.app.inject({
      method: 'POST',
      url: `/api/movements/${movement.id}/pdf-jobs`,
      headers: { ...officer.headers, 'idempotency-key': randomUUID() },
      payload: {},
    });
    expect(created.statusCode, created.body).toBe(201);
    const job = created.json();
    expect(job).toMatchObject({ status: 'queued', progress: 0, kind: 'movements.plan_pdf', fileName: null });
    expect(await jobRow(job.id)).toMatchObject({ status: 'queued', createdBy: officer.user.id });

    await drain();
    const done = await t.app.inject({ method: 'GET', url: `/api/jobs/${job.id}`, headers: officer.headers });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', progress: 100, message: 'Đã chuyển xong sang PDF.' });
    expect(done.json().fileName).toMatch(/-v1\.pdf$/);
    const file = await t.app.inject({
      method: 'GET',
      url: `/api/jobs/${job.id}/file`,
      headers: officer.headers,
    });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // The bytes live in the database (no S3 configured), so any server process can send them.
    const stored = (
      await t.handle.db
        .select()
        .from(storedFiles)
        .where(eq(storedFiles.id, (await jobRow(job.id))?.resultFileId ?? ''))
    )[0];
    expect(stored).toMatchObject({ storage: 'database', size: file.rawPayload.length });

    for (const url of [`/api/jobs/${job.id}`, `/api/jobs/${job.id}/file`]) {
      const refused = await t.app.inject({ method: 'GET', url, headers: stranger.headers });
      expect(refused.statusCode).toBe(404);
      expect(refused.json().message).toBe('Không tìm thấy việc đang xử lý này.');
    }
    const anonymous = await t.app.inject({ method: 'GET', url: `/api/jobs/${job.id}` });
    expect(anonymous.statusCode).toBe(401);
  }, 180_000);

  it('answers a repeated request with the first job and refuses bad requests without queueing anything', async () => {
    const { movement, officer, stranger } = await setting();
    const key = randomUUID();
    const send = (headers: Record<string, string>, payload: object, id = movement.id) =>
      t.app.inject({ method: 'POST', url: `/api/movements/${id}/pdf-jobs`, headers, payload });
    const first = await send({ ...officer.headers, 'idempotency-key': key }, {});
    const again = await send({ ...officer.headers, 'idempotency-key': key }, {});
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    const count = await t.handle.db
      .select({ n: sql<number>`count(*)::int` })
      .from(jobs)
      .where(eq(jobs.createdBy, officer.user.id));
    expect(count[0]?.n).toBe(1);

    await expectNothingStored(t.handle, async () => {
      const unknownField = await send(officer.headers, { format: 'pdf', extra: 1 });
      expect(unknownField.statusCode).toBe(400);
      const noSuchVersion = await send(officer.headers, { version: 9 });
      expect(noSuchVersion.statusCode).toBe(404);
      const outOfScope = await send(stranger.headers, {});
      expect([403, 404]).toContain(outOfScope.statusCode);
      const missing = await send(officer.headers, {}, randomUUID());
      expect(missing.statusCode).toBe(404);
    });
    await drain();
  }, 180_000);

  it('lets another process take a job whose lease ran out (a crash or restart loses nothing)', async () => {
    const { movement } = await setting();
    const job = await enqueueJob(t.handle.db, {
      kind: 'movements.plan_pdf',
      payload: { movementId: movement.id, version: 1 },
      createdBy: null,
    });
    const kinds = ['movements.plan_pdf'];
    const taken = await claimNextJob(t.handle.db, 'process-a', kinds);
    expect(taken).toMatchObject({ id: job.id, status: 'running', workerId: 'process-a', attempts: 1 });
    // Process A dies: nobody renews its lease. While it lasts, B finds nothing to do…
    expect(await claimNextJob(t.handle.db, 'process-b', kinds)).toBeNull();
    await t.handle.db
      .update(jobs)
      .set({ leaseUntil: sql`now() - interval '1 second'` })
      .where(eq(jobs.id, job.id));
    // …after it, B takes the same job again.
    expect(await claimNextJob(t.handle.db, 'process-b', kinds)).toMatchObject({
      id: job.id,
      workerId: 'process-b',
      attempts: 2,
    });
    await t.handle.db
      .update(jobs)
      .set({ leaseUntil: sql`now() - interval '1 second'` })
      .where(eq(jobs.id, job.id));
    await drain();
    expect(await jobRow(job.id)).toMatchObject({ status: 'done', attempts: 3 });
  }, 180_000);

  it('fails a job whose payload no longer fits, with a message for the user, without retrying', async () => {
    const job = await enqueueJob(t.handle.db, {
      kind: 'movements.plan_pdf',
      payload: { movementId: 'not-a-uuid' },
      createdBy: null,
    });
    await drain();
    expect(await jobRow(job.id)).toMatchObject({
      status: 'failed',
      attempts: 1,
      message: 'Dữ liệu của việc này không còn hợp lệ.',
    });
    const gone = await enqueueJob(t.handle.db, {
      kind: 'movements.plan_pdf',
      payload: { movementId: randomUUID(), version: 1 },
      createdBy: null,
    });
    await drain();
    expect(await jobRow(gone.id)).toMatchObject({ status: 'failed', message: 'Kế hoạch không còn tồn tại.' });
  });
});
