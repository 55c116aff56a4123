import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { movements, planObligations } from '#server/platform/db/schema.ts';
import {
  buildPerson,
  buildUnit,
  buildUser,
  signIn,
  signInAs,
} from '../../../../../tests/support/factories.ts';
import { expectNothingStored } from '../../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';
import {
  auditOf,
  buildProvince,
  createByHand,
  currentPlanText,
  fillPlanDocument,
  multipart,
  tag,
} from '../test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

const seedsDir =
  process.env.TDKT_SEEDS_DIR ?? path.resolve(import.meta.dirname, '../../../../../../shared/seeds');
const seed004 = path.join(seedsDir, '004_8fdbf14a09820900.txt');

const post = (url: string, headers: Record<string, string>, payload: unknown = {}) =>
  t.app.inject({ method: 'POST', url, headers, payload: payload as object });

const importPlan = (headers: Record<string, string>, unitId: string, text: string, confirm = false) => {
  const file = multipart('ke-hoach.txt', text);
  return t.app.inject({
    method: 'POST',
    url: `/api/movements/import?launchingUnitId=${unitId}${confirm ? '&confirmWarnings=true' : ''}`,
    headers: { ...headers, 'content-type': file.contentType },
    payload: file.payload,
  });
};

/** Lai Châu province by its real name (a unique code), with two districts, and its officer. */
async function laiChau() {
  const province = await buildUnit(t.handle.db, {
    name: 'Ủy ban nhân dân tỉnh Lai Châu',
    code: `LCW${tag()}`,
    kind: 'province',
  });
  for (const name of ['Ủy ban nhân dân huyện Tam Đường', 'Ủy ban nhân dân huyện Sìn Hồ'])
    await buildUnit(t.handle.db, { parentId: province.id, name, kind: 'district' });
  const officer = await signInAs(t, 'tdkt_officer', province.id);
  return { province, officer };
}

const codes = (response: { json: () => { warnings: { code: string }[] } }) =>
  response.json().warnings.map((warning) => warning.code);

describe('warnings before a plan spreads', () => {
  it.skipIf(!existsSync(seed004))(
    'another province’s plan (seed 004, a Bắc Giang district) imported for Lai Châu: warned, then confirmed on import and on launch',
    async () => {
      const { province, officer } = await laiChau();
      const text = readFileSync(seed004, 'utf8');
      const before = await t.handle.db
        .select()
        .from(movements)
        .where(eq(movements.launchingUnitId, province.id));
      const warned = await expectNothingStored(t.handle, () =>
        importPlan(officer.headers, province.id, text),
      );
      expect(warned.statusCode).toBe(409);
      expect(warned.json().code).toBe('LAUNCH_WARNINGS');
      expect(codes(warned)).toEqual(['issuer_mismatch', 'place_mismatch', 'period_over']);
      expect(warned.json().warnings[0].message).toBe(
        'Cơ quan ban hành ghi trong văn bản là “UBND huyện Lục Ngạn”, khác đơn vị phát động “Ủy ban nhân dân tỉnh Lai Châu”.',
      );
      expect(warned.json().message).toMatch(/^Kế hoạch có 3 điểm cần xem lại/);
      expect(
        await t.handle.db.select().from(movements).where(eq(movements.launchingUnitId, province.id)),
      ).toEqual(before);

      const imported = await importPlan(officer.headers, province.id, text, true);
      expect(imported.statusCode).toBe(201);
      const id = imported.json().id as string;
      const [created] = await auditOf(t, 'movement.create', id);
      expect(created?.after).toMatchObject({
        how: 'import',
        confirmedWarnings: ['issuer_mismatch', 'place_mismatch', 'period_over'],
      });

      const check = await t.app.inject({
        method: 'GET',
        url: `/api/movements/${id}/launch-check`,
        headers: officer.headers,
      });
      expect(codes(check)).toEqual(['issuer_mismatch', 'place_mismatch', 'period_over']);
      // The seed carries no number: the plan cannot be issued (launched) until the officer adds one.
      expect(check.json().missing).toEqual(['số, ký hiệu']);
      const unnumbered = await expectNothingStored(t.handle, () =>
        post(`/api/movements/${id}/launch`, officer.headers, {
          confirmedWarnings: ['issuer_mismatch', 'place_mismatch', 'period_over'],
        }),
      );
      expect(unnumbered.statusCode).toBe(400);
      expect(unnumbered.json().message).toMatch(/^Chưa ban hành được: kế hoạch còn thiếu số, ký hiệu\./);
      const numbered = await t.app.inject({
        method: 'PATCH',
        url: `/api/movements/${id}/plan/document`,
        headers: officer.headers,
        payload: { version: imported.json().version, number: '45/KH-UBND' },
      });
      expect(numbered.statusCode, numbered.body).toBe(200);

      // A launch that confirms none, or only some, of the warnings launches nothing.
      for (const confirmedWarnings of [undefined, ['issuer_mismatch', 'period_over']]) {
        const refused = await expectNothingStored(t.handle, () =>
          post(`/api/movements/${id}/launch`, officer.headers, { confirmedWarnings }),
        );
        expect(refused.statusCode).toBe(409);
        expect(codes(refused)).toEqual(['issuer_mismatch', 'place_mismatch', 'period_over']);
      }
      expect(
        await t.handle.db.select().from(planObligations).where(eq(planObligations.movementId, id)),
      ).toEqual([]);

      const launched = await post(`/api/movements/${id}/launch`, officer.headers, {
        confirmedWarnings: ['issuer_mismatch', 'place_mismatch', 'period_over'],
      });
      expect(launched.statusCode).toBe(200);
      const [event] = await auditOf(t, 'movement.launch', id);
      expect(event?.after).toMatchObject({
        obligations: 2,
        confirmedWarnings: ['issuer_mismatch', 'place_mismatch', 'period_over'],
      });
    },
  );

  it('a second import of the same plan: same number, same name, unit and period', async () => {
    const { province, officer } = await laiChau();
    const text = currentPlanText;
    const first = await importPlan(officer.headers, province.id, text);
    expect(first.statusCode).toBe(201);
    expect(await auditOf(t, 'movement.create', first.json().id)).toHaveLength(1);
    const second = await expectNothingStored(t.handle, () => importPlan(officer.headers, province.id, text));
    expect(second.statusCode).toBe(409);
    expect(codes(second)).toEqual(['same_number', 'same_name']);
    expect(second.json().warnings[0].message).toMatch(/đã có phong trào mang số kế hoạch 75\/KH-UBND/);
    // The first one launches without a word: the second is still only a draft of a file.
    const launched = await post(`/api/movements/${first.json().id}/launch`, officer.headers, {});
    expect(launched.statusCode).toBe(200);
  });

  it('a movement typed by hand twice for the same unit and period, the second one warned at launch', async () => {
    const p = await buildProvince(t);
    const name = `Thi đua cải cách hành chính ${tag()}`;
    const first = await createByHand(t, p.provinceOfficer.headers, p.province.id, name);
    const second = await createByHand(
      t,
      p.provinceOfficer.headers,
      p.province.id,
      `  ${name.toUpperCase()} `.trim(),
    );
    expect((await post(`/api/movements/${first}/launch`, p.provinceOfficer.headers)).statusCode).toBe(409);
    const refused = await expectNothingStored(t.handle, () =>
      post(`/api/movements/${second}/launch`, p.provinceOfficer.headers),
    );
    expect(codes(refused)).toEqual(['same_name']);
    expect(
      (
        await post(`/api/movements/${second}/launch`, p.provinceOfficer.headers, {
          confirmedWarnings: ['same_name'],
        })
      ).statusCode,
    ).toBe(200);
  });
});

