import { readFileSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { movements, planVersions } from '#server/platform/db/schema.ts';
import { signInAs } from '../../../../tests/support/factories.ts';
import { expectNothingStored } from '../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../tests/support/test-app.ts';
import { auditOf, buildProvince, createByHand, multipart, tag, thisYear } from './test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});
const planFile = readFileSync(
  path.resolve(import.meta.dirname, '../../../../tests/fixtures/movements/ke-hoach-van-hoa-cong-so.txt'),
);

async function importPlan(
  headers: Record<string, string>,
  unitId: string,
  fileName = 'ke-hoach.txt',
  content: Buffer | string = planFile,
) {
  const body = multipart(fileName, content);
  return t.app.inject({
    method: 'POST',
    url: `/api/movements/import?launchingUnitId=${unitId}&confirmWarnings=true`,
    headers: { ...headers, 'content-type': body.contentType },
    payload: body.payload,
  });
}

describe('POST /api/movements', () => {
  it('creates a draft by hand with an empty plan, audited', async () => {
    const { province, provinceOfficer } = await buildProvince(t);
    const id = await createByHand(t, provinceOfficer.headers, province.id, 'Thi đua dân vận khéo');
    const detail = await t.app.inject({
      method: 'GET',
      url: `/api/movements/${id}`,
      headers: provinceOfficer.headers,
    });
    expect(detail.json()).toMatchObject({
      name: 'Thi đua dân vận khéo',
      status: 'draft',
      launchingUnit: { id: province.id, name: province.name },
      currentVersion: 1,
      actions: expect.arrayContaining(['edit', 'launch']),
    });
    const [row] = await t.handle.db.select().from(movements).where(eq(movements.id, id));
    expect(row?.rootMovementId).toBe(id);
    expect(await auditOf(t, 'movement.create', id)).toHaveLength(1);
  });

  it('refuses a unit outside the officer scope with 403 and a staff member with 403', async () => {
    const { province, districtOfficer } = await buildProvince(t);
    const response = await expectNothingStored(t.handle, () =>
      t.app.inject({
        method: 'POST',
        url: '/api/movements',
        headers: districtOfficer.headers,
        payload: {
          name: 'Phong trào ngoài phạm vi',
          periodFrom: 2020,
          periodTo: 2021,
          launchingUnitId: province.id,
        },
      }),
    );
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('OUT_OF_SCOPE');
    const staff = await signInAs(t, 'staff', province.id);
    const refused = await expectNothingStored(t.handle, () =>
      t.app.inject({
        method: 'POST',
        url: '/api/movements',
        headers: staff.headers,
        payload: { name: 'Phong trào', periodFrom: 2020, periodTo: 2021, launchingUnitId: province.id },
      }),
    );
    expect(refused.statusCode).toBe(403);
  });
});

describe('POST /api/movements/import', () => {
  it('makes a draft from a plan file with its source text and unclassified lines', async () => {
    const { province, provinceOfficer } = await buildProvince(t);
    const response = await importPlan(provinceOfficer.headers, province.id);
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({
      status: 'draft',
      periodFrom: 2019,
      periodTo: 2025,
      planNumber: '75/KH-UBND',
    });
    expect(body.name).toContain('văn hóa công sở');
    expect(body.sourceText).toContain('KẾ HOẠCH');
    expect(body.plan.criteria.collective).toHaveLength(3);
    expect(body.plan.criteria.collective[0].points).toBe(20);
    expect(body.plan.awards.map((award: { round: string }) => award.round)).toEqual(['midterm', 'final']);
    expect(Array.isArray(body.unclassified)).toBe(true);
    expect(await auditOf(t, 'movement.create', body.id)).toHaveLength(1);
  });

  it('refuses a file that is not a document with 422 in Vietnamese and stores nothing', async () => {
    const { province, provinceOfficer } = await buildProvince(t);
    const before = await t.handle.db
      .select({ id: movements.id })
      .from(movements)
      .where(eq(movements.launchingUnitId, province.id));
    const binary = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3, 4, 5, 6, 7, 0, 0, 0, 0, 1, 1, 1, 1]);
    const response = await expectNothingStored(t.handle, () =>
      importPlan(provinceOfficer.headers, province.id, 'anh.png', binary),
    );
    expect(response.statusCode).toBe(422);
    expect(response.json().message).toMatch(/Không đọc được tệp kế hoạch/);
    const asText = await expectNothingStored(t.handle, () =>
      importPlan(provinceOfficer.headers, province.id, 'rac.txt', binary),
    );
    expect(asText.statusCode).toBe(422);
    const after = await t.handle.db
      .select({ id: movements.id })
      .from(movements)
      .where(eq(movements.launchingUnitId, province.id));
    expect(after.length).toBe(before.length);
  });
});

