import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { SEARCH_TOTAL_CAP, TOTAL_CAP } from '#contracts/common.ts';
import { PERSON_SEARCH_EXAMPLE } from '#contracts/organisation.ts';
import { encodeCursor } from '#server/platform/db/keyset.ts';
import { persons, units } from '#server/platform/db/schema.ts';
import { buildPerson, buildUnit, signInAs } from '../../../../../tests/support/factories.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';
import { personSortKey } from './sort-key.ts';

let t: TestApp;
let admin: Awaited<ReturnType<typeof signInAs>>;
beforeAll(async () => {
  t = await getTestApp();
  admin = await signInAs(t, 'admin');
});

const tag = () => Math.random().toString(36).slice(2, 8);
const get = (url: string) => t.app.inject({ method: 'GET', url, headers: admin.headers });
const names = (body: { items: { fullName?: string; name?: string }[] }) =>
  body.items.map((item) => item.fullName ?? item.name);

/** The people of a fresh unit found by a search, in the order the API gives. */
async function searchIn(unitId: string, q: string) {
  const response = await get(`/api/persons?unitId=${unitId}&q=${encodeURIComponent(q)}`);
  expect(response.statusCode).toBe(200);
  return names(response.json());
}

describe('person search as officials type', () => {
  it('matches words in any order, without diacritics, each word at the start of a word of the name', async () => {
    const unit = await buildUnit(t.handle.db, { name: `Xã ${tag()}` });
    for (const fullName of ['Nguyễn Văn An', 'Lò Thị Bún', 'Nguyễn Văn Bình', 'Trần Anh Tuấn'])
      await buildPerson(t.handle.db, { unitId: unit.id, fullName });
    expect(await searchIn(unit.id, 'nguyen van an')).toEqual(['Nguyễn Văn An']);
    expect(await searchIn(unit.id, 'an nguyen')).toEqual(['Nguyễn Văn An']);
    expect(await searchIn(unit.id, 'lo thi bun')).toEqual(['Lò Thị Bún']);
    expect(await searchIn(unit.id, 'BÚN lò')).toEqual(['Lò Thị Bún']);
    // "an" starts "An" and "Anh"; people are ordered by given name.
    expect(await searchIn(unit.id, 'an')).toEqual(['Nguyễn Văn An', 'Trần Anh Tuấn']);
    // Inside a word is not the start of a word.
    expect(await searchIn(unit.id, 'guyen')).toEqual([]);
    expect(await searchIn(unit.id, 'nguyen van an binh')).toEqual([]);
  });

  it('ranks the names written with the same diacritics first, then the rest in alphabetical order', async () => {
    const unit = await buildUnit(t.handle.db, { name: `Xã ${tag()}` });
    for (const fullName of ['Nguyễn Văn An', 'Nguyễn Văn Ân', 'Nguyễn Văn Ấn', 'Nguyên Văn An'])
      await buildPerson(t.handle.db, { unitId: unit.id, fullName });
    expect(await searchIn(unit.id, 'nguyen van an')).toEqual([
      'Nguyên Văn An',
      'Nguyễn Văn An',
      'Nguyễn Văn Ân',
      'Nguyễn Văn Ấn',
    ]);
    expect(await searchIn(unit.id, 'nguyễn văn ân')).toEqual([
      'Nguyễn Văn Ân',
      'Nguyên Văn An',
      'Nguyễn Văn An',
      'Nguyễn Văn Ấn',
    ]);
    // Paging crosses from the exact names to the others and back without losing or repeating anyone.
    const url = `/api/persons?unitId=${unit.id}&q=${encodeURIComponent('nguyễn an')}&limit=1`;
    const seen: (string | undefined)[] = [];
    let page = (await get(url)).json();
    for (;;) {
      seen.push(...names(page));
      if (!page.next) break;
      page = (await get(`${url}&after=${page.next}`)).json();
    }
    expect(seen).toEqual(['Nguyễn Văn An', 'Nguyên Văn An', 'Nguyễn Văn Ân', 'Nguyễn Văn Ấn']);
    const back = (await get(`${url}&before=${page.prev}`)).json();
    expect(names(back)).toEqual(['Nguyễn Văn Ân']);
  });

  it('finds someone with the example the search box shows, in the demo unit names too', async () => {
    const unit = await buildUnit(t.handle.db, { name: `Xã ${tag()}` });
    await buildPerson(t.handle.db, { unitId: unit.id, fullName: 'Lò Thị Hoa' });
    expect(await searchIn(unit.id, PERSON_SEARCH_EXAMPLE)).toEqual(['Lò Thị Hoa']);
  });
});

