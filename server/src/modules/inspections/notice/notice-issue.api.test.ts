import { eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { vietnamToday } from '#server/modules/nominations/index.ts';
import { inspectionNoticeCounters, inspectionTargets } from '#server/platform/db/schema.ts';
import { expectNothingStored } from '../../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';
import {
  auditOf,
  buildInspectionScene,
  createPlanWithTargets,
  type InspectionScene,
  sender,
} from '../test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

const targetRow = async (id: string) =>
  (await t.handle.db.select().from(inspectionTargets).where(eq(inspectionTargets.id, id)))[0];

/** An approved plan whose two targets carry a conclusion; their views as the province officer sees them. */
async function concluded(scene: InspectionScene) {
  const { commune, commune2 } = await createPlanWithTargets(t, scene, { approve: true });
  const send = sender(t);
  const views: Record<string, { version: number }> = {};
  for (const id of [commune, commune2]) {
    const view = (await send('GET', `/api/inspection-targets/${id}`, scene.provinceOfficer.headers)).json();
    const written = await send('PATCH', `/api/inspection-targets/${id}`, scene.provinceOfficer.headers, {
      conclusion: 'Đơn vị triển khai đầy đủ các nội dung kiểm tra.',
      version: view.version,
    });
    expect(written.statusCode, written.body).toBe(200);
    views[id] = written.json();
  }
  return { commune, commune2, views };
}

describe('POST /api/inspection-targets/:id/notice/issue', () => {
  it('issues the notice once with the next number of the council register, shown on the page and the DOCX; refusals store nothing', async () => {
    const scene = await buildInspectionScene(t);
    const { commune } = await createPlanWithTargets(t, scene, { approve: true });
    const send = sender(t);
    const headers = scene.provinceOfficer.headers;
    const url = `/api/inspection-targets/${commune}/notice/issue`;
    let view = (await send('GET', `/api/inspection-targets/${commune}`, headers)).json();
    expect(view.notice).toBeNull();
    const empty = await expectNothingStored(t.handle, () =>
      send('POST', url, headers, { version: view.version }),
    );
    expect(empty.statusCode).toBe(409);
    expect(empty.json().message).toContain('Nhập kết luận kiểm tra');
    view = (
      await send('PATCH', `/api/inspection-targets/${commune}`, headers, {
        conclusion: 'Đơn vị triển khai đầy đủ.',
        version: view.version,
      })
    ).json();
    for (const [client, version, status] of [
      [scene.communeOfficer, view.version, 403],
      [scene.provinceOfficer, view.version - 1, 409],
    ] as const) {
      const reply = await expectNothingStored(t.handle, () => send('POST', url, client.headers, { version }));
      expect(reply.statusCode, reply.body).toBe(status);
    }
    const issued = await send('POST', url, headers, { version: view.version });
    expect(issued.statusCode, issued.body).toBe(200);
    const today = vietnamToday();
    expect(issued.json().notice).toEqual({ number: '1/TB-HĐTĐKT', date: today });
    expect(await targetRow(commune)).toMatchObject({
      noticeNumber: '1/TB-HĐTĐKT',
      noticeSequence: 1,
      noticeYear: Number(today.slice(0, 4)),
      noticeCouncilId: scene.council.id,
      noticeDate: today,
    });
    const [audit] = await auditOf(t, 'inspection.notice_issue', commune);
    expect(audit?.after).toMatchObject({ noticeNumber: '1/TB-HĐTĐKT' });
    view = issued.json();
    // Issued once: a second issue, and edits of the conclusion, are refused.
    const again = await expectNothingStored(t.handle, () =>
      send('POST', url, headers, { version: view.version }),
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain('1/TB-HĐTĐKT');
    const edit = await expectNothingStored(t.handle, () =>
      send('PATCH', `/api/inspection-targets/${commune}`, headers, {
        conclusion: 'Sửa sau khi ban hành.',
        version: view.version,
      }),
    );
    expect(edit.statusCode).toBe(409);
    const docx = await send('GET', `/api/inspection-targets/${commune}/notice`, scene.communeOfficer.headers);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-disposition']).toContain('thong-bao-ket-luan-kiem-tra-so-1-');
    const xml =
      (await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('Số: 1/TB-HĐTĐKT');
  });

  it('gives concurrent issues distinct numbers and never the same target two numbers', async () => {
    const scene = await buildInspectionScene(t);
    const { commune, commune2, views } = await concluded(scene);
    const send = sender(t);
    const headers = scene.provinceOfficer.headers;
    const issue = (id: string) =>
      send('POST', `/api/inspection-targets/${id}/notice/issue`, headers, { version: views[id]?.version });
    const replies = await Promise.all([issue(commune), issue(commune2), issue(commune)]);
    const statuses = replies.map((reply) => reply.statusCode).sort();
    expect(statuses).toEqual([200, 200, 409]);
    const numbers = [
      (await targetRow(commune))?.noticeNumber,
      (await targetRow(commune2))?.noticeNumber,
    ].sort();
    expect(numbers).toEqual(['1/TB-HĐTĐKT', '2/TB-HĐTĐKT']);
    const [counter] = await t.handle.db
      .select()
      .from(inspectionNoticeCounters)
      .where(eq(inspectionNoticeCounters.councilId, scene.council.id));
    expect(counter?.lastNumber).toBe(2);
    expect(await auditOf(t, 'inspection.notice_issue', commune)).toHaveLength(1);
  });
});
