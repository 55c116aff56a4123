import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '#server/platform/db/client.ts';
import {
  awardsReceived,
  initiatives,
  personDisciplines,
  personRatings,
  persons,
  unitRatings,
  units,
} from '#server/platform/db/schema.ts';
import { seededRandom } from './demo-people.ts';

const FIRST = 2019;
const LAST = 2025;
type Rating = 'HTXSNV' | 'HTTNV' | 'HTNV' | 'KHTNV';

/** The demo story of one person: ratings, titles and awards by year, initiatives, discipline. */
interface Story {
  ratings: Partial<Record<number, Rating>>;
  received: [number, string][];
  initiatives: [number, 'unit' | 'province' | 'national'][];
  pendingDiscipline?: boolean;
}

const ratingsOf = (entries: [number, Rating][]) => Object.fromEntries(entries) as Story['ratings'];
const years = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index);
const every = (rating: Rating, from = FIRST, to = LAST): [number, Rating][] =>
  years(from, to).map((year) => [year, rating]);
const ldtt = (from = FIRST, to = LAST): [number, string][] => years(from, to).map((year) => [year, 'LDTT']);

/**
 * Hand-written stories for the first people of the commune Tam Đường, so each award the issue names
 * has someone who qualifies in 2025 and someone whose chain is broken (reasons visible on screen).
 */
const FEATURED: Story[] = [
  // CSTĐ cấp tỉnh 2025: CSTĐCS 2023–2025 and an initiative recognised by the province.
  {
    ratings: ratingsOf(every('HTXSNV')),
    received: [...ldtt(), [2023, 'CSTDCS'], [2024, 'CSTDCS'], [2025, 'CSTDCS']],
    initiatives: [
      [2023, 'unit'],
      [2024, 'province'],
      [2025, 'unit'],
    ],
  },
  // Bằng khen tỉnh 2025: CSTĐCS 2024 and 2025.
  {
    ratings: ratingsOf(every('HTXSNV', 2022)),
    received: [...ldtt(2022), [2024, 'CSTDCS'], [2025, 'CSTDCS']],
    initiatives: [
      [2024, 'unit'],
      [2025, 'unit'],
    ],
  },
  // Bằng khen Thủ tướng 2025: Bằng khen tỉnh 2020, then five years rated well with three CSTĐCS.
  {
    ratings: ratingsOf(every('HTXSNV')),
    received: [...ldtt(), [2020, 'BK_BO_TINH'], [2021, 'CSTDCS'], [2023, 'CSTDCS'], [2025, 'CSTDCS']],
    initiatives: [
      [2021, 'unit'],
      [2023, 'unit'],
      [2025, 'unit'],
    ],
  },
  // Huân chương Lao động hạng Ba 2025: Bằng khen Thủ tướng 2020, then five years with three CSTĐCS.
  {
    ratings: ratingsOf([...every('HTTNV', FIRST, 2021), ...every('HTXSNV', 2022)]),
    received: [...ldtt(), [2020, 'BK_TTG'], [2022, 'CSTDCS'], [2024, 'CSTDCS'], [2025, 'CSTDCS']],
    initiatives: [
      [2022, 'unit'],
      [2024, 'unit'],
      [2025, 'unit'],
    ],
  },
  // Broken chain: CSTĐCS 2023 and 2025, but only "hoàn thành nhiệm vụ" in 2024 (no LĐTT, no CSTĐCS).
  {
    ratings: ratingsOf([...every('HTXSNV', FIRST, 2023), [2024, 'HTNV'], [2025, 'HTXSNV']]),
    received: [...ldtt(FIRST, 2023), [2025, 'LDTT'], [2023, 'CSTDCS'], [2025, 'CSTDCS']],
    initiatives: [
      [2023, 'province'],
      [2025, 'province'],
    ],
  },
  // Broken chain: Bằng khen tỉnh 2020, then "không hoàn thành nhiệm vụ" in 2022.
  {
    ratings: ratingsOf([...every('HTXSNV', FIRST, 2021), [2022, 'KHTNV'], ...every('HTXSNV', 2023)]),
    received: [...ldtt(FIRST, 2021), ...ldtt(2023), [2020, 'BK_BO_TINH'], [2021, 'CSTDCS'], [2023, 'CSTDCS']],
    initiatives: [[2025, 'unit']],
  },
  // Excellent in 2025 but a discipline is being considered (NĐ 152/2025 Điều 4 khoản 4): blocked.
  {
    ratings: ratingsOf(every('HTXSNV', 2023)),
    received: ldtt(2023),
    initiatives: [[2025, 'unit']],
    pendingDiscipline: true,
  },
];

/** A random but repeatable story: mostly "hoàn thành tốt", LĐTT when rated well, some CSTĐCS. */
function randomStory(random: ReturnType<typeof seededRandom>): Story {
  const story: Story = { ratings: {}, received: [], initiatives: [] };
  for (const year of years(FIRST, LAST)) {
    const draw = random.next();
    const rating: Rating = draw < 0.28 ? 'HTXSNV' : draw < 0.86 ? 'HTTNV' : draw < 0.97 ? 'HTNV' : 'KHTNV';
    story.ratings[year] = rating;
    const hasInitiative = rating === 'HTXSNV' && random.next() < 0.5;
    if (hasInitiative) story.initiatives.push([year, 'unit']);
    // The 2025 titles are still being decided: most LĐTT are recorded, CSTĐCS none (the candidates list).
    const recordsLdtt = year < LAST || random.next() < 0.7;
    if ((rating === 'HTXSNV' || rating === 'HTTNV') && recordsLdtt) story.received.push([year, 'LDTT']);
    if (year < LAST && rating === 'HTXSNV' && hasInitiative && random.next() < 0.6)
      story.received.push([year, 'CSTDCS']);
  }
  return story;
}

