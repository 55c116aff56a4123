import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  awardsReceived,
  initiatives,
  personDisciplines,
  personRatings,
  unitRatings,
} from '#server/platform/db/schema.ts';
import { buildPerson, buildUnit, signInAs } from '../../../../../tests/support/factories.ts';
import { expectNothingStored } from '../../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

const tag = () => Math.random().toString(36).slice(2, 8);

/** A commune with three people: one eligible for CSTĐCS 2025, one not LĐTT in 2025, one with discipline pending. */
async function setup() {
  const db = t.handle.db;
  const district = await buildUnit(db, { name: `Huyện ${tag()}`, kind: 'district' });
  const commune = await buildUnit(db, { parentId: district.id, name: 'Xã Tà Lèng', kind: 'commune' });
  const other = await buildUnit(db, { name: `Xã khác ${tag()}`, kind: 'commune' });
  const family = `Lò${tag()}`;
  const good = await buildPerson(db, { unitId: commune.id, fullName: `${family} Thị An` });
  const broken = await buildPerson(db, { unitId: commune.id, fullName: `${family} Văn Bình` });
  const disciplined = await buildPerson(db, { unitId: commune.id, fullName: `${family} Văn Cường` });
  for (const person of [good, broken, disciplined]) {
    await db.insert(personRatings).values([
      { personId: person.id, year: 2024, rating: 'HTXSNV' },
      { personId: person.id, year: 2025, rating: person === broken ? 'HTNV' : 'HTXSNV' },
    ]);
    if (person !== broken)
      await db.insert(awardsReceived).values({ personId: person.id, awardCode: 'LDTT', year: 2025 });
    await db
      .insert(initiatives)
      .values({ personId: person.id, name: 'Sáng kiến', scope: 'unit', year: 2025 });
  }
  await db
    .insert(personDisciplines)
    .values({ personId: disciplined.id, level: 'warning', fromDate: '2025-11-01', pending: true });
  await db.insert(unitRatings).values({ unitId: commune.id, year: 2025, rating: 'HTXSNV' });
  const officer = await signInAs(t, 'tdkt_officer', district.id);
  return { district, commune, other, good, broken, disciplined, officer, family };
}

const get = (url: string, headers: Record<string, string>) => t.app.inject({ method: 'GET', url, headers });

describe('POST /api/eligibility/check', () => {
  const example = {
    award: 'CSTDCS',
    date: '2025-12-15',
    forYear: 2025,
    subject: 'individual',
    history: [{ year: 2025, rating: 'HTXSNV', titles: ['LDTT'], initiatives: [{ scope: 'unit' }] }],
    decider: { unitKind: 'commune' },
  };

  it('answers the issue example with the verdict, articles, authority and cash', async () => {
    const officer = await signInAs(t, 'staff');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/eligibility/check',
      headers: officer.headers,
      payload: example,
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({
      award: 'CSTDCS',
      ruleSet: 'luat-2022-nd-152-2025',
      verdict: 'eligible',
      cash: { multiple: 1, baseSalary: 2340000, amount: 2340000 },
      authority: { competent: true },
    });
    expect(body.checks[0].article).toContain('Điều 23');
  });

  it('refuses unknown fields and dates no rule set covers, storing nothing', async () => {
    const officer = await signInAs(t, 'staff');
    for (const payload of [
      { ...example, extra: true },
      { ...example, history: [{ ...example.history[0], bonus: 1 }] },
      { ...example, date: '1990-01-01', forYear: 1990 },
      { ...example, award: 'NOPE' },
    ]) {
      const response = await expectNothingStored(t.handle, () =>
        t.app.inject({ method: 'POST', url: '/api/eligibility/check', headers: officer.headers, payload }),
      );
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().message).toMatch(/[À-ỹ]/);
    }
  });
});

