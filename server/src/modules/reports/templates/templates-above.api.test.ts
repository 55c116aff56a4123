import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { reportRequests, reportTemplates } from '#server/platform/db/schema.ts';
import { signInAs } from '../../../../../tests/support/factories.ts';
import { expectNothingStored } from '../../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';
import {
  auditOf,
  buildReportingProvince,
  dayFromToday,
  INDICATORS,
  requester,
  SECTIONS,
} from '../test-support.ts';

let t: TestApp;
let http: ReturnType<typeof requester>;
beforeAll(async () => {
  t = await getTestApp();
  http = requester(t);
});

/** A template of the province, of district A, of its commune and of district B, each made by its officer. */
async function scene() {
  const p = await buildReportingProvince(t);
  const communeOfficer = await signInAs(t, 'tdkt_officer', p.commune.id);
  const make = async (client: { headers: Record<string, string> }, ownerUnitId: string, name: string) => {
    const created = await http.post('/api/report-templates', client.headers, {
      ownerUnitId,
      name,
      sections: SECTIONS,
      indicators: INDICATORS,
    });
    expect(created.statusCode, created.body).toBe(201);
    return created.json().id as string;
  };
  return {
    ...p,
    province: { ...p.province, template: await make(p.provinceOfficer, p.province.id, 'A. Mẫu của tỉnh') },
    districtTemplate: await make(p.districtOfficer, p.districtA.id, 'B. Mẫu của huyện Tam Đường'),
    communeTemplate: await make(communeOfficer, p.commune.id, 'C. Mẫu của xã Bình Lư'),
    otherDistrictTemplate: await make(p.districtBOfficer, p.districtB.id, 'D. Mẫu của huyện Phong Thổ'),
  };
}

const shape = (items: { id: string; fromAbove: boolean; actions: string[] }[]) =>
  items.map(({ id, fromAbove, actions }) => ({ id, fromAbove, actions }));

describe('templates of the upper levels', () => {
  it('lists the templates of the units above a district officer’s, marked and not editable', async () => {
    const s = await scene();
    const list = await expectNothingStored(t.handle, () =>
      http.get('/api/report-templates', s.districtOfficer.headers),
    );
    expect(list.statusCode, list.body).toBe(200);
    expect(shape(list.json().items)).toEqual([
      { id: s.province.template, fromAbove: true, actions: [] },
      { id: s.districtTemplate, fromAbove: false, actions: ['edit'] },
      { id: s.communeTemplate, fromAbove: false, actions: ['edit'] },
    ]);
    expect(list.json().total).toEqual({ value: 3, exact: true });
    // A request of the commune may use its own and its district's and province's; of the district, not the commune's.
    const forCommune = await http.get(
      `/api/report-templates?forUnitId=${s.commune.id}`,
      s.districtOfficer.headers,
    );
    expect(forCommune.json().items.map((item: { id: string }) => item.id)).toEqual([
      s.province.template,
      s.districtTemplate,
      s.communeTemplate,
    ]);
    const forDistrict = await http.get(
      `/api/report-templates?forUnitId=${s.districtA.id}`,
      s.districtOfficer.headers,
    );
    expect(forDistrict.json().items.map((item: { id: string }) => item.id)).toEqual([
      s.province.template,
      s.districtTemplate,
    ]);
    // The province officer sees every template of the province as its own.
    const province = await http.get('/api/report-templates', s.provinceOfficer.headers);
    expect(shape(province.json().items)).toEqual(
      [s.province.template, s.districtTemplate, s.communeTemplate, s.otherDistrictTemplate].map((id) => ({
        id,
        fromAbove: false,
        actions: ['edit'],
      })),
    );
    const one = await http.get(`/api/report-templates/${s.province.template}`, s.districtOfficer.headers);
    expect(one.json()).toMatchObject({ ownerUnit: { id: s.province.id }, fromAbove: true, actions: [] });
  });

  it('lets the district use the province’s template for its own request and refuses to edit it', async () => {
    const s = await scene();
    const [before] = await t.handle.db
      .select()
      .from(reportTemplates)
      .where(eq(reportTemplates.id, s.province.template));
    const edit = await expectNothingStored(t.handle, () =>
      http.put(`/api/report-templates/${s.province.template}`, s.districtOfficer.headers, {
        name: 'Mẫu của tỉnh (huyện sửa)',
        sections: SECTIONS,
        indicators: [],
        version: 1,
      }),
    );
    expect(edit.statusCode).toBe(403);
    const [after] = await t.handle.db
      .select()
      .from(reportTemplates)
      .where(eq(reportTemplates.id, s.province.template));
    expect(after).toEqual(before);
    expect(await auditOf(t, 'report_template.update', s.province.template)).toHaveLength(0);
    const otherDistrict = await expectNothingStored(t.handle, () =>
      http.get(`/api/report-templates/${s.otherDistrictTemplate}`, s.districtOfficer.headers),
    );
    expect(otherDistrict.statusCode).toBe(404);

    const created = await http.post('/api/report-requests', s.districtOfficer.headers, {
      unitId: s.districtA.id,
      kind: 'general_yearly',
      title: 'Báo cáo công tác thi đua, khen thưởng năm 2024 của huyện',
      periodFrom: '2024-01-01',
      periodTo: '2024-12-31',
      dueOn: dayFromToday(15),
      templateId: s.province.template,
      targets: { mode: 'children' },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      unit: { id: s.districtA.id },
      sections: SECTIONS,
      counts: { total: 1 },
    });
    const [stored] = await t.handle.db
      .select()
      .from(reportRequests)
      .where(eq(reportRequests.id, created.json().id));
    expect(stored).toMatchObject({ templateId: s.province.template, indicators: INDICATORS });
    expect(await auditOf(t, 'report_request.create', created.json().id)).toMatchObject([
      { actorId: s.districtOfficer.user.id, after: { templateId: s.province.template, reportCount: 1 } },
    ]);
  });
});
