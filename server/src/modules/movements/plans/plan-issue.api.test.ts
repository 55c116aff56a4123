import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PlanContent } from '#contracts/movements.ts';
import { planObligations, planVersions } from '#server/platform/db/schema.ts';
import { signInAs } from '../../../../../tests/support/factories.ts';
import { expectNothingStored } from '../../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';
import { auditOf, buildProvince, currentPlanText, multipart, tag } from '../test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

const send = (
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  headers: Record<string, string>,
  payload?: unknown,
) => t.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });

/**
 * The province imports and launches a plan; the district copies it, fills its number, date and signer
 * and issues it; the commune copies the district's plan as its draft.
 */
async function communeDraft() {
  const p = await buildProvince(t);
  const file = multipart('ke-hoach.txt', currentPlanText);
  const imported = await t.app.inject({
    method: 'POST',
    url: `/api/movements/import?launchingUnitId=${p.province.id}`,
    headers: { ...p.provinceOfficer.headers, 'content-type': file.contentType },
    payload: file.payload,
  });
  expect(imported.statusCode).toBe(201);
  const provincial = imported.json().id as string;
  const provinceLaunch = await send(
    'POST',
    `/api/movements/${provincial}/launch`,
    p.provinceOfficer.headers,
    {},
  );
  expect(provinceLaunch.statusCode).toBe(200);
  const district = (
    await send('POST', `/api/movements/${provincial}/implement`, p.districtOfficer.headers, {
      launchingUnitId: p.districtA.id,
    })
  ).json();
  const header = { number: `${tag()}/KH-UBND`, date: '2026-01-15', signerName: 'Nguyễn Văn An' };
  await send('PATCH', `/api/movements/${district.id}/plan/document`, p.districtOfficer.headers, {
    version: district.version,
    ...header,
  });
  const launched = await send('POST', `/api/movements/${district.id}/launch`, p.districtOfficer.headers, {});
  expect(launched.statusCode).toBe(200);
  const communeOfficer = await signInAs(t, 'tdkt_officer', p.commune.id);
  const draft = await send('POST', `/api/movements/${district.id}/implement`, communeOfficer.headers, {
    launchingUnitId: p.commune.id,
  });
  expect(draft.statusCode).toBe(201);
  return { ...p, districtMovement: district.id, communeOfficer, draft: draft.json() };
}

const storedPlan = async (id: string) => {
  const [row] = await t.handle.db
    .select()
    .from(planVersions)
    .where(and(eq(planVersions.movementId, id), eq(planVersions.version, 1)));
  return row?.content as PlanContent;
};

describe('PATCH /api/movements/:id/plan/document', () => {
  it('lets the commune officer correct number, date, place, signature and a section, stored and audited', async () => {
    const s = await communeDraft();
    const { draft } = s;
    expect(draft.plan.document).toMatchObject({ number: null, date: null, signature: { name: null } });
    const number = `${tag()}/KH-UBND`;
    const response = await send(
      'PATCH',
      `/api/movements/${draft.id}/plan/document`,
      s.communeOfficer.headers,
      {
        version: draft.version,
        number,
        date: '2026-02-03',
        place: 'Bình Lư',
        authority: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH'],
        signerTitle: 'PHÓ CHỦ TỊCH',
        signerName: 'Lò Văn Hùng',
        sections: [{ path: [0, 0], text: 'Mục đích của xã Bình Lư' }],
      },
    );
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ planNumber: number, version: draft.version + 1, currentVersion: 1 });
    const stored = await storedPlan(draft.id);
    expect(stored.document).toMatchObject({
      number,
      date: '2026-02-03',
      place: 'Bình Lư',
      signature: {
        authority: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH'],
        title: 'PHÓ CHỦ TỊCH',
        name: 'Lò Văn Hùng',
      },
    });
    expect(stored.document.sections[0]?.children[0]?.text).toBe('Mục đích của xã Bình Lư');
    const [event] = await auditOf(t, 'plan.document', draft.id);
    expect(event?.after).toMatchObject({
      version: 1,
      newVersion: false,
      detail: {
        changes: expect.arrayContaining([
          { field: 'number', before: null, after: number },
          { field: 'signerName', before: null, after: 'Lò Văn Hùng' },
          expect.objectContaining({ field: 'sections.0.0', after: 'Mục đích của xã Bình Lư' }),
        ]),
      },
    });
  });

  it('refuses a stale version with 409 and the current record, another unit’s officer and a missing section, storing nothing', async () => {
    const s = await communeDraft();
    const { draft } = s;
    const first = await send('PATCH', `/api/movements/${draft.id}/plan/document`, s.communeOfficer.headers, {
      version: draft.version,
      number: '01/KH-UBND',
    });
    expect(first.statusCode).toBe(200);
    const stale = await expectNothingStored(t.handle, () =>
      send('PATCH', `/api/movements/${draft.id}/plan/document`, s.communeOfficer.headers, {
        version: draft.version,
        number: '02/KH-UBND',
      }),
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      code: 'VERSION_CONFLICT',
      conflict: { version: draft.version + 1, current: { planNumber: '01/KH-UBND' } },
    });
    const officerB = await signInAs(t, 'tdkt_officer', s.districtB.id);
    const outsider = await expectNothingStored(t.handle, () =>
      send('PATCH', `/api/movements/${draft.id}/plan/document`, officerB.headers, {
        version: draft.version + 1,
        number: '03/KH-UBND',
      }),
    );
    expect(outsider.statusCode).toBe(404);
    const missing = await expectNothingStored(t.handle, () =>
      send('PATCH', `/api/movements/${draft.id}/plan/document`, s.communeOfficer.headers, {
        version: draft.version + 1,
        sections: [{ path: [999], text: 'Không có mục này' }],
      }),
    );
    expect(missing.statusCode).toBe(400);
    expect(missing.json().message).toMatch(/Không tìm thấy mục cần sửa/);
    const badDate = await expectNothingStored(t.handle, () =>
      send('PATCH', `/api/movements/${draft.id}/plan/document`, s.communeOfficer.headers, {
        version: draft.version + 1,
        date: '2026-02-30',
      }),
    );
    expect(badDate.statusCode).toBe(400);
    expect((await storedPlan(draft.id)).document.number).toBe('01/KH-UBND');
  });
});