const DECIDERS: Record<string, string> = {
  LDTT: 'Chủ tịch UBND xã',
  CSTDCS: 'Chủ tịch UBND xã',
  BK_BO_TINH: 'Chủ tịch UBND tỉnh Lai Châu',
  BK_TTG: 'Thủ tướng Chính phủ',
  TTLDTT: 'Chủ tịch UBND tỉnh Lai Châu',
};

/**
 * Ratings, titles, awards and initiatives of the demo people and units for 2019–2025 (issue 11
 * item 5). Skips when ratings exist. Decided titles get a decision number and date early the next year.
 */
export async function ensureDemoAwards(db: Database): Promise<void> {
  const [existing] = await db
    .select({ value: sql<number>`count(*)::int` })
    .from(personRatings)
    .where(eq(personRatings.source, 'demo'));
  if (existing?.value) return;
  const [featuredUnit] = await db.select({ id: units.id }).from(units).where(eq(units.code, 'LCI.X.TDG'));
  // Only the demo's own people (units of the demo provinces), never records someone else entered.
  const people = await db
    .select({ id: persons.id, unitId: persons.unitId })
    .from(persons)
    .innerJoin(units, eq(units.id, persons.unitId))
    .where(sql`${units.code} ~ '^(LCI|BGG|QTI)([.]|$)'`)
    .orderBy(asc(persons.sortKey), asc(persons.id));
  if (!people.length) return;
  const featured = people.filter((person) => person.unitId === featuredUnit?.id).slice(0, FEATURED.length);
  const featuredIds = new Set(featured.map((person) => person.id));
  const random = seededRandom(11);
  const ratingRows: (typeof personRatings.$inferInsert)[] = [];
  const receivedRows: (typeof awardsReceived.$inferInsert)[] = [];
  const initiativeRows: (typeof initiatives.$inferInsert)[] = [];
  const disciplineRows: (typeof personDisciplines.$inferInsert)[] = [];
  let decision = 100;
  for (const person of people) {
    const index = featured.findIndex((item) => item.id === person.id);
    const story = featuredIds.has(person.id) ? (FEATURED[index] as Story) : randomStory(random);
    for (const [year, rating] of Object.entries(story.ratings))
      ratingRows.push({ personId: person.id, year: Number(year), rating: rating as Rating, source: 'demo' });
    for (const [year, code] of story.received) {
      decision += 1;
      receivedRows.push({
        personId: person.id,
        awardCode: code,
        year,
        decisionNumber: `${decision}/QĐ-${code === 'BK_TTG' ? 'TTg' : 'UBND'}`,
        decisionDate: `${year + 1}-01-${String(10 + (decision % 18)).padStart(2, '0')}`,
        decider: DECIDERS[code] ?? 'Chủ tịch UBND tỉnh Lai Châu',
      });
    }
    story.initiatives.forEach(([year, scope], number) => {
      initiativeRows.push({
        personId: person.id,
        name: `Sáng kiến cải tiến quy trình số ${number + 1} năm ${year}`,
        scope,
        year,
        decisionNumber: `${200 + number}/QĐ-HĐSK`,
        decisionDate: `${year}-11-20`,
      });
    });
    if (story.pendingDiscipline)
      disciplineRows.push({
        personId: person.id,
        level: 'warning',
        fromDate: '2025-11-15',
        pending: true,
        note: 'Đang xem xét kỷ luật theo đơn phản ánh',
      });
  }
  const unitRows = await db
    .select({ id: units.id, code: units.code })
    .from(units)
    .where(sql`${units.code} ~ '^(LCI|BGG|QTI)([.]|$)'`);
  const unitRatingRows: (typeof unitRatings.$inferInsert)[] = [];
  const unitReceived: (typeof awardsReceived.$inferInsert)[] = [];
  for (const unit of unitRows) {
    for (const year of years(FIRST, LAST)) {
      const rating: Rating = random.next() < 0.45 ? 'HTXSNV' : 'HTTNV';
      unitRatingRows.push({ unitId: unit.id, year, rating, source: 'demo' });
      if (year < LAST && rating === 'HTXSNV' && random.next() < 0.5)
        unitReceived.push({
          unitId: unit.id,
          awardCode: 'TTLDTT',
          year,
          decisionNumber: `${300 + year}/QĐ-UBND`,
          decisionDate: `${year + 1}-01-15`,
          decider: DECIDERS.TTLDTT as string,
        });
    }
  }
  await db.transaction(async (tx) => {
    for (const [table, rows] of [
      [personRatings, ratingRows],
      [awardsReceived, [...receivedRows, ...unitReceived]],
      [initiatives, initiativeRows],
      [personDisciplines, disciplineRows],
      [unitRatings, unitRatingRows],
    ] as const) {
      for (let start = 0; start < rows.length; start += 500)
        await tx.insert(table).values(rows.slice(start, start + 500) as never);
    }
  });
}

/** The ids of the featured demo people, in the order of their stories (for tests). */
export async function featuredDemoPeople(db: Database): Promise<string[]> {
  const [unit] = await db.select({ id: units.id }).from(units).where(eq(units.code, 'LCI.X.TDG'));
  if (!unit) return [];
  const rows = await db
    .select({ id: persons.id })
    .from(persons)
    .where(inArray(persons.unitId, [unit.id]))
    .orderBy(asc(persons.sortKey), asc(persons.id))
    .limit(FEATURED.length);
  return rows.map((row) => row.id);
}