describe('GET /api/movements', () => {
  it('searches without diacritics within the scope, with the required shape', async () => {
    const { province, districtA, provinceOfficer, districtOfficer } = await buildProvince(t);
    const word = `Congso${tag()}`;
    const id = await createByHand(t, provinceOfficer.headers, province.id, `Văn hóa công sở ${word}`);
    const found = await t.app.inject({
      method: 'GET',
      url: `/api/movements?q=van hoa cong so ${word.toLowerCase()}`,
      headers: provinceOfficer.headers,
    });
    expect(found.json()).toMatchObject({
      total: { value: 1, exact: true },
      next: null,
      prev: null,
      items: [
        {
          id,
          name: `Văn hóa công sở ${word}`,
          periodFrom: thisYear,
          periodTo: thisYear + 4,
          launchingUnit: { id: province.id, name: province.name },
        },
      ],
    });
    // A draft of the province is not visible to the district; after launch it is.
    const hidden = await t.app.inject({
      method: 'GET',
      url: `/api/movements?q=${word}`,
      headers: districtOfficer.headers,
    });
    expect(hidden.json().total).toEqual({ value: 0, exact: true });
    await t.app.inject({
      method: 'POST',
      url: `/api/movements/${id}/launch`,
      headers: provinceOfficer.headers,
      payload: {},
    });
    const visible = await t.app.inject({
      method: 'GET',
      url: `/api/movements?q=${word}`,
      headers: districtOfficer.headers,
    });
    expect(visible.json().items[0]).toMatchObject({
      id,
      actions: expect.arrayContaining(['implement', 'register']),
    });
    const other = await signInAs(t, 'tdkt_officer', (await buildProvince(t)).province.id);
    const outside = await t.app.inject({
      method: 'GET',
      url: `/api/movements?q=${word}`,
      headers: other.headers,
    });
    expect(outside.json().total).toEqual({ value: 0, exact: true });
    expect(districtA.id).toBeTruthy();
  });
});

