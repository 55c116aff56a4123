import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { registrations } from '#server/platform/db/schema.ts';
import { buildPerson, buildUser, signIn, signInAs } from '../../../../../tests/support/factories.ts';
import { expectNothingStored } from '../../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';
import { auditOf, buildProvince, createByHand } from '../test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});
const post = (url: string, headers: Record<string, string>, payload: unknown = {}) =>
  t.app.inject({ method: 'POST', url, headers, payload: payload as object });

/** A launched province movement and a staff member of the commune with a person record. */
async function launched() {
  const p = await buildProvince(t);
  const id = await createByHand(t, p.provinceOfficer.headers, p.province.id);
  await post(`/api/movements/${id}/launch`, p.provinceOfficer.headers);
  const user = await buildUser(t.handle.db, { role: 'staff', unitId: p.commune.id });
  const person = await buildPerson(t.handle.db, {
    unitId: p.commune.id,
    userId: user.id,
    fullName: 'Lò Thị Hoa',
  });
  const staff = await signIn(t, user.username);
  const communeOfficer = await signInAs(t, 'tdkt_officer', p.commune.id);
  return { ...p, id, staff, person, communeOfficer };
}

describe('registrations', () => {
  it('lets staff register themselves; a second click on submit is 409 with one audit event; the officer approves', async () => {
    const s = await launched();
    const created = await post(`/api/movements/${s.id}/registrations`, s.staff.headers, {
      pledge: 'Đăng ký danh hiệu Lao động tiên tiến',
      targets: [{ label: 'Sáng kiến', value: 1, unit: 'sáng kiến' }],
    });
    expect(created.statusCode).toBe(201);
    const registration = created.json();
    expect(registration).toMatchObject({
      kind: 'person',
      status: 'draft',
      person: { fullName: 'Lò Thị Hoa' },
      actions: ['edit', 'submit'],
    });
    const [createdEvent] = await auditOf(t, 'registration.create', registration.id);
    expect(createdEvent).toMatchObject({
      actorId: s.staff.user.id,
      entityType: 'registration',
      after: { id: registration.id, status: 'draft', pledge: 'Đăng ký danh hiệu Lao động tiên tiến' },
    });
    const twice = await expectNothingStored(t.handle, () =>
      post(`/api/movements/${s.id}/registrations`, s.staff.headers, { pledge: 'Đăng ký lần hai' }),
    );
    expect(twice.statusCode).toBe(409);

    const submit = await post(`/api/registrations/${registration.id}/submit`, s.staff.headers);
    expect(submit.json()).toMatchObject({ status: 'submitted', actions: [] });
    const again = await expectNothingStored(t.handle, () =>
      post(`/api/registrations/${registration.id}/submit`, s.staff.headers),
    );
    expect(again.statusCode).toBe(409);
    expect(await auditOf(t, 'registration.submit', registration.id)).toHaveLength(1);

    const forbidden = await expectNothingStored(t.handle, () =>
      post(`/api/registrations/${registration.id}/approve`, s.staff.headers),
    );
    expect(forbidden.statusCode).toBe(403);
    const returned = await post(`/api/registrations/${registration.id}/return`, s.communeOfficer.headers, {
      reason: 'Bổ sung chỉ tiêu cụ thể',
    });
    expect(returned.json()).toMatchObject({ status: 'returned', returnReason: 'Bổ sung chỉ tiêu cụ thể' });
    expect(await auditOf(t, 'registration.return', registration.id)).toMatchObject([
      {
        actorId: s.communeOfficer.user.id,
        before: { status: 'submitted' },
        after: { status: 'returned' },
        reason: 'Bổ sung chỉ tiêu cụ thể',
      },
    ]);
    const edited = await t.app.inject({
      method: 'PATCH',
      url: `/api/registrations/${registration.id}`,
      headers: s.staff.headers,
      payload: { pledge: 'Đăng ký Lao động tiên tiến, 2 sáng kiến', version: returned.json().version },
    });
    expect(edited.json()).toMatchObject({
      status: 'returned',
      pledge: 'Đăng ký Lao động tiên tiến, 2 sáng kiến',
    });
    expect(await auditOf(t, 'registration.edit', registration.id)).toMatchObject([
      {
        actorId: s.staff.user.id,
        before: { status: 'returned', pledge: 'Đăng ký danh hiệu Lao động tiên tiến' },
        after: { status: 'returned', pledge: 'Đăng ký Lao động tiên tiến, 2 sáng kiến' },
      },
    ]);
    await post(`/api/registrations/${registration.id}/submit`, s.staff.headers);
    const approved = await post(`/api/registrations/${registration.id}/approve`, s.communeOfficer.headers);
    expect(approved.json().status).toBe('approved');
    const [row] = await t.handle.db.select().from(registrations).where(eq(registrations.id, registration.id));
    expect(row).toMatchObject({ status: 'approved', returnReason: null });
    expect(await auditOf(t, 'registration.approve', registration.id)).toHaveLength(1);
  });

  it('refuses registering a unit outside the movement or the officer scope with 403', async () => {
    const s = await launched();
    const other = await buildProvince(t);
    const outsideMovement = await expectNothingStored(t.handle, () =>
      post(`/api/movements/${s.id}/registrations`, other.provinceOfficer.headers, {
        unitId: other.province.id,
        pledge: 'Đăng ký thi đua',
      }),
    );
    expect([403, 404]).toContain(outsideMovement.statusCode);
    const outsideScope = await expectNothingStored(t.handle, () =>
      post(`/api/movements/${s.id}/registrations`, s.districtOfficer.headers, {
        unitId: s.districtB.id,
        pledge: 'Đăng ký thi đua',
      }),
    );
    expect(outsideScope.statusCode).toBe(403);
    expect(outsideScope.json().code).toBe('OUT_OF_SCOPE');
  });

  it('consolidates approved registrations of a unit and sends them upward for the higher officer', async () => {
    const s = await launched();
    const personal = (
      await post(`/api/movements/${s.id}/registrations`, s.staff.headers, { pledge: 'Lao động tiên tiến' })
    ).json();
    await post(`/api/registrations/${personal.id}/submit`, s.staff.headers);
    await post(`/api/registrations/${personal.id}/approve`, s.communeOfficer.headers);
    const consolidated = await post(
      `/api/movements/${s.id}/registrations/consolidate`,
      s.communeOfficer.headers,
      {
        unitId: s.commune.id,
        pledge: 'Xã đăng ký Tập thể lao động tiên tiến',
      },
    );
    expect(consolidated.statusCode).toBe(201);
    expect(consolidated.json()).toMatchObject({ kind: 'consolidated', includedIds: [personal.id] });
    const id = consolidated.json().id as string;
    await post(`/api/registrations/${id}/submit`, s.communeOfficer.headers);
    const self = await expectNothingStored(t.handle, () =>
      post(`/api/registrations/${id}/approve`, s.communeOfficer.headers),
    );
    expect(self.statusCode).toBe(403);
    const approved = await post(`/api/registrations/${id}/approve`, s.districtOfficer.headers);
    expect(approved.json().status).toBe('approved');
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/movements/${s.id}/registrations`,
      headers: s.districtOfficer.headers,
    });
    expect(list.json().total).toEqual({ value: 2, exact: true });
    const mine = await t.app.inject({
      method: 'GET',
      url: `/api/movements/${s.id}/registrations`,
      headers: s.staff.headers,
    });
    expect(mine.json().items.map((item: { id: string }) => item.id)).toEqual([personal.id]);
  });
});