describe('person search over every unit (through the names it matches)', () => {
  /** A word no other test's names carry, so a search over the whole tree finds only this test's people. */
  const mark = () => `Zq${tag().replace(/\d/g, 'x')}`;
  const search = async (q: string, extra = '') => {
    const response = await get(`/api/persons?q=${encodeURIComponent(q)}${extra}`);
    expect(response.statusCode).toBe(200);
    return response.json();
  };

  it('finds every person of each matching name, exact spelling first, page after page and back', async () => {
    const m = mark();
    const [first, second] = [await buildUnit(t.handle.db, {}), await buildUnit(t.handle.db, {})];
    for (const fullName of [`Nguyễn ${m} An`, `Nguyễn ${m} Ân`, `Nguyên ${m} An`, `Lò ${m} Bún`])
      await buildPerson(t.handle.db, { unitId: first.id, fullName });
    // Two people of one name, in two units.
    await buildPerson(t.handle.db, { unitId: second.id, fullName: `Nguyễn ${m} An` });
    const plain = await search(`an ${m.toLowerCase()} nguyen`);
    expect(names(plain)).toEqual([`Nguyên ${m} An`, `Nguyễn ${m} An`, `Nguyễn ${m} An`, `Nguyễn ${m} Ân`]);
    expect(plain.total).toEqual({ value: 4, exact: true });
    expect(names(await search(`${m} bun lo`))).toEqual([`Lò ${m} Bún`]);
    expect(names(await search(`${m} guyen`))).toEqual([]);
    const url = `/api/persons?q=${encodeURIComponent(`nguyễn ${m} an`)}&limit=1`;
    const seen: (string | undefined)[] = [];
    let page = (await get(url)).json();
    expect(page.total).toEqual({ value: 4, exact: true });
    for (;;) {
      seen.push(...names(page));
      if (!page.next) break;
      page = (await get(`${url}&after=${page.next}`)).json();
    }
    expect(seen).toEqual([`Nguyễn ${m} An`, `Nguyễn ${m} An`, `Nguyên ${m} An`, `Nguyễn ${m} Ân`]);
    const back = (await get(`${url}&before=${page.prev}`)).json();
    expect(names(back)).toEqual([`Nguyên ${m} An`]);
    const backAgain = (await get(`${url}&before=${back.prev}`)).json();
    expect(names(backAgain)).toEqual([`Nguyễn ${m} An`]);
  });

  it('finds a renamed person by the new name, and keeps the other filters', async () => {
    const m = mark();
    const unit = await buildUnit(t.handle.db, {});
    const person = await buildPerson(t.handle.db, { unitId: unit.id, fullName: `Trần ${m} Chi` });
    await buildPerson(t.handle.db, { unitId: unit.id, fullName: `Trần ${m} Chinh`, isLeader: true });
    const renamed = `Hoàng ${m} Chi`;
    await t.handle.db
      .update(persons)
      .set({ fullName: renamed, sortKey: personSortKey(renamed) })
      .where(sql`${persons.id} = ${person.id}`);
    expect(names(await search(`${m} chi`))).toEqual([renamed, `Trần ${m} Chinh`]);
    expect(names(await search(`tran ${m}`))).toEqual([`Trần ${m} Chinh`]);
    const leaders = await search(`${m} chi`, '&isLeader=true');
    expect(names(leaders)).toEqual([`Trần ${m} Chinh`]);
    expect(leaders.total).toEqual({ value: 1, exact: true });
  });
});

