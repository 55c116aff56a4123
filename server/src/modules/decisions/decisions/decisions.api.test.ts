import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  auditEvents,
  awardsReceived,
  decisionRecipients,
  decisions,
  notifications,
} from '#server/platform/db/schema.ts';
import {
  buildPerson,
  buildUnit,
  buildUser,
  signIn,
  signInAs,
} from '../../../../../tests/support/factories.ts';
import { expectNothingStored } from '../../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

const tag = () => Math.random().toString(36).slice(2, 8).toUpperCase();
const auditOf = (action: string, entityId: string) =>
  t.handle.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId)));

type Headers = Record<string, string>;
const send = (
  method: 'POST' | 'PATCH' | 'DELETE' | 'GET',
  url: string,
  headers: Headers,
  payload?: object,
) =>
  payload === undefined
    ? t.app.inject({ method, url, headers })
    : t.app.inject({ method, url, headers, payload });

async function setup() {
  const province = await buildUnit(t.handle.db, { name: `UBND tỉnh ${tag()}`, kind: 'province' });
  const commune = await buildUnit(t.handle.db, {
    parentId: province.id,
    name: `Xã ${tag()}`,
    kind: 'commune',
  });
  const other = await buildUnit(t.handle.db, { name: `Tỉnh khác ${tag()}`, kind: 'province' });
  const person = await buildPerson(t.handle.db, { unitId: commune.id, fullName: `Lò Văn ${tag()}` });
  const second = await buildPerson(t.handle.db, { unitId: commune.id, fullName: `Lò Thị ${tag()}` });
  const stranger = await buildPerson(t.handle.db, { unitId: other.id });
  const officer = await signInAs(t, 'tdkt_officer', province.id);
  const communeOfficer = await buildUser(t.handle.db, { role: 'tdkt_officer', unitId: commune.id });
  return { province, commune, other, person, second, stranger, officer, communeOfficer };
}

const draftBody = (unitId: string, extra: object = {}) => ({
  unitId,
  decisionDate: '2025-12-15',
  title: 'Về việc tặng Bằng khen của Chủ tịch UBND tỉnh',
  authority: 'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH',
  decider: 'Chủ tịch UBND tỉnh',
  signerName: 'Nguyễn Văn A',
  signerTitle: 'CHỦ TỊCH',
  legalBasis: ['Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;'],
  ...extra,
});

async function draftWith(headers: Headers, unitId: string, personIds: string[]) {
  const created = await send(
    'POST',
    '/api/decisions',
    { ...headers, 'idempotency-key': `k-${tag()}` },
    draftBody(unitId),
  );
  expect(created.statusCode, created.body).toBe(201);
  const added = await send('POST', `/api/decisions/${created.json().id}/recipients`, headers, {
    version: created.json().version,
    recipients: personIds.map((personId) => ({
      personId,
      awardCode: 'BK_BO_TINH',
      year: 2025,
      achievement: 'Đã có thành tích xuất sắc',
    })),
  });
  expect(added.statusCode, added.body).toBe(200);
  return added.json();
}

