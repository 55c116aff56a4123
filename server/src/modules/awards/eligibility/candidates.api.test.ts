import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AwardCode } from '#contracts/awards.ts';
import {
  awardsReceived,
  initiatives,
  personDisciplines,
  personRatings,
  persons,
  unitRatings,
} from '#server/platform/db/schema.ts';
import { buildPerson, buildUnit, signInAs } from '../../../../../tests/support/factories.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';
import { getShippedRegistry } from '../rules/registry.ts';
import { candidatesOfPath } from './candidates.ts';
import { reasonOf } from './reason.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

const tag = () => Math.random().toString(36).slice(2, 8);

/** A repeatable random source (so a failure can be replayed). */
function random(seed: number) {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  return {
    chance: (share: number) => next() < share,
    pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T,
  };
}

const RATINGS = ['HTXSNV', 'HTTNV', 'HTTNV', 'HTNV', 'KHTNV'] as const;
const TITLES = ['LDTT', 'CSTDCS', 'CSTD_BO_TINH', 'BK_BO_TINH', 'BK_TTG'] as const;
const TYPES = ['thuong_xuyen', 'thuong_xuyen', 'thuong_xuyen', 'dot_xuat', 'chuyen_de'] as const;

/**
 * A district with two communes and twenty people whose records over 2015–2025 are drawn at random
 * (ratings, titles and awards under several reward types, initiatives of every scope, some already
 * used, discipline periods and pending cases), and unit ratings and titles.
 */
async function setup() {
  const db = t.handle.db;
  const rng = random(7);
  const district = await buildUnit(db, { name: `Huyện ${tag()}`, kind: 'district' });
  const communes = [
    await buildUnit(db, { parentId: district.id, name: `Xã A ${tag()}`, kind: 'commune' }),
    await buildUnit(db, { parentId: district.id, name: `Xã B ${tag()}`, kind: 'commune' }),
  ];
  const people = [];
  for (let index = 0; index < 20; index += 1) {
    const person = await buildPerson(db, { unitId: rng.pick(communes).id, fullName: `Lò ${tag()} ${index}` });
    people.push(person);
    for (let year = 2015; year <= 2025; year += 1) {
      if (rng.chance(0.9))
        await db.insert(personRatings).values({ personId: person.id, year, rating: rng.pick(RATINGS) });
      for (const code of TITLES) {
        if (!rng.chance(code === 'LDTT' ? 0.8 : 0.2)) continue;
        await db
          .insert(awardsReceived)
          .values({ personId: person.id, awardCode: code, year, rewardType: rng.pick(TYPES) })
          .onConflictDoNothing();
      }
      if (rng.chance(0.4)) {
        const used = rng.chance(0.3);
        await db.insert(initiatives).values({
          personId: person.id,
          name: 'Sáng kiến',
          scope: rng.pick(['unit', 'unit', 'province', 'national'] as const),
          year,
          ...(used ? { usedForAward: rng.pick(['CSTDCS', 'CSTD_BO_TINH'] as const), usedForYear: 2025 } : {}),
        });
      }
    }
    if (rng.chance(0.3)) {
      const from = 2016 + Math.floor(rng.chance(0.5) ? 8 : 3);
      await db.insert(personDisciplines).values({
        personId: person.id,
        level: rng.pick(['reprimand', 'warning', 'higher'] as const),
        fromDate: `${from}-03-01`,
        toDate: rng.chance(0.5) ? `${from + 1}-03-01` : null,
        pending: rng.chance(0.3),
      });
    }
  }
  for (const unit of communes) {
    for (let year = 2019; year <= 2025; year += 1) {
      await db.insert(unitRatings).values({ unitId: unit.id, year, rating: rng.pick(RATINGS) });
      if (rng.chance(0.6))
        await db.insert(awardsReceived).values({ unitId: unit.id, awardCode: 'TTLDTT', year });
    }
  }
  const officer = await signInAs(t, 'tdkt_officer', district.id);
  return { district, people, communes, officer };
}