describe('unit search', () => {
  it('finds units by words of the name in any order, by short name and by code', async () => {
    const code = `T${tag().toUpperCase()}`;
    const province = await buildUnit(t.handle.db, { name: `Tỉnh Điện Biên ${code}`, code });
    const department = await buildUnit(t.handle.db, {
      parentId: province.id,
      name: `Sở Nội vụ ${code}`,
      code: `${code}.SNV`,
    });
    await t.handle.db.update(units).set({ shortName: 'SNV' }).where(sql`${units.id} = ${department.id}`);
    const search = async (q: string) => names((await get(`/api/units?q=${encodeURIComponent(q)}`)).json());
    expect(await search(`noi vu ${code.toLowerCase()}`)).toEqual([`Sở Nội vụ ${code}`]);
    expect(await search(`${code} dien bien`)).toEqual([`Tỉnh Điện Biên ${code}`]);
    expect(await search(`${code.toLowerCase()}.snv`)).toEqual([`Sở Nội vụ ${code}`]);
    expect(await search(`snv ${code}`)).toEqual([`Sở Nội vụ ${code}`]);
    expect(await search(`${code} sở`)).toEqual([`Sở Nội vụ ${code}`]);
  });
});

describe('keyset paging of people and units', () => {
  it('keeps its order when people are added between pages: nobody is skipped or shown twice', async () => {
    const unit = await buildUnit(t.handle.db, { name: `Xã ${tag()}` });
    const original = ['Bình', 'Chi', 'Dung', 'Giang', 'Hà'].map((given) => `Lê Văn ${given}`);
    for (const fullName of original) await buildPerson(t.handle.db, { unitId: unit.id, fullName });
    const url = `/api/persons?unitId=${unit.id}&limit=2`;
    const first = (await get(url)).json();
    expect(names(first)).toEqual(['Lê Văn Bình', 'Lê Văn Chi']);
    // One sorts before the page just read, one after it.
    await buildPerson(t.handle.db, { unitId: unit.id, fullName: 'Lê Văn An' });
    await buildPerson(t.handle.db, { unitId: unit.id, fullName: 'Lê Văn Dũng' });
    const second = (await get(`${url}&after=${first.next}`)).json();
    expect(names(second)).toEqual(['Lê Văn Dung', 'Lê Văn Dũng']);
    const third = (await get(`${url}&after=${second.next}`)).json();
    expect(names(third)).toEqual(['Lê Văn Giang', 'Lê Văn Hà']);
    expect(third.next).toBeNull();
    const back = (await get(`${url}&before=${second.prev}`)).json();
    expect(names(back)).toEqual(['Lê Văn Bình', 'Lê Văn Chi']);
    expect(back.total).toEqual({ value: 7, exact: true });
  });

  it('starts a list at a letter of the given name', async () => {
    const unit = await buildUnit(t.handle.db, { name: `Xã ${tag()}` });
    for (const fullName of ['Lê Văn An', 'Lê Văn Đạt', 'Lê Văn Dung', 'Lê Văn Hà'])
      await buildPerson(t.handle.db, { unitId: unit.id, fullName });
    const fromD = (await get(`/api/persons?unitId=${unit.id}&letter=Đ`)).json();
    expect(names(fromD)).toEqual(['Lê Văn Đạt', 'Lê Văn Hà']);
    const before = (await get(`/api/persons?unitId=${unit.id}&before=${fromD.prev}`)).json();
    expect(names(before)).toEqual(['Lê Văn An', 'Lê Văn Dung', 'Lê Văn Đạt', 'Lê Văn Hà']);
    const bad = await get(`/api/persons?unitId=${unit.id}&letter=%C3%9F`);
    expect(bad.statusCode).toBe(400);
  });

  it('refuses a bad cursor with a Vietnamese 400 on every list', async () => {
    const unit = await buildUnit(t.handle.db, { name: `Xã ${tag()}` });
    const wrongShape = encodeCursor(['x']);
    const notJson = 'bm90LWpzb24';
    for (const url of [
      `/api/persons?after=${notJson}`,
      `/api/persons?q=an&after=${wrongShape}`,
      `/api/persons?q=an&after=${encodeCursor([7, 'a', crypto.randomUUID()])}`,
      `/api/persons?after=${encodeCursor(['a', 'not-a-uuid'])}`,
      `/api/units?before=${notJson}`,
      `/api/units?q=xa&after=${wrongShape}`,
      `/api/units/${unit.id}/children?after=${wrongShape}`,
      `/api/units/${unit.id}/children?after=${encodeCursor(['a', crypto.randomUUID()])}&before=${encodeCursor(['a', crypto.randomUUID()])}`,
      '/api/persons?after=%25%25',
    ]) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(400);
      expect(response.json().code).toBe('VALIDATION_FAILED');
      expect(JSON.stringify(response.json().fields)).toMatch(/Vị trí trang không hợp lệ/);
    }
  });

  it('caps a large total at 10,000 and counts it exactly when asked', async () => {
    const unit = await buildUnit(t.handle.db, { name: `Xã ${tag()}` });
    await t.handle.db.execute(sql`
      insert into persons (full_name, gender, category, unit_id, sort_key)
      select 'Người ' || n, 'male', 'worker', ${unit.id}::uuid, 'x' || lpad(n::text, 6, '0')
      from generate_series(1, ${TOTAL_CAP + 1}) as n`);
    const capped = (await get(`/api/persons?unitId=${unit.id}&limit=5`)).json();
    expect(capped.total).toEqual({ value: TOTAL_CAP, exact: false });
    expect(capped.items).toHaveLength(5);
    const exact = (await get(`/api/persons?unitId=${unit.id}&limit=5&exactTotal=true`)).json();
    expect(exact.total).toEqual({ value: TOTAL_CAP + 1, exact: true });
    const found = (await get(`/api/persons?unitId=${unit.id}&q=nguoi 10001`)).json();
    expect(found).toMatchObject({ total: { value: 1, exact: true }, items: [{ fullName: 'Người 10001' }] });
  });

  it('counts a unit search to 1,000 (the official narrows it) and exactly when asked', async () => {
    const parent = await buildUnit(t.handle.db, { name: `Huyện ${tag()}` });
    const word = `w${tag()}`;
    await t.handle.db.execute(sql`
      with made as (select gen_random_uuid() as id, n from generate_series(1, ${SEARCH_TOTAL_CAP + 1}) as n)
      insert into units (id, parent_id, path, code, name, kind, sort_key)
      select id, ${parent.id}::uuid, ${parent.path} || id || '/', ${word} || '-' || n,
        'Xã ' || ${word} || ' ' || n, 'other', 'x' || lpad(n::text, 6, '0') from made`);
    const capped = (await get(`/api/units?q=${word}&limit=5`)).json();
    expect(capped.total).toEqual({ value: SEARCH_TOTAL_CAP, exact: false });
    expect(capped.items).toHaveLength(5);
    const exact = (await get(`/api/units?q=${word}&limit=5&exactTotal=true`)).json();
    expect(exact.total).toEqual({ value: SEARCH_TOTAL_CAP + 1, exact: true });
    // The list of the parent's children, not a search, still counts to 10,000.
    const children = (await get(`/api/units/${parent.id}/children?limit=5`)).json();
    expect(children.total).toEqual({ value: SEARCH_TOTAL_CAP + 1, exact: true });
  });
});
