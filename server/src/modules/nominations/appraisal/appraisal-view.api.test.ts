import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  auditEvents,
  awardsReceived,
  nomineeAppraisals,
  personDisciplines,
} from '#server/platform/db/schema.ts';
import { expectNothingStored } from '../../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';
import { buildNominationScene } from '../test-support.ts';
import { buildReceivedNomination } from './appraisal-test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

type Scene = Awaited<ReturnType<typeof buildReceivedNomination>>;
const view = (scene: Scene, headers: Record<string, string>) =>
  t.app.inject({ url: `/api/nominations/${scene.id}/appraisal`, headers });
const save = (headers: Record<string, string>, nomineeId: string, payload: object) =>
  t.app.inject({ method: 'PUT', url: `/api/nominees/${nomineeId}/appraisal`, headers, payload });
const opinionRows = (nomineeId: string) =>
  t.handle.db.select().from(nomineeAppraisals).where(eq(nomineeAppraisals.nomineeId, nomineeId));

describe('GET /api/nominations/:id/appraisal', () => {
  it('shows each nominee’s verdict with its checks and articles, warnings, an empty dossier slot, and no opinion yet', async () => {
    const scene = await buildReceivedNomination(t);
    const [hoa, binh] = scene.people;
    if (!hoa || !binh) throw new Error('no people');
    await t.handle.db
      .insert(awardsReceived)
      .values({ personId: hoa.id, awardCode: 'BK_TTG', year: 2024, decisionNumber: '5/QĐ-TTg' });
    await t.handle.db
      .insert(personDisciplines)
      .values({ personId: binh.id, level: 'warning', fromDate: '2025-10-01', pending: true });

    const response = await view(scene, scene.provinceOfficer.headers);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ status: 'received', canAppraise: true, date: '2025-12-31' });
    expect(body.nominees).toHaveLength(2);
    const [first, second] = body.nominees;
    expect(first.nominee.person.fullName).toBe('Nguyễn Thị Hoa');
    // The awards module's own verdict for the person, award, year and date: reused, not re-implemented.
    const engine = await t.app.inject({
      url: `/api/persons/${hoa.id}/eligibility?award=BK_BO_TINH&forYear=2025&date=2025-12-31`,
      headers: scene.provinceOfficer.headers,
    });
    expect(first.eligibility).toMatchObject({
      verdict: engine.json().verdict,
      checks: engine.json().checks,
      forYear: 2025,
    });
    expect(first.eligibility.checks.length).toBeGreaterThan(0);
    expect(first.eligibility.checks[0].article).toMatch(/Điều/);
    // The dossier checklist of the award (no file uploaded yet): every component missing.
    expect(first.dossierChecklist.length).toBeGreaterThan(0);
    expect(first.dossierChecklist).toContainEqual(
      expect.objectContaining({ code: 'bao_cao_thanh_tich', present: false }),
    );
    expect(first.opinion).toBeNull();
    expect(first.warnings).toContainEqual(
      expect.objectContaining({ kind: 'double_reward', message: expect.stringContaining('5/QĐ-TTg') }),
    );
    expect(second.warnings).toContainEqual(expect.objectContaining({ kind: 'pending_discipline' }));
    expect(second.warnings.some((warning: { kind: string }) => warning.kind === 'double_reward')).toBe(false);
  });

  it('warns when the unit’s CSTĐCS exceed 15 % of its LĐTT in 2023 (NĐ 91/2017 Đ9 k3)', async () => {
    const scene = await buildNominationScene(t);
    const round = await t.app.inject({
      method: 'POST',
      url: '/api/award-rounds',
      headers: scene.provinceOfficer.headers,
      payload: { kind: 'annual', title: 'Năm 2023', year: 2023, receivingUnitId: scene.province.id },
    });
    const nominee = (personId: string) => ({
      ...scene.nominee(personId, 'CSTDCS'),
      periodFrom: 2023,
      periodTo: 2023,
    });
    for (const person of scene.people)
      await t.handle.db.insert(awardsReceived).values({ personId: person.id, awardCode: 'LDTT', year: 2023 });
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/nominations',
      headers: scene.communeOfficer.headers,
      payload: { ...scene.draft(scene.people.map((person) => nominee(person.id))), roundId: round.json().id },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const move = (headers: Record<string, string>, step: string, version: number) =>
      t.app.inject({ method: 'POST', url: `/api/nominations/${id}/${step}`, headers, payload: { version } });
    await move(scene.communeOfficer.headers, 'submit', 1);
    await move(scene.provinceOfficer.headers, 'receive', 2);
    const response = await t.app.inject({
      url: `/api/nominations/${id}/appraisal`,
      headers: scene.provinceOfficer.headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().nominees[0].warnings).toContainEqual(
      expect.objectContaining({
        kind: 'share_cap',
        message: expect.stringContaining('2/2'),
        article: expect.stringContaining('91/2017'),
      }),
    );
  });

  it('refuses the proposing commune and another province (403) and a tờ trình not yet received (409)', async () => {
    const scene = await buildReceivedNomination(t);
    expect((await view(scene, scene.communeOfficer.headers)).statusCode).toBe(403);
    expect((await view(scene, scene.otherOfficer.headers)).statusCode).toBe(403);
    const waiting = await buildReceivedNomination(t, false);
    const early = await view(waiting, waiting.provinceOfficer.headers);
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toContain('chưa được tiếp nhận');
  });

  it('offers the receiving officers the appraise move and a "Tờ trình chờ thẩm định" to-do', async () => {
    const scene = await buildReceivedNomination(t);
    const detail = await t.app.inject({
      url: `/api/nominations/${scene.id}`,
      headers: scene.provinceOfficer.headers,
    });
    expect(detail.json().actions).toEqual(['return', 'appraise']);
    const todo = await t.app.inject({ url: '/api/todo', headers: scene.provinceOfficer.headers });
    expect(todo.json().items).toContainEqual(
      expect.objectContaining({
        kind: 'nomination_appraise',
        link: `/khen-thuong/to-trinh/${scene.id}/tham-dinh`,
      }),
    );
  });
});