describe('GET /api/persons/:id/eligibility and /api/units/:id/eligibility', () => {
  it('builds the facts from the records and explains the verdict', async () => {
    const { good, broken, disciplined, commune, officer } = await setup();
    const ask = (id: string) =>
      get(`/api/persons/${id}/eligibility?award=CSTDCS&forYear=2025`, officer.headers);
    const eligible = await ask(good.id);
    expect(eligible.statusCode, eligible.body).toBe(200);
    expect(eligible.json()).toMatchObject({ verdict: 'eligible', date: '2025-12-31' });
    expect(eligible.json().facts.history).toHaveLength(2);
    expect((await ask(broken.id)).json().verdict).toBe('not_eligible');
    const blocked = (await ask(disciplined.id)).json();
    expect(blocked.verdict).toBe('not_eligible');
    expect(blocked.checks.find((check: { met: boolean }) => check.met === false).message).toContain(
      'kỷ luật',
    );

    const unit = await get(`/api/units/${commune.id}/eligibility?award=TTLDTT&forYear=2025`, officer.headers);
    expect(unit.statusCode, unit.body).toBe(200);
    expect(unit.json().facts.members).toMatchObject({ total: 3, completedDuties: 3, ldtt: 2 });
  });

  it('refuses other scopes and bad queries', async () => {
    const { good } = await setup();
    const outsider = await signInAs(t, 'tdkt_officer', (await buildUnit(t.handle.db, {})).id);
    expect(
      (await get(`/api/persons/${good.id}/eligibility?award=CSTDCS&forYear=2025`, outsider.headers))
        .statusCode,
    ).toBe(403);
    const insider = await signInAs(t, 'admin');
    expect(
      (await get(`/api/persons/${good.id}/eligibility?award=X&forYear=2025`, insider.headers)).statusCode,
    ).toBe(400);
    expect((await get(`/api/persons/${good.id}/eligibility?award=CSTDCS`, insider.headers)).statusCode).toBe(
      400,
    );
  });
});

describe('GET /api/units/:id/candidates', () => {
  it('lists the candidates of the subtree with the reason, paged by cursor, and everyone on request', async () => {
    const { district, good, officer } = await setup();
    const page = await get(`/api/units/${district.id}/candidates?award=CSTDCS&year=2025`, officer.headers);
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json()).toMatchObject({
      items: [{ id: good.id, verdict: 'eligible', unitName: 'Xã Tà Lèng' }],
      next: null,
      prev: null,
      total: { value: 3, exact: true },
    });
    const first = await get(
      `/api/units/${district.id}/candidates?award=CSTDCS&year=2025&show=all&limit=2`,
      officer.headers,
    );
    const firstBody = first.json();
    expect(firstBody.items.map((item: { verdict: string }) => item.verdict)).toEqual([
      'eligible',
      'not_eligible',
    ]);
    expect(firstBody.items[1].reason).toMatch(/Lao động tiên tiến/);
    expect(firstBody.items[1].article).toMatch(/Điều/);
    const second = await get(
      `/api/units/${district.id}/candidates?award=CSTDCS&year=2025&show=all&limit=2&after=${firstBody.next}`,
      officer.headers,
    );
    expect(second.json().items).toHaveLength(1);
    expect(second.json().next).toBeNull();
    const back = await get(
      `/api/units/${district.id}/candidates?award=CSTDCS&year=2025&show=all&limit=2&before=${second.json().prev}`,
      officer.headers,
    );
    expect(back.json().items.map((item: { id: string }) => item.id)).toEqual(
      firstBody.items.map((item: { id: string }) => item.id),
    );
  });

  it('lists collectives for a collective award', async () => {
    const { district, commune, officer } = await setup();
    const page = await get(
      `/api/units/${district.id}/candidates?award=TTLDTT&year=2025&show=all`,
      officer.headers,
    );
    expect(page.statusCode, page.body).toBe(200);
    expect(
      page.json().items.map((item: { id: string; subject: string }) => [item.id, item.subject]),
    ).toContainEqual([commune.id, 'collective']);
  });

  it('exports the list as XLSX, and refuses other scopes and bad cursors', async () => {
    const { district, other, good, officer } = await setup();
    const file = await get(
      `/api/units/${district.id}/candidates/export?award=CSTDCS&year=2025`,
      officer.headers,
    );
    expect(file.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const rows: string[] = [];
    workbook.worksheets[0]?.eachRow((row) => rows.push(String((row.values as unknown[])[1])));
    expect(rows).toEqual(['Họ và tên / Tập thể', good.fullName]);
    expect(
      (await get(`/api/units/${other.id}/candidates?award=CSTDCS&year=2025`, officer.headers)).statusCode,
    ).toBe(403);
    expect(
      (await get(`/api/units/${district.id}/candidates?award=CSTDCS&year=2025&after=abc`, officer.headers))
        .statusCode,
    ).toBe(400);
    const staff = await signInAs(t, 'staff', district.id);
    expect(
      (await get(`/api/units/${district.id}/candidates?award=CSTDCS&year=2025`, staff.headers)).statusCode,
    ).toBe(403);
  });
});
