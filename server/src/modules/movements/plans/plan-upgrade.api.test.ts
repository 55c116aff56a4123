import { readFileSync } from 'node:fs';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PlanContent } from '#contracts/movements.ts';
import { parseDocumentText } from '#server/modules/documents/index.ts';
import { planVersions } from '#server/platform/db/schema.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';
import { buildProvince, createByHand } from '../test-support.ts';
import { planContentFromDocument } from './plan-content.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

/** A plan as the engine stored it before issues 16 and 17: no preamble, attachments, types; recipients as text. */
function storedByEarlierEngine(): PlanContent {
  const text = readFileSync(
    path.resolve(import.meta.dirname, '../../../../../tests/fixtures/documents/quyet-dinh-khen-thuong.txt'),
    'utf8',
  );
  const content = planContentFromDocument(parseDocumentText(text));
  const {
    type: _type,
    authority: _authority,
    preamble: _preamble,
    enacting: _enacting,
    articles: _articles,
    attachments: _attachments,
    ...older
  } = content.document;
  const { periodSource: _periodSource, ...movement } = older.movement;
  return {
    ...content,
    document: { ...older, movement, recipients: older.recipients.map((entry) => entry.text) },
  } as unknown as PlanContent;
}

describe('plans saved by an earlier document engine', () => {
  it('open, show their recipients as entries and export to DOCX', async () => {
    const { province, provinceOfficer } = await buildProvince(t);
    const id = await createByHand(t, provinceOfficer.headers, province.id);
    await t.handle.db
      .update(planVersions)
      .set({ content: storedByEarlierEngine() })
      .where(and(eq(planVersions.movementId, id), eq(planVersions.version, 1)));
    const detail = await t.app.inject({
      method: 'GET',
      url: `/api/movements/${id}`,
      headers: provinceOfficer.headers,
    });
    expect(detail.statusCode).toBe(200);
    const document = detail.json().plan.document;
    expect(document.recipients[0]).toEqual({ text: 'Như Điều 3', subEntries: [] });
    expect([document.type, document.preamble, document.attachments]).toEqual(['decision', [], []]);
    const exported = await t.app.inject({
      method: 'GET',
      url: `/api/movements/${id}/export?format=docx`,
      headers: provinceOfficer.headers,
    });
    expect(exported.statusCode).toBe(200);
    expect(exported.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});