describe('PUT /api/nominees/:id/appraisal', () => {
  it('saves an opinion, changes it at its version, and refuses a stale version with 409', async () => {
    const scene = await buildReceivedNomination(t);
    const [nomineeId = ''] = scene.nomineeIds;
    const headers = scene.provinceOfficer.headers;
    const first = await save(headers, nomineeId, { opinion: 'Đủ hồ sơ.', proposal: 'agree' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ proposal: 'agree', version: 1, proposedAwardCode: null });
    const changed = await save(headers, nomineeId, {
      opinion: 'Đề nghị Giấy khen.',
      proposal: 'other_award',
      proposedAwardCode: 'GIAY_KHEN',
      version: 1,
    });
    expect(changed.json()).toMatchObject({
      proposal: 'other_award',
      proposedAwardName: 'Giấy khen',
      version: 2,
    });
    const events = await t.handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'nominee.appraisal_save'), eq(auditEvents.entityId, nomineeId)));
    expect(events).toHaveLength(2);

    const stale = await expectNothingStored(t.handle, () =>
      save(headers, nomineeId, { opinion: 'Cũ.', proposal: 'agree', version: 1 }),
    );
    expect(stale.statusCode).toBe(409);
    const again = await expectNothingStored(t.handle, () =>
      save(headers, nomineeId, { opinion: 'Lần đầu?', proposal: 'agree' }),
    );
    expect(again.statusCode).toBe(409);
    expect(await opinionRows(nomineeId)).toEqual([
      expect.objectContaining({ version: 2, proposal: 'other_award' }),
    ]);
  });

  it('refuses a missing award or reason (400), the commune and another province (403), before reception (409)', async () => {
    const scene = await buildReceivedNomination(t);
    const [nomineeId = ''] = scene.nomineeIds;
    const headers = scene.provinceOfficer.headers;
    const noAward = await expectNothingStored(t.handle, () =>
      save(headers, nomineeId, { opinion: 'x', proposal: 'other_award' }),
    );
    expect(noAward.statusCode).toBe(400);
    const noReason = await expectNothingStored(t.handle, () =>
      save(headers, nomineeId, { opinion: '', proposal: 'disagree' }),
    );
    expect(noReason.statusCode).toBe(400);
    const sameAward = await expectNothingStored(t.handle, () =>
      save(headers, nomineeId, { opinion: 'x', proposal: 'other_award', proposedAwardCode: 'BK_BO_TINH' }),
    );
    expect(sameAward.statusCode).toBe(400);
    for (const who of [scene.communeOfficer, scene.otherOfficer]) {
      const refused = await expectNothingStored(t.handle, () =>
        save(who.headers, nomineeId, { opinion: 'x', proposal: 'agree' }),
      );
      expect(refused.statusCode).toBe(403);
    }
    const waiting = await buildReceivedNomination(t, false);
    const early = await expectNothingStored(t.handle, () =>
      save(waiting.provinceOfficer.headers, waiting.nomineeIds[0] ?? '', { opinion: 'x', proposal: 'agree' }),
    );
    expect(early.statusCode).toBe(409);
    expect(await opinionRows(nomineeId)).toEqual([]);
  });

  it('refuses a blank agreement on a nominee the engine finds not eligible, with its reason (400), and takes an explained one', async () => {
    const scene = await buildReceivedNomination(t);
    const headers = scene.provinceOfficer.headers;
    // Already given the same Bằng khen for 2025: the engine says not eligible.
    await t.handle.db.insert(awardsReceived).values({
      personId: scene.people[0]?.id,
      awardCode: 'BK_BO_TINH',
      year: 2025,
      decisionNumber: '9/QĐ-UBND',
    });
    const page = await view(scene, headers);
    const ineligible = (
      page.json().nominees as {
        nominee: { id: string };
        eligibility: { verdict: string; reason: string } | null;
      }[]
    ).find((row) => row.eligibility?.verdict === 'not_eligible');
    if (!ineligible) throw new Error('the scene has no ineligible nominee');
    const blank = await expectNothingStored(t.handle, () =>
      save(headers, ineligible.nominee.id, { opinion: ' ', proposal: 'agree' }),
    );
    expect(blank.statusCode).toBe(400);
    expect(blank.json().message).toContain(ineligible.eligibility?.reason);
    expect(await opinionRows(ineligible.nominee.id)).toEqual([]);
    const explained = await save(headers, ineligible.nominee.id, {
      opinion: 'Đồng ý: thành tích năm 2025 đã được Hội đồng cơ sở xác nhận bổ sung.',
      proposal: 'agree',
    });
    expect(explained.statusCode, explained.body).toBe(200);
  });
});