describe('plan edits and versions', () => {
  it('edits a draft in place, then keeps the launched version readable after a later edit', async () => {
    const { province, provinceOfficer } = await buildProvince(t);
    const id = (await importPlan(provinceOfficer.headers, province.id)).json().id as string;
    const detail = (
      await t.app.inject({ method: 'GET', url: `/api/movements/${id}`, headers: provinceOfficer.headers })
    ).json();
    const first = detail.plan.criteria.collective[0];
    const reword = await t.app.inject({
      method: 'POST',
      url: `/api/movements/${id}/plan/criteria`,
      headers: provinceOfficer.headers,
      payload: {
        version: detail.version,
        op: 'reword',
        tree: 'collective',
        id: first.id,
        text: 'Có quy chế văn hóa công sở',
        points: 25,
      },
    });
    expect(reword.statusCode).toBe(200);
    expect(reword.json().currentVersion).toBe(1);
    expect(reword.json().plan.criteria.collective[0]).toMatchObject({
      text: 'Có quy chế văn hóa công sở',
      points: 25,
    });
    expect(await auditOf(t, 'plan.criteria', id)).toHaveLength(1);

    const launched = await t.app.inject({
      method: 'POST',
      url: `/api/movements/${id}/launch`,
      headers: provinceOfficer.headers,
      payload: { confirmedWarnings: ['period_over'] },
    });
    expect(launched.json().version).toBe(reword.json().version + 1);
    const added = await t.app.inject({
      method: 'POST',
      url: `/api/movements/${id}/plan/criteria`,
      headers: provinceOfficer.headers,
      payload: {
        version: launched.json().version,
        op: 'add',
        tree: 'individual',
        parentId: null,
        text: 'Tham gia hiến máu tình nguyện',
      },
    });
    expect(added.json().currentVersion).toBe(2);
    const versions = await t.app.inject({
      method: 'GET',
      url: `/api/movements/${id}/versions`,
      headers: provinceOfficer.headers,
    });
    expect(
      versions.json().items.map((v: { version: number; isCurrent: boolean }) => [v.version, v.isCurrent]),
    ).toEqual([
      [1, false],
      [2, true],
    ]);
    const old = await t.app.inject({
      method: 'GET',
      url: `/api/movements/${id}/versions/1`,
      headers: provinceOfficer.headers,
    });
    expect(JSON.stringify(old.json().plan.criteria.individual)).not.toContain('hiến máu');
    const stored = await t.handle.db.select().from(planVersions).where(eq(planVersions.movementId, id));
    expect(stored).toHaveLength(2);
  });

  it('places an unclassified line into a field or drops it', async () => {
    const { province, provinceOfficer } = await buildProvince(t);
    const text = `${planFile.toString('utf8').replace('VI. KINH PHÍ', 'Tiêu\nCông\nVI. KINH PHÍ')}`;
    const id = (await importPlan(provinceOfficer.headers, province.id, 'kh.txt', text)).json().id as string;
    const detail = (
      await t.app.inject({ method: 'GET', url: `/api/movements/${id}`, headers: provinceOfficer.headers })
    ).json();
    const lines = detail.unclassified as { line: number; text: string }[];
    expect(lines.length).toBeGreaterThan(0);
    const line = lines[0]?.line as number;
    const dropped = await t.app.inject({
      method: 'POST',
      url: `/api/movements/${id}/plan/unclassified/${line}`,
      headers: provinceOfficer.headers,
      payload: { version: detail.version, action: 'drop' },
    });
    expect(dropped.statusCode).toBe(200);
    expect(dropped.json().unclassified.some((entry: { line: number }) => entry.line === line)).toBe(false);
    const again = await expectNothingStored(t.handle, () =>
      t.app.inject({
        method: 'POST',
        url: `/api/movements/${id}/plan/unclassified/${line}`,
        headers: provinceOfficer.headers,
        payload: { version: dropped.json().version, action: 'place', target: 'funding' },
      }),
    );
    expect(again.statusCode).toBe(404);
    expect(await auditOf(t, 'plan.place_line', id)).toHaveLength(1);
  });

  it('changes the movement fields and copies a movement into a new draft', async () => {
    const { province, districtA, provinceOfficer } = await buildProvince(t);
    const id = await createByHand(t, provinceOfficer.headers, province.id);
    const { version } = (
      await t.app.inject({ method: 'GET', url: `/api/movements/${id}`, headers: provinceOfficer.headers })
    ).json();
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/movements/${id}`,
      headers: provinceOfficer.headers,
      payload: { theme: 'Kỷ cương – trách nhiệm – hiệu quả', kind: 'regular', version },
    });
    expect(patched.json()).toMatchObject({ theme: 'Kỷ cương – trách nhiệm – hiệu quả', kind: 'regular' });
    expect(await auditOf(t, 'movement.update', id)).toHaveLength(1);
    const copy = await t.app.inject({
      method: 'POST',
      url: `/api/movements/${id}/copy`,
      headers: provinceOfficer.headers,
      payload: { launchingUnitId: districtA.id },
    });
    expect(copy.statusCode).toBe(201);
    expect(copy.json()).toMatchObject({ status: 'draft', launchingUnit: { id: districtA.id } });
  });
});

describe('GET /api/movements/:id/export', () => {
  it('exports the current plan and a version as DOCX through the engine', async () => {
    const { province, provinceOfficer } = await buildProvince(t);
    const id = (await importPlan(provinceOfficer.headers, province.id)).json().id as string;
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/movements/${id}/versions/1/export?format=docx`,
      headers: provinceOfficer.headers,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('wordprocessingml');
    expect(response.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const current = await t.app.inject({
      method: 'GET',
      url: `/api/movements/${id}/export`,
      headers: provinceOfficer.headers,
    });
    expect(current.statusCode).toBe(200);
  });
});
