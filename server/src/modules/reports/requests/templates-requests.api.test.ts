import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { reportRequests, reports } from '#server/platform/db/schema.ts';
import { expectNothingStored } from '../../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';
import { createByHand } from '../../movements/test-support.ts';
import {
  auditOf,
  buildReportingProvince,
  dayFromToday,
  INDICATORS,
  provinceRequest,
  requester,
  SECTIONS,
} from '../test-support.ts';

let t: TestApp;
let http: ReturnType<typeof requester>;
beforeAll(async () => {
  t = await getTestApp();
  http = requester(t);
});

describe('report templates', () => {
  it('are created, built from a movement plan, edited at their version, and refused out of scope', async () => {
    const p = await buildReportingProvince(t);
    const created = await http.post('/api/report-templates', p.provinceOfficer.headers, {
      ownerUnitId: p.province.id,
      name: 'Mẫu báo cáo năm',
      sections: SECTIONS,
      indicators: INDICATORS,
    });
    expect(created.statusCode).toBe(201);
    const template = created.json();
    expect(template).toMatchObject({ ownerUnit: { id: p.province.id }, version: 1, sections: SECTIONS });
    expect(await auditOf(t, 'report_template.create', template.id)).toMatchObject([
      {
        actorId: p.provinceOfficer.user.id,
        entityType: 'report_template',
        after: { name: 'Mẫu báo cáo năm' },
      },
    ]);
    const outOfScope = await expectNothingStored(t.handle, () =>
      http.post('/api/report-templates', p.districtOfficer.headers, {
        ownerUnitId: p.province.id,
        name: 'Mẫu của tỉnh',
        sections: SECTIONS,
        indicators: [],
      }),
    );
    expect(outOfScope.statusCode).toBe(403);
    const duplicate = await expectNothingStored(t.handle, () =>
      http.post('/api/report-templates', p.provinceOfficer.headers, {
        ownerUnitId: p.province.id,
        name: 'Mẫu trùng mã',
        sections: [SECTIONS[0], SECTIONS[0]],
        indicators: [],
      }),
    );
    expect(duplicate.statusCode).toBe(400);
    const control = await expectNothingStored(t.handle, () =>
      http.post('/api/report-templates', p.provinceOfficer.headers, {
        ownerUnitId: p.province.id,
        name: 'Mẫu\u0007',
        sections: SECTIONS,
        indicators: [],
      }),
    );
    expect(control.statusCode).toBe(400);
    const headOnly = await expectNothingStored(t.handle, () =>
      http.post('/api/report-templates', p.communeHead.headers, {
        ownerUnitId: p.commune.id,
        name: 'Mẫu của xã',
        sections: SECTIONS,
        indicators: [],
      }),
    );
    expect(headOnly.statusCode).toBe(403);

    const updated = await http.put(`/api/report-templates/${template.id}`, p.provinceOfficer.headers, {
      version: 1,
      name: 'Mẫu báo cáo năm (sửa)',
      sections: SECTIONS.slice(0, 2),
      indicators: INDICATORS,
    });
    expect(updated.json()).toMatchObject({ name: 'Mẫu báo cáo năm (sửa)', version: 2 });
    expect(await auditOf(t, 'report_template.update', template.id)).toMatchObject([
      { before: { name: 'Mẫu báo cáo năm' }, after: { name: 'Mẫu báo cáo năm (sửa)' } },
    ]);
    const stale = await expectNothingStored(t.handle, () =>
      http.put(`/api/report-templates/${template.id}`, p.provinceOfficer.headers, {
        version: 1,
        name: 'Cũ',
        sections: SECTIONS,
        indicators: [],
      }),
    );
    expect(stale.statusCode).toBe(409);
    const list = await http.get(
      `/api/report-templates?ownerUnitId=${p.province.id}`,
      p.provinceOfficer.headers,
    );
    expect(list.json().items.map((item: { id: string }) => item.id)).toContain(template.id);

    const movementId = await createByHand(t, p.provinceOfficer.headers, p.province.id);
    const fromPlan = await http.post('/api/report-templates/from-movement', p.provinceOfficer.headers, {
      movementId,
      ownerUnitId: p.province.id,
    });
    expect(fromPlan.statusCode).toBe(201);
    expect(fromPlan.json()).toMatchObject({ movementId });
    const keys = fromPlan.json().sections.map((section: { key: string }) => section.key);
    expect(keys).toEqual(expect.arrayContaining(['trien-khai', 'ket-qua', 'ton-tai', 'de-xuat']));
    expect(await auditOf(t, 'report_template.create', fromPlan.json().id)).toHaveLength(1);
    // Another province cannot build a template from a movement it does not see.
    const other = await buildReportingProvince(t);
    const unseen = await expectNothingStored(t.handle, () =>
      http.post('/api/report-templates/from-movement', other.provinceOfficer.headers, {
        movementId,
        ownerUnitId: other.province.id,
      }),
    );
    expect(unseen.statusCode).toBe(404);
    expect(unseen.json().message).toBe('Không tìm thấy phong trào.');
  });
});