describe('registrations of a movement', () => {
  it('refuse an ended period and negative targets with a Vietnamese 400, storing nothing', async () => {
    const p = await buildProvince(t);
    const endedMovement = (
      await post('/api/movements', p.provinceOfficer.headers, {
        name: `Thi đua giai đoạn cũ ${tag()}`,
        periodFrom: 2016,
        periodTo: 2020,
        launchingUnitId: p.province.id,
      })
    ).json() as { id: string; version: number };
    const ended = endedMovement.id;
    await fillPlanDocument(t, p.provinceOfficer.headers, ended, endedMovement.version);
    const launch = await post(`/api/movements/${ended}/launch`, p.provinceOfficer.headers, {
      confirmedWarnings: ['period_over'],
    });
    expect(launch.statusCode).toBe(200);
    const current = await createByHand(t, p.provinceOfficer.headers, p.province.id);
    await post(`/api/movements/${current}/launch`, p.provinceOfficer.headers);
    const user = await buildUser(t.handle.db, { role: 'staff', unitId: p.commune.id });
    await buildPerson(t.handle.db, { unitId: p.commune.id, userId: user.id, fullName: 'Lò Thị Hoa' });
    const staff = await signIn(t, user.username);

    const over = await expectNothingStored(t.handle, () =>
      post(`/api/movements/${ended}/registrations`, staff.headers, { pledge: 'Đăng ký Lao động tiên tiến' }),
    );
    expect(over.statusCode).toBe(400);
    expect(over.json().message).toBe('Phong trào đã hết giai đoạn 2016–2020 nên không nhận đăng ký thi đua.');
    const consolidated = await expectNothingStored(t.handle, () =>
      post(`/api/movements/${ended}/registrations/consolidate`, p.districtOfficer.headers, {
        unitId: p.districtA.id,
        pledge: 'Tổng hợp đăng ký',
      }),
    );
    expect(consolidated.statusCode).toBe(400);

    const negative = await expectNothingStored(t.handle, () =>
      post(`/api/movements/${current}/registrations`, staff.headers, {
        pledge: 'Đăng ký Lao động tiên tiến',
        targets: [{ label: 'Sáng kiến', value: -2, unit: 'sáng kiến' }],
      }),
    );
    expect(negative.statusCode).toBe(400);
    expect(negative.json().fields).toEqual([
      { path: 'targets.0.value', message: 'Chỉ tiêu không được là số âm' },
    ]);
    const created = await post(`/api/movements/${current}/registrations`, staff.headers, {
      pledge: 'Đăng ký Lao động tiên tiến',
      targets: [{ label: 'Sáng kiến', value: 2, unit: 'sáng kiến' }],
    });
    expect(created.statusCode).toBe(201);
    const edited = await expectNothingStored(t.handle, () =>
      t.app.inject({
        method: 'PATCH',
        url: `/api/registrations/${created.json().id}`,
        headers: staff.headers,
        payload: { version: created.json().version, targets: [{ label: 'Sáng kiến', value: -1 }] },
      }),
    );
    expect(edited.statusCode).toBe(400);
  });
});
