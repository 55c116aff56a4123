import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { scoringEntries, scoringEvents, scoringEvidence, scoringSheets } from '#server/platform/db/schema.ts';
import { expectNothingStored } from '../../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';
import { auditOf, buildScoringScene, createTable, sender } from '../test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** Huyện Hai's sheet of an opened table with criterion II entered, and an evidence upload helper. */
async function enteredSheet() {
  const scene = await buildScoringScene(t);
  const send = sender(t);
  const { table, criterion } = await createTable(t, scene, { open: true });
  const [sheet] = await t.handle.db
    .select()
    .from(scoringSheets)
    .where(eq(scoringSheets.tableId, table.id))
    .then((rows) => rows.filter((row) => row.unitId === scene.two.id));
  const id = sheet?.id as string;
  const put = await send(
    'PUT',
    `/api/scoring-sheets/${id}/entries/${criterion('II')}`,
    scene.twoOfficer.headers,
    {
      figures: { count: 1 },
      note: '',
      version: 0,
    },
  );
  expect(put.statusCode, put.body).toBe(200);
  const upload = (version: number, key?: string) => {
    const boundary = `----tdkt${crypto.randomUUID()}`;
    return t.app.inject({
      method: 'POST',
      url: `/api/scoring-sheets/${id}/entries/${criterion('II')}/evidence?version=${version}`,
      headers: {
        ...scene.twoOfficer.headers,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        ...(key ? { 'idempotency-key': key } : {}),
      },
      payload: Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="mo-hinh.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
        ),
        pdf,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
    });
  };
  const entryId = (put.json().rows as { criterion: { code: string }; entryId: string }[]).find(
    (row) => row.criterion.code === 'II',
  )?.entryId as string;
  const stored = () => t.handle.db.select().from(scoringEvidence).where(eq(scoringEvidence.entryId, entryId));
  return { scene, send, id, criterion, upload, entryId, stored, version: sheet?.version as number };
}

describe('evidence of a scoring entry', () => {
  it('stores one file for a repeated idempotency key and refuses a stale sheet version', async () => {
    const s = await enteredSheet();
    const key = crypto.randomUUID();
    const first = await s.upload(s.version, key);
    expect(first.statusCode, first.body).toBe(200);
    const again = await s.upload(s.version, key);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    expect(await s.stored()).toHaveLength(1);
    expect(await auditOf(t, 'scoring_entry.evidence', s.id)).toHaveLength(1);

    const stale = await expectNothingStored(t.handle, () => s.upload(s.version + 1));
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    const submitted = await s.send(
      'POST',
      `/api/scoring-sheets/${s.id}/advance`,
      s.scene.twoOfficer.headers,
      {
        version: s.version,
      },
    );
    expect(submitted.statusCode, submitted.body).toBe(200);
    // The version loaded before the submit no longer holds: nothing lands on the sent sheet.
    const late = await expectNothingStored(t.handle, () => s.upload(s.version));
    expect(late.statusCode).toBe(409);
    const sent = await expectNothingStored(t.handle, () => s.upload(submitted.json().version));
    expect(sent.statusCode).toBe(409);
    expect(await s.stored()).toHaveLength(1);
  });

  it('refuses a file past the cap per criterion in Vietnamese, nothing stored', async () => {
    const s = await enteredSheet();
    for (let index = 0; index < 20; index++) expect((await s.upload(s.version)).statusCode).toBe(200);
    const refused = await expectNothingStored(t.handle, () => s.upload(s.version));
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toBe('Tiêu chí đã có 20 tệp minh chứng, không đính kèm thêm được nữa.');
    expect(await s.stored()).toHaveLength(20);
  });

  it('lists the latest 50 history steps per criterion and says when there are more', async () => {
    const s = await enteredSheet();
    const base = Date.now();
    await t.handle.db.insert(scoringEvents).values(
      Array.from({ length: 60 }, (_, index) => ({
        entryId: s.entryId,
        stage: 'review1',
        figures: { count: 2 },
        score: 10,
        note: `Bước ${index + 1}`,
        createdAt: new Date(base + (index + 1) * 1000),
      })),
    );
    const view = await s.send('GET', `/api/scoring-sheets/${s.id}`, s.scene.twoOfficer.headers);
    const row = view
      .json()
      .rows.find((item: { criterion: { code: string } }) => item.criterion.code === 'II');
    expect(row.events).toHaveLength(50);
    expect(row.events[0].note).toBe('Bước 11');
    expect(row.events[49].note).toBe('Bước 60');
    expect(row.moreEvents).toBe(true);
    // The self score comes from the self step even when it is older than the steps listed.
    expect(row.selfScore).toBe(5);
    const [entry] = await t.handle.db.select().from(scoringEntries).where(eq(scoringEntries.id, s.entryId));
    expect(entry?.selfFigures).toEqual({ count: 1 });
    const short = view
      .json()
      .rows.find((item: { criterion: { code: string } }) => item.criterion.code === '1.1');
    expect(short.moreEvents).toBe(false);
  });
});
