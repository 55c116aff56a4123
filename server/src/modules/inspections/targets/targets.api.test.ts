import { eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { inspectionFindings, inspectionRemedies, inspectionTargets } from '#server/platform/db/schema.ts';
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

/** An approved plan with the commune's target carrying one finding and one remedy due on `dueOn`. */
async function inspected(scene: InspectionScene, dueOn = '2024-12-31') {
  const { plan, commune, commune2 } = await createPlanWithTargets(t, scene, { approve: true });
  const send = sender(t);
  const headers = scene.provinceOfficer.headers;
  let view = (await send('GET', `/api/inspection-targets/${commune}`, headers)).json();
  const finding = await send('PUT', `/api/inspection-targets/${commune}/findings/ke-hoach`, headers, {
    text: 'Đã ban hành kế hoạch nhưng chậm 2 tháng.',
    score: 7.5,
    version: view.version,
  });
  expect(finding.statusCode, finding.body).toBe(200);
  view = finding.json();
  const remedy = await send('POST', `/api/inspection-targets/${commune}/remedies`, headers, {
    text: 'Bổ sung hồ sơ khen thưởng còn thiếu biên bản họp.',
    dueOn,
    version: view.version,
  });
  expect(remedy.statusCode, remedy.body).toBe(200);
  return { plan, commune, commune2, view: remedy.json() };
}

describe('findings, recommendations and remedies', () => {
  it('records findings with scores within bounds and remedies with deadlines, audited', async () => {
    const scene = await buildInspectionScene(t);
    const { commune, view } = await inspected(scene);
    expect(view.findings).toEqual([
      { itemId: 'ke-hoach', text: 'Đã ban hành kế hoạch nhưng chậm 2 tháng.', score: 7.5, rating: null },
    ]);
    expect(view.remedies[0]).toMatchObject({ status: 'not_started', dueOn: '2024-12-31', isOverdue: true });
    expect(view.actions).toEqual(['record', 'issue_notice']);
    expect(await auditOf(t, 'inspection.finding', commune)).toHaveLength(1);
    expect(await auditOf(t, 'inspection.remedy_add', view.remedies[0].id)).toHaveLength(1);
    const send = sender(t);
    const headers = scene.provinceOfficer.headers;
    const rated = await send('PUT', `/api/inspection-targets/${commune}/findings/ho-so`, headers, {
      text: 'Hồ sơ đầy đủ.',
      rating: 'good',
      version: view.version,
    });
    expect(rated.statusCode, rated.body).toBe(200);
    const concluded = await send('PATCH', `/api/inspection-targets/${commune}`, headers, {
      conclusion: 'Đơn vị triển khai nghiêm túc.',
      recommendations: 'Tăng cường tuyên truyền.',
      version: rated.json().version,
    });
    expect(concluded.statusCode, concluded.body).toBe(200);
    expect(concluded.json()).toMatchObject({ conclusion: 'Đơn vị triển khai nghiêm túc.' });
    expect(await auditOf(t, 'inspection.target_update', commune)).toHaveLength(1);
    const version = concluded.json().version;
    const refusals = [
      [
        'PUT',
        `/api/inspection-targets/${commune}/findings/ke-hoach`,
        { text: 'Quá điểm', score: 11, version },
        400,
      ],
      ['PUT', `/api/inspection-targets/${commune}/findings/ke-hoach`, { text: 'Không điểm', version }, 400],
      [
        'PUT',
        `/api/inspection-targets/${commune}/findings/ho-so`,
        { text: 'Điểm cho xếp loại', score: 3, rating: 'pass', version },
        400,
      ],
      ['PUT', `/api/inspection-targets/${commune}/findings/khong-co`, { text: 'Nội dung lạ', version }, 404],
      [
        'PUT',
        `/api/inspection-targets/${commune}/findings/ke-hoach`,
        { text: 'Cũ rồi', score: 5, version: version - 1 },
        409,
      ],
      [
        'POST',
        `/api/inspection-targets/${commune}/remedies`,
        { text: 'Trước ngày kiểm tra', dueOn: '2024-10-01', version },
        400,
      ],
      [
        'POST',
        `/api/inspection-targets/${commune}/remedies`,
        { text: 'Ngày sai', dueOn: '2024-02-30', version },
        400,
      ],
      [
        'POST',
        `/api/inspection-targets/${commune}/remedies`,
        { text: 'Cũ rồi', dueOn: '2025-01-31', version: version - 1 },
        409,
      ],
      ['PATCH', `/api/inspection-targets/${commune}`, { inspectOn: '2025-03-01', version }, 400],
    ] as const;
    for (const [method, url, payload, status] of refusals) {
      const reply = await expectNothingStored(t.handle, () => send(method, url, headers, payload));
      expect(reply.statusCode, `${url} ${reply.body}`).toBe(status);
    }
    for (const client of [scene.communeOfficer, scene.chair.client, scene.otherOfficer]) {
      const reply = await expectNothingStored(t.handle, () =>
        send('POST', `/api/inspection-targets/${commune}/remedies`, client.headers, {
          text: 'Không phải người ghi',
          dueOn: '2025-01-31',
          version,
        }),
      );
      expect(reply.statusCode).toBe(403);
    }
    const rows = await t.handle.db
      .select()
      .from(inspectionFindings)
      .where(eq(inspectionFindings.targetId, commune));
    expect(rows.map((row) => row.itemId).sort()).toEqual(['ho-so', 'ke-hoach']);
  });

  it('refuses findings on a draft plan (409) and shows each unit its own target only', async () => {
    const scene = await buildInspectionScene(t);
    const { commune, commune2 } = await createPlanWithTargets(t, scene);
    const send = sender(t);
    const draft = await expectNothingStored(t.handle, () =>
      send('PUT', `/api/inspection-targets/${commune}/findings/ke-hoach`, scene.provinceOfficer.headers, {
        text: 'Chưa phê duyệt',
        score: 5,
        version: 1,
      }),
    );
    expect(draft.statusCode).toBe(409);
    expect(
      (await send('GET', `/api/inspection-targets/${commune}`, scene.communeOfficer.headers)).statusCode,
    ).toBe(200);
    expect(
      (await send('GET', `/api/inspection-targets/${commune2}`, scene.communeOfficer.headers)).statusCode,
    ).toBe(403);
    expect(
      (await send('GET', `/api/inspection-targets/${commune}`, scene.districtOfficer.headers)).statusCode,
    ).toBe(200);
    expect(
      (await send('GET', `/api/inspection-targets/${commune}`, scene.otherOfficer.headers)).statusCode,
    ).toBe(403);
  });
});

describe('the inspection team', () => {
  it('lets a team member with an account record findings once the plan is approved', async () => {
    const scene = await buildInspectionScene(t);
    const { plan, commune } = await createPlanWithTargets(t, scene);
    const send = sender(t);
    const headers = scene.provinceOfficer.headers;
    const lead = await send('POST', `/api/inspections/${plan.id}/team`, headers, {
      personId: scene.chair.person.id,
      councilMemberId: scene.chair.member.id,
      role: 'lead',
      version: plan.version,
    });
    expect(lead.statusCode, lead.body).toBe(200);
    const approved = await send('POST', `/api/inspections/${plan.id}/approve`, headers, {
      version: lead.json().version,
    });
    expect(approved.statusCode, approved.body).toBe(200);
    const asLead = await send('GET', `/api/inspection-targets/${commune}`, scene.chair.client.headers);
    expect(asLead.json().actions).toEqual(['record']);
    const finding = await send(
      'PUT',
      `/api/inspection-targets/${commune}/findings/ho-so`,
      scene.chair.client.headers,
      {
        text: 'Hồ sơ còn thiếu biên bản.',
        rating: 'pass',
        version: asLead.json().version,
      },
    );
    expect(finding.statusCode, finding.body).toBe(200);
    const [event] = await auditOf(t, 'inspection.finding', commune);
    expect(event?.actorId).toBe(scene.chair.client.user.id);
  });
});

describe('follow-up by the inspected unit', () => {
  it('reports progress and evidence on a remedy, audited; the to-do goes to the unit and the overdue one to the council', async () => {
    const scene = await buildInspectionScene(t);
    const { commune, view } = await inspected(scene);
    const remedy = view.remedies[0];
    const send = sender(t);
    const todoKinds = async (headers: Record<string, string>) =>
      ((await send('GET', '/api/todo', headers)).json().items as { kind: string; link: string }[])
        .filter((item) => item.link === `/kiem-tra/doi-tuong/${commune}`)
        .map((item) => item.kind);
    expect(await todoKinds(scene.communeOfficer.headers)).toEqual(['inspection_remedy']);
    expect(await todoKinds(scene.provinceOfficer.headers)).toEqual(['inspection_overdue']);
    const asUnit = await send('GET', `/api/inspection-targets/${commune}`, scene.communeOfficer.headers);
    expect(asUnit.json().actions).toEqual(['follow_up']);
    const reported = await send(
      'POST',
      `/api/inspection-remedies/${remedy.id}/follow-up`,
      scene.communeOfficer.headers,
      {
        status: 'in_progress',
        note: 'Đang bổ sung biên bản.',
        version: remedy.version,
      },
    );
    expect(reported.statusCode, reported.body).toBe(200);
    expect(reported.json().remedies[0]).toMatchObject({
      status: 'in_progress',
      note: 'Đang bổ sung biên bản.',
    });
    const [event] = await auditOf(t, 'inspection.follow_up', remedy.id);
    expect(event?.after).toMatchObject({ status: 'in_progress' });
    const refusals = [
      [scene.communeOfficer, { status: 'done', note: 'Cũ', version: remedy.version }, 409],
      [scene.commune2Officer, { status: 'done', note: 'Đơn vị khác', version: remedy.version + 1 }, 403],
      [scene.otherOfficer, { status: 'done', note: 'Tỉnh khác', version: remedy.version + 1 }, 403],
      [
        scene.communeOfficer,
        { status: 'finished', note: 'Sai trạng thái', version: remedy.version + 1 },
        400,
      ],
    ] as const;
    for (const [client, payload, status] of refusals) {
      const reply = await expectNothingStored(t.handle, () =>
        send('POST', `/api/inspection-remedies/${remedy.id}/follow-up`, client.headers, payload),
      );
      expect(reply.statusCode, reply.body).toBe(status);
    }
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const upload = (data: Buffer, version: number) => {
      const boundary = `----tdkt${crypto.randomUUID()}`;
      const body = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bien-ban.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
        ),
        data,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return t.app.inject({
        method: 'POST',
        url: `/api/inspection-remedies/${remedy.id}/evidence?version=${version}`,
        headers: {
          ...scene.communeOfficer.headers,
          'content-type': `multipart/form-data; boundary=${boundary}`,
        },
        payload: body,
      });
    };
    const notDocument = await expectNothingStored(t.handle, () =>
      upload(Buffer.from('just text'), remedy.version + 1),
    );
    expect(notDocument.statusCode).toBe(415);
    const attached = await upload(pdf, remedy.version + 1);
    expect(attached.statusCode, attached.body).toBe(200);
    expect(attached.json().remedies[0].evidence).toMatchObject({ fileName: 'bien-ban.pdf' });
    expect(await auditOf(t, 'inspection.evidence', remedy.id)).toHaveLength(1);
    const file = await send(
      'GET',
      `/api/inspection-remedies/${remedy.id}/evidence`,
      scene.provinceOfficer.headers,
    );
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(
      (await send('GET', `/api/inspection-remedies/${remedy.id}/evidence`, scene.otherOfficer.headers))
        .statusCode,
    ).toBe(403);
    const done = await send(
      'POST',
      `/api/inspection-remedies/${remedy.id}/follow-up`,
      scene.communeOfficer.headers,
      {
        status: 'done',
        note: 'Đã bổ sung đầy đủ.',
        version: remedy.version + 2,
      },
    );
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().remedies[0]).toMatchObject({ status: 'done', isOverdue: false });
    const [stored] = await t.handle.db
      .select()
      .from(inspectionRemedies)
      .where(eq(inspectionRemedies.id, remedy.id));
    expect(stored?.status).toBe('done');
    expect(await todoKinds(scene.communeOfficer.headers)).toEqual([]);
    expect(await todoKinds(scene.provinceOfficer.headers)).toEqual([]);
  });
});