describe('report requests', () => {
  it('ask the direct children or chosen kinds, cascade only with an earlier deadline, and refuse otherwise', async () => {
    const p = await buildReportingProvince(t);
    const { template, request } = await provinceRequest(t, p);
    expect(request).toMatchObject({ unit: { id: p.province.id }, counts: { total: 3, notSubmitted: 3 } });
    const [event] = await auditOf(t, 'report_request.create', request.id);
    expect(event).toMatchObject({ actorId: p.provinceOfficer.user.id, after: { reportCount: 3 } });
    const base = {
      unitId: p.province.id,
      kind: 'general_yearly',
      title: 'Báo cáo của các xã',
      periodFrom: '2024-01-01',
      periodTo: '2024-12-31',
      dueOn: dayFromToday(10),
      templateId: template.id,
    };
    const communes = await http.post('/api/report-requests', p.provinceOfficer.headers, {
      ...base,
      targets: { mode: 'kinds', kinds: ['commune'] },
    });
    expect(communes.json().counts.total).toBe(1);

    const refusals = [
      [p.districtOfficer, { ...base, targets: { mode: 'children' } }, 403],
      [p.provinceOfficer, { ...base, periodTo: '2023-12-31', targets: { mode: 'children' } }, 400],
      [p.provinceOfficer, { ...base, dueOn: '2024-02-30', targets: { mode: 'children' } }, 400],
      [p.provinceOfficer, { ...base, kind: 'movement_yearly', targets: { mode: 'children' } }, 400],
      [p.provinceOfficer, { ...base, targets: { mode: 'kinds', kinds: ['ministry'] } }, 400],
      [p.communeOfficer, { ...base, unitId: p.commune.id, targets: { mode: 'children' } }, 400],
      [
        p.districtOfficer,
        {
          ...base,
          unitId: p.districtA.id,
          parentRequestId: request.id,
          dueOn: dayFromToday(30),
          targets: { mode: 'children' },
        },
        400,
      ],
      [
        p.communeOfficer,
        {
          ...base,
          unitId: p.commune.id,
          parentRequestId: request.id,
          dueOn: dayFromToday(5),
          targets: { mode: 'children' },
        },
        409,
      ],
    ] as const;
    for (const [who, payload, status] of refusals) {
      const refused = await expectNothingStored(t.handle, () =>
        http.post('/api/report-requests', who.headers, payload),
      );
      expect(refused.statusCode, JSON.stringify(payload)).toBe(status);
    }

    const cascaded = await http.post('/api/report-requests', p.districtOfficer.headers, {
      ...base,
      templateId: undefined,
      unitId: p.districtA.id,
      parentRequestId: request.id,
      dueOn: dayFromToday(29),
      targets: { mode: 'children' },
    });
    expect(cascaded.statusCode).toBe(201);
    expect(cascaded.json()).toMatchObject({
      parentRequestId: request.id,
      sections: SECTIONS,
      counts: { total: 1 },
    });
    const [stored] = await t.handle.db
      .select()
      .from(reportRequests)
      .where(eq(reportRequests.id, cascaded.json().id));
    expect(stored?.parentRequestId).toBe(request.id);

    const asked = await http.get('/api/report-requests?role=asked', p.communeOfficer.headers);
    expect(
      asked
        .json()
        .items.map((item: { id: string }) => item.id)
        .sort(),
    ).toEqual([cascaded.json().id, communes.json().id].sort());
    const made = await http.get('/api/report-requests', p.districtBOfficer.headers);
    expect(made.json().items.map((item: { id: string }) => item.id)).not.toContain(request.id);
    const unseen = await http.get(`/api/report-requests/${request.id}`, p.communeOfficer.headers);
    expect(unseen.statusCode).toBe(404);
    const rows = await t.handle.db.select().from(reports).where(eq(reports.requestId, request.id));
    expect(rows.map((row) => row.unitId).sort()).toEqual(
      [p.districtA.id, p.districtB.id, p.districtC.id].sort(),
    );
  });
});