describe('commendation decisions', () => {
  it('creates a draft, adds recipients with their cash, issues it with a number and award records, then revokes it', async () => {
    const { province, commune, person, second, officer, communeOfficer } = await setup();
    const created = await send(
      'POST',
      '/api/decisions',
      { ...officer.headers, 'idempotency-key': `k-${tag()}` },
      draftBody(province.id),
    );
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    expect(created.json()).toMatchObject({
      status: 'draft',
      number: null,
      recipientCount: 0,
      actions: { edit: true, issue: false },
    });
    expect(await auditOf('decision.create', id)).toHaveLength(1);

    const edited = await send('PATCH', `/api/decisions/${id}`, officer.headers, {
      signerName: 'Trần Văn B',
      version: 1,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ signerName: 'Trần Văn B', version: 2 });
    expect(await auditOf('decision.update', id)).toHaveLength(1);

    const added = await send('POST', `/api/decisions/${id}/recipients`, officer.headers, {
      version: 2,
      recipients: [
        { personId: person.id, awardCode: 'BK_BO_TINH', year: 2025 },
        { personId: second.id, awardCode: 'BK_BO_TINH', year: 2025 },
        { unitId: commune.id, awardCode: 'BK_BO_TINH', year: 2025 },
      ],
    });
    expect(added.statusCode, added.body).toBe(200);
    // 1,5 × 2.340.000 đ for each person, 3 × 2.340.000 đ for the commune (NĐ 152/2025 Điều 54).
    expect(added.json()).toMatchObject({
      recipientCount: 3,
      cashTotal: 3_510_000 * 2 + 7_020_000,
      version: 3,
    });
    expect(added.json().authorityChecks).toEqual([
      expect.objectContaining({ awardCode: 'BK_BO_TINH', competent: true }),
    ]);
    expect(await auditOf('decision.recipients_add', id)).toHaveLength(1);

    const list = await send('GET', `/api/decisions/${id}/recipients?limit=2`, officer.headers);
    expect(list.json().items.map((item: { name: string }) => item.name)).toEqual([
      person.fullName,
      second.fullName,
    ]);
    expect(list.json().items[0]).toMatchObject({ cashAmount: 3_510_000, context: commune.name, paid: false });
    const rest = await send(
      'GET',
      `/api/decisions/${id}/recipients?after=${list.json().next}`,
      officer.headers,
    );
    expect(rest.json().items).toEqual([
      expect.objectContaining({ name: commune.name, cashAmount: 7_020_000 }),
    ]);

    const removed = await send(
      'DELETE',
      `/api/decisions/${id}/recipients/${rest.json().items[0].id}?version=3`,
      officer.headers,
    );
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json()).toMatchObject({ recipientCount: 2, version: 4 });
    expect(await auditOf('decision.recipient_remove', rest.json().items[0].id)).toHaveLength(1);

    const issued = await send('POST', `/api/decisions/${id}/issue`, officer.headers, { version: 4 });
    expect(issued.statusCode, issued.body).toBe(200);
    expect(issued.json()).toMatchObject({ status: 'issued', actions: { edit: false, revoke: true } });
    expect(issued.json().number).toMatch(/^\d+\/QĐ-UBND$/);
    const records = await t.handle.db
      .select()
      .from(awardsReceived)
      .where(eq(awardsReceived.personId, person.id));
    expect(records).toEqual([
      expect.objectContaining({
        awardCode: 'BK_BO_TINH',
        year: 2025,
        decisionNumber: issued.json().number,
        decisionDate: '2025-12-15',
        decider: 'Chủ tịch UBND tỉnh',
      }),
    ]);
    const stored = await t.handle.db
      .select()
      .from(decisionRecipients)
      .where(eq(decisionRecipients.decisionId, id));
    expect(stored.map((row) => [row.cashAmount, row.cashMultiple, row.awardReceivedId !== null])).toEqual([
      [3_510_000, 1.5, true],
      [3_510_000, 1.5, true],
    ]);
    expect(await auditOf('decision.issue', id)).toHaveLength(1);
    expect(await auditOf('award_record.create', records[0]?.id as string)).toHaveLength(1);
    const told = await t.handle.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, communeOfficer.id), eq(notifications.entityId, id)));
    expect(told.map((row) => row.kind)).toEqual(['decision.issued']);
    const onPerson = await send('GET', `/api/persons/${person.id}/award-records`, officer.headers);
    expect(onPerson.json().received).toEqual([
      expect.objectContaining({ decisionNumber: issued.json().number }),
    ]);

    const noReason = await expectNothingStored(t.handle, () =>
      send('POST', `/api/decisions/${id}/revoke`, officer.headers, { version: 5, reason: '' }),
    );
    expect(noReason.statusCode).toBe(400);
    const revoked = await send('POST', `/api/decisions/${id}/revoke`, officer.headers, {
      version: 5,
      reason: 'Hồ sơ khai không đúng thành tích',
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json()).toMatchObject({
      status: 'revoked',
      revokeReason: 'Hồ sơ khai không đúng thành tích',
    });
    expect(
      await t.handle.db.select().from(awardsReceived).where(eq(awardsReceived.personId, person.id)),
    ).toEqual([]);
    expect(await auditOf('award_record.delete', records[0]?.id as string)).toEqual([
      expect.objectContaining({ reason: 'Hồ sơ khai không đúng thành tích' }),
    ]);
    expect(await auditOf('decision.revoke', id)).toHaveLength(1);
    const again = await expectNothingStored(t.handle, () =>
      send('POST', `/api/decisions/${id}/revoke`, officer.headers, { version: 6, reason: 'Lần nữa thôi' }),
    );
    expect(again.statusCode).toBe(409);
  });

  it('gives two decisions issued at the same moment distinct consecutive numbers of the unit’s register', async () => {
    const { province, person, second, officer } = await setup();
    const other = await signInAs(t, 'tdkt_officer', province.id);
    const first = await draftWith(officer.headers, province.id, [person.id]);
    const next = await draftWith(other.headers, province.id, [second.id]);
    const [a, b] = await Promise.all([
      send('POST', `/api/decisions/${first.id}/issue`, officer.headers, { version: first.version }),
      send('POST', `/api/decisions/${next.id}/issue`, other.headers, { version: next.version }),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    const numbers = [a.json().number, b.json().number]
      .map((number: string) => Number(number.split('/')[0]))
      .sort();
    expect(numbers).toEqual([1, 2]);
    const rows = await t.handle.db.select().from(decisions).where(eq(decisions.unitId, province.id));
    expect(rows.map((row) => row.sequence).sort()).toEqual([1, 2]);
  });

  it('issues one decision once when two officers press issue at the same moment', async () => {
    const { province, person, officer } = await setup();
    const other = await signInAs(t, 'tdkt_officer', province.id);
    const draft = await draftWith(officer.headers, province.id, [person.id]);
    const replies = await Promise.all([
      send('POST', `/api/decisions/${draft.id}/issue`, officer.headers, { version: draft.version }),
      send('POST', `/api/decisions/${draft.id}/issue`, other.headers, { version: draft.version }),
    ]);
    expect(replies.map((reply) => reply.statusCode).sort()).toEqual([200, 409]);
    expect(
      await t.handle.db.select().from(awardsReceived).where(eq(awardsReceived.personId, person.id)),
    ).toHaveLength(1);
    expect(await auditOf('decision.issue', draft.id)).toHaveLength(1);
    const [counter] = await t.handle.query<{ last_number: number }>(
      `select last_number from decision_counters where unit_id = '${province.id}'`,
    );
    expect(Number(counter?.last_number)).toBe(1);
  });

  it('refuses out of scope, wrong state, stale version, an incompetent issuer and an award held twice, storing nothing', async () => {
    const { province, commune, person, stranger, officer } = await setup();
    const communeOfficer = await signInAs(t, 'tdkt_officer', commune.id);
    const outOfScope = await expectNothingStored(t.handle, () =>
      send(
        'POST',
        '/api/decisions',
        { ...communeOfficer.headers, 'idempotency-key': `k-${tag()}` },
        draftBody(province.id),
      ),
    );
    expect(outOfScope.statusCode).toBe(403);
    const draft = await draftWith(officer.headers, province.id, [person.id]);
    const strangerAdd = await expectNothingStored(t.handle, () =>
      send('POST', `/api/decisions/${draft.id}/recipients`, officer.headers, {
        version: draft.version,
        recipients: [{ personId: stranger.id, awardCode: 'BK_BO_TINH', year: 2025 }],
      }),
    );
    expect(strangerAdd.statusCode).toBe(400);
    expect(strangerAdd.json().fields[0].message).toMatch(/ngoài phạm vi/);
    const notCompetent = await expectNothingStored(t.handle, () =>
      send('POST', `/api/decisions/${draft.id}/recipients`, officer.headers, {
        version: draft.version,
        recipients: [{ personId: person.id, awardCode: 'GIAY_KHEN', year: 2025 }],
      }),
    );
    expect(notCompetent.statusCode).toBe(400);
    expect(notCompetent.json().fields[0].message).toMatch(/thẩm quyền/);
    const stale = await expectNothingStored(t.handle, () =>
      send('PATCH', `/api/decisions/${draft.id}`, officer.headers, {
        title: 'Về việc khác hẳn',
        version: draft.version - 1,
      }),
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.json().conflict.current.id).toBe(draft.id);
    const readOnly = await expectNothingStored(t.handle, () =>
      send('POST', `/api/decisions/${draft.id}/issue`, communeOfficer.headers, { version: draft.version }),
    );
    expect(readOnly.statusCode).toBe(403);
    // The person already holds Bằng khen 2025 from another decision: issuing would record it twice.
    const earlier = await draftWith(officer.headers, province.id, [person.id]);
    expect(
      (
        await send('POST', `/api/decisions/${earlier.id}/issue`, officer.headers, {
          version: earlier.version,
        })
      ).statusCode,
    ).toBe(200);
    const twice = await expectNothingStored(t.handle, () =>
      send('POST', `/api/decisions/${draft.id}/issue`, officer.headers, { version: draft.version }),
    );
    expect(twice.statusCode).toBe(409);
    expect(twice.json().message).toContain(person.fullName);
    const editIssued = await expectNothingStored(t.handle, () =>
      send('PATCH', `/api/decisions/${earlier.id}`, officer.headers, {
        title: 'Về việc sửa sau khi ban hành',
        version: earlier.version + 1,
      }),
    );
    expect(editIssued.statusCode).toBe(409);
    const other = await signIn(
      t,
      (await buildUser(t.handle.db, { role: 'staff', unitId: commune.id })).username,
    );
    const hidden = await send('GET', `/api/decisions?unitId=${province.id}`, other.headers);
    expect(hidden.statusCode).toBe(403);
  });

  it('lists the decisions of the caller’s scope newest first, page by page', async () => {
    const { province, person, second, officer } = await setup();
    const a = await draftWith(officer.headers, province.id, [person.id]);
    const b = await draftWith(officer.headers, province.id, [second.id]);
    const first = await send('GET', `/api/decisions?unitId=${province.id}&limit=1`, officer.headers);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().total).toEqual({ value: 2, exact: true });
    const next = await send(
      'GET',
      `/api/decisions?unitId=${province.id}&limit=1&after=${first.json().next}`,
      officer.headers,
    );
    expect([first.json().items[0].id, next.json().items[0].id].sort()).toEqual([a.id, b.id].sort());
    expect(next.json().items[0]).toMatchObject({ recipientCount: 1, status: 'draft' });
  });
});