describe('GET /api/inspection-targets/:id/notice', () => {
  it('exports the conclusion notice as NĐ 30 DOCX with the findings table; refused on a draft and out of scope', async () => {
    const scene = await buildInspectionScene(t);
    const { commune } = await inspected(scene);
    const send = sender(t);
    const reply = await send(
      'GET',
      `/api/inspection-targets/${commune}/notice`,
      scene.communeOfficer.headers,
    );
    expect(reply.statusCode, reply.body).toBe(200);
    expect(reply.headers['content-type']).toContain('wordprocessingml');
    const zip = await JSZip.loadAsync(reply.rawPayload);
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('THÔNG BÁO');
    expect(xml).toContain('Kết luận kiểm tra công tác thi đua, khen thưởng năm 2024');
    expect(xml).toContain('Xã Một');
    expect(xml).toContain('7,5/10');
    expect(xml).toContain('Bổ sung hồ sơ khen thưởng còn thiếu biên bản họp.');
    expect(
      (await send('GET', `/api/inspection-targets/${commune}/notice`, scene.otherOfficer.headers)).statusCode,
    ).toBe(403);
    const other = await buildInspectionScene(t);
    const draft = await createPlanWithTargets(t, other);
    const [target] = await t.handle.db
      .select()
      .from(inspectionTargets)
      .where(eq(inspectionTargets.id, draft.commune));
    const refused = await send(
      'GET',
      `/api/inspection-targets/${target?.id}/notice`,
      other.nationalReader.headers,
    );
    expect(refused.statusCode).toBe(409);
  });
});
