import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDocumentText } from '#server/modules/documents/index.ts';
import { auditEvents, awardsReceived, decisionRecipients, fundEntries } from '#server/platform/db/schema.ts';
import { expectNothingStored } from '../../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';
import { decisionSetting, draftFor, sender, tag } from '../test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

const auditOf = (action: string, entityId: string) =>
  t.handle.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId)));
const household = (name: string, unitId: string, awardCode = 'BK_BO_TINH') => ({
  householdName: name,
  householdUnitId: unitId,
  awardCode,
  year: 2025,
  achievement: 'Đã có thành tích xuất sắc trong phong trào xây dựng nông thôn mới',
});

describe('household recipients', () => {
  it('issues a household’s award record, prints and pays it once, and revoking removes the record', async () => {
    const send = sender(t);
    const { province, commune, person, officer } = await decisionSetting(t);
    const draft = await draftFor(t, officer.headers, province.id, [person.id]);
    const name = `Hộ ông Lò Văn ${tag()}, bản Nà Khum`;
    const added = await send('POST', `/api/decisions/${draft.id}/recipients`, officer.headers, {
      version: draft.version,
      recipients: [household(name, commune.id)],
    });
    expect(added.statusCode, added.body).toBe(200);
    const listed = await send('GET', `/api/decisions/${draft.id}/recipients`, officer.headers);
    const line = listed.json().items[1];
    expect(line).toMatchObject({
      name,
      householdName: name,
      householdUnitId: commune.id,
      personId: null,
      unitId: null,
      context: commune.name,
    });
    // NĐ 152: a household receives 1.5 times an individual's amount for the same form.
    const personCash = listed.json().items[0];
    expect(line.cashMultiple).toBe(personCash.cashMultiple * 1.5);
    expect(line.cashAmount).toBeGreaterThan(personCash.cashAmount);

    const document = await send('GET', `/api/decisions/${draft.id}/document`, officer.headers);
    const text = await readDocumentText(document.rawPayload, 'x.docx');
    for (const expected of ['01 cá nhân và 01 hộ gia đình', 'CÁ NHÂN, TẬP THỂ, HỘ GIA ĐÌNH', name])
      expect(text).toContain(expected);

    const current = await send('GET', `/api/decisions/${draft.id}`, officer.headers);
    const issue = await send('POST', `/api/decisions/${draft.id}/issue`, officer.headers, {
      version: current.json().version,
    });
    expect(issue.statusCode, issue.body).toBe(200);
    const [record] = await t.handle.db
      .select()
      .from(awardsReceived)
      .where(and(eq(awardsReceived.householdUnitId, commune.id), eq(awardsReceived.householdName, name)));
    expect(record).toMatchObject({
      personId: null,
      unitId: null,
      awardCode: 'BK_BO_TINH',
      year: 2025,
      decisionNumber: issue.json().number,
    });
    const [recipient] = await t.handle.db
      .select()
      .from(decisionRecipients)
      .where(eq(decisionRecipients.id, line.id));
    expect(recipient?.awardReceivedId).toBe(record?.id);
    expect(await auditOf('award_record.create', record?.id ?? '')).toHaveLength(1);

    const paid = await send('POST', `/api/decisions/${draft.id}/payouts`, officer.headers, {
      entryDate: '2025-12-20',
    });
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json()).toMatchObject({ paid: 2 });
    const again = await expectNothingStored(t.handle, () =>
      send('POST', `/api/decisions/${draft.id}/payouts`, officer.headers, { entryDate: '2025-12-21' }),
    );
    expect(again.statusCode).toBe(409);
    const payouts = await t.handle.db.select().from(fundEntries).where(eq(fundEntries.recipientId, line.id));
    expect(payouts).toHaveLength(1);
    expect(payouts[0]).toMatchObject({ amount: line.cashAmount });
    expect(payouts[0]?.description).toContain(name);

    const issuedNow = await send('GET', `/api/decisions/${draft.id}`, officer.headers);
    const revoke = await send('POST', `/api/decisions/${draft.id}/revoke`, officer.headers, {
      version: issuedNow.json().version,
      reason: 'Hồ sơ hộ gia đình không trung thực',
    });
    expect(revoke.statusCode, revoke.body).toBe(200);
    expect(
      await t.handle.db
        .select()
        .from(awardsReceived)
        .where(eq(awardsReceived.id, record?.id ?? '')),
    ).toHaveLength(0);
    const [removed] = await auditOf('award_record.delete', record?.id ?? '');
    expect(removed?.before).toMatchObject({ householdName: name, householdUnitId: commune.id });
  });

  it('refuses a household without its unit, an award households do not receive, a unit out of scope (400) and the same household twice (409), storing nothing', async () => {
    const send = sender(t);
    const { province, commune, other, person, officer } = await decisionSetting(t);
    const draft = await draftFor(t, officer.headers, province.id, [person.id]);
    const add = (recipients: object[]) =>
      expectNothingStored(t.handle, () =>
        send('POST', `/api/decisions/${draft.id}/recipients`, officer.headers, {
          version: draft.version,
          recipients,
        }),
      );
    const name = `Hộ bà Lò Thị ${tag()}`;
    const noUnit = await add([{ householdName: name, awardCode: 'BK_BO_TINH', year: 2025 }]);
    expect(noUnit.statusCode).toBe(400);
    const both = await add([{ ...household(name, commune.id), personId: person.id }]);
    expect(both.statusCode).toBe(400);
    const title = await add([household(name, commune.id, 'CSTD_BO_TINH')]);
    expect(title.statusCode).toBe(400);
    expect(title.body).toContain('không tặng cho hộ gia đình');
    const outside = await add([household(name, other.id)]);
    expect(outside.statusCode).toBe(400);
    expect(outside.body).toContain('Nằm ngoài phạm vi');
    const twice = await add([household(name, commune.id), household(name, commune.id)]);
    expect(twice.statusCode).toBe(409);
  });
});