const get = (url: string, headers: Record<string, string>) => t.app.inject({ method: 'GET', url, headers });

describe('candidate lists give every subject the verdict and reason of its own eligibility', () => {
  it('matches each person’s and unit’s eligibility for awards that read one year or a whole chain', async () => {
    const { district, people, communes, officer } = await setup();
    const cases: { award: AwardCode; year: number; date?: string }[] = [
      { award: 'CSTDCS', year: 2025 },
      { award: 'CSTDCS', year: 2023, date: '2024-03-01' },
      { award: 'CSTD_BO_TINH', year: 2025 },
      { award: 'BK_BO_TINH', year: 2025 },
      { award: 'BK_TTG', year: 2025 },
      { award: 'HCLD_HANG_BA', year: 2025 },
      { award: 'LDTT', year: 2022, date: '2023-01-15' },
      { award: 'TTLDTT', year: 2025 },
      { award: 'TTLDXS', year: 2025 },
    ];
    const verdicts = new Set<string>();
    for (const { award, year, date } of cases) {
      const query = `award=${award}&year=${year}${date ? `&date=${date}` : ''}`;
      const listed = new Map<string, { verdict: string; reason: string; article: string }>();
      let after: string | null = null;
      do {
        const page = await get(
          `/api/units/${district.id}/candidates?${query}&show=all&limit=7${after ? `&after=${after}` : ''}`,
          officer.headers,
        );
        expect(page.statusCode, page.body).toBe(200);
        const body = page.json();
        for (const item of body.items) listed.set(item.id, item);
        after = body.next;
      } while (after);
      const collective = award === 'TTLDTT' || award === 'TTLDXS';
      const subjects = collective ? [district, ...communes] : people;
      expect(listed.size, award).toBe(subjects.length);
      for (const subject of subjects) {
        const kind = collective ? 'units' : 'persons';
        const own = await get(
          `/api/${kind}/${subject.id}/eligibility?award=${award}&forYear=${year}${date ? `&date=${date}` : ''}`,
          officer.headers,
        );
        expect(own.statusCode, own.body).toBe(200);
        const result = own.json();
        verdicts.add(result.verdict);
        expect(listed.get(subject.id), `${award} ${year}`).toMatchObject({
          verdict: result.verdict,
          ...reasonOf(result),
        });
      }
      const exported = new Map<string, string>();
      for await (const batch of candidatesOfPath(t.handle.db, getShippedRegistry(), district.path, {
        award,
        year,
        ...(date ? { date } : {}),
        show: 'all',
      }))
        for (const item of batch) exported.set(item.id, `${item.verdict} ${item.reason}`);
      expect(exported).toEqual(
        new Map([...listed].map(([id, item]) => [id, `${item.verdict} ${item.reason}`])),
      );
    }
    expect([...verdicts].sort()).toEqual(['eligible', 'needs_review', 'not_eligible']);
  }, 120_000);

  it('follows a person who moves to another unit: the records go with them', async () => {
    const { people, communes } = await setup();
    const [from, to] = communes as [(typeof communes)[number], (typeof communes)[number]];
    const person = people.find((item) => item.unitId === from.id) ?? (people[0] as (typeof people)[number]);
    const query = { award: 'CSTDCS' as const, year: 2025, show: 'all' as const };
    const listed = async (path: string) => {
      const found = new Map<string, string>();
      for await (const batch of candidatesOfPath(t.handle.db, getShippedRegistry(), path, query))
        for (const item of batch) found.set(item.id, `${item.verdict} ${item.reason}`);
      return found;
    };
    const before = (await listed(from.path)).get(person.id);
    expect(before).toBeDefined();
    await t.handle.db.update(persons).set({ unitId: to.id }).where(eq(persons.id, person.id));
    expect((await listed(from.path)).has(person.id)).toBe(false);
    expect((await listed(to.path)).get(person.id)).toBe(before);
  }, 60_000);
});