describe('issuing an implementing plan', () => {
  it('refuses to issue without number, date and signer, naming each, storing nothing; issues once they are filled', async () => {
    const s = await communeDraft();
    const { draft } = s;
    const check = await send('GET', `/api/movements/${draft.id}/launch-check`, s.communeOfficer.headers);
    expect(check.statusCode).toBe(200);
    expect(check.json()).toEqual({ missing: ['số, ký hiệu', 'ngày ban hành', 'người ký'], warnings: [] });

    const refused = await expectNothingStored(t.handle, () =>
      send('POST', `/api/movements/${draft.id}/launch`, s.communeOfficer.headers, {}),
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toBe(
      'Chưa ban hành được: kế hoạch còn thiếu số, ký hiệu, ngày ban hành, người ký. Vui lòng bổ sung ở mục “Thông tin văn bản” rồi ban hành lại.',
    );
    expect(refused.json().fields.map((field: { path: string }) => field.path)).toEqual([
      'number',
      'date',
      'signerName',
    ]);

    // Only the signer is missing now: the refusal names it alone.
    const partly = await send('PATCH', `/api/movements/${draft.id}/plan/document`, s.communeOfficer.headers, {
      version: draft.version,
      number: `${tag()}/KH-UBND`,
      date: '2026-02-03',
    });
    const noSigner = await expectNothingStored(t.handle, () =>
      send('POST', `/api/movements/${draft.id}/launch`, s.communeOfficer.headers, {}),
    );
    expect(noSigner.statusCode).toBe(400);
    expect(noSigner.json().message).toMatch(/thiếu người ký\./);

    await send('PATCH', `/api/movements/${draft.id}/plan/document`, s.communeOfficer.headers, {
      version: partly.json().version,
      signerName: 'Lò Văn Hùng',
    });
    const issued = await send('POST', `/api/movements/${draft.id}/launch`, s.communeOfficer.headers, {});
    expect(issued.statusCode).toBe(200);
    const [obligation] = await t.handle.db
      .select()
      .from(planObligations)
      .where(
        and(eq(planObligations.movementId, s.districtMovement), eq(planObligations.unitId, s.commune.id)),
      );
    expect(obligation).toMatchObject({ state: 'issued', implementingMovementId: draft.id });
    expect(await auditOf(t, 'movement.launch', draft.id)).toHaveLength(1);
  });

  it('lets only the managers of the draft read its launch check', async () => {
    const s = await communeDraft();
    const officerB = await signInAs(t, 'tdkt_officer', s.districtB.id);
    const response = await send('GET', `/api/movements/${s.draft.id}/launch-check`, officerB.headers);
    expect(response.statusCode).toBe(404);
  });
});
