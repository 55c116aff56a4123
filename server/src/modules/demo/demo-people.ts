import { eq, sql } from 'drizzle-orm';
import { personSortKey } from '#server/modules/organisation/index.ts';
import type { Database } from '#server/platform/db/client.ts';
import { employments, persons, users } from '#server/platform/db/schema.ts';
import { demoSuccessions, demoUnits } from './demo-units.ts';

/** A small deterministic generator, so every demo has the same people. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  return { next, pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T };
}

const KINH_FAMILIES = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Vũ',
  'Đỗ',
  'Bùi',
  'Đặng',
  'Ngô',
  'Dương',
  'Hà',
];
const THAI_FAMILIES = ['Lò', 'Lường', 'Quàng', 'Tao', 'Cầm', 'Điêu', 'Lù'];
const HMONG_FAMILIES = ['Giàng', 'Sùng', 'Vàng', 'Thào', 'Lý', 'Hạng'];
const DAO_FAMILIES = ['Tẩn', 'Chảo', 'Phàn', 'Lý'];
const KINH_MALE = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Hải',
  'Hùng',
  'Khánh',
  'Long',
  'Minh',
  'Nam',
  'Phong',
  'Quang',
  'Sơn',
  'Thắng',
  'Tuấn',
  'Việt',
];
const KINH_FEMALE = [
  'Anh',
  'Chi',
  'Dung',
  'Giang',
  'Hà',
  'Hằng',
  'Hương',
  'Lan',
  'Linh',
  'Mai',
  'Ngọc',
  'Nhung',
  'Phương',
  'Thảo',
  'Trang',
  'Yến',
];
const KINH_MIDDLE_MALE = ['Văn', 'Đức', 'Minh', 'Quốc', 'Thanh', 'Xuân'];
const KINH_MIDDLE_FEMALE = ['Thị', 'Thị Thu', 'Thị Minh', 'Thu', 'Ngọc', 'Thị Thanh'];
const THAI_MALE = ['Văn Thắng', 'Văn Ơn', 'Văn Chung', 'Văn Pâng', 'Văn Hặc', 'Văn Khìn'];
const THAI_FEMALE = ['Thị Ỏm', 'Thị Xiêng', 'Thị Ín', 'Thị Pọm', 'Thị Hoa', 'Thị Bun'];
const HMONG_MALE = ['A Páo', 'Seo Chứ', 'A Sình', 'A Dế', 'Seo Pình', 'A Súa', 'Chứ Sử'];
const HMONG_FEMALE = ['Thị Mỷ', 'Thị Sua', 'Thị Dợ', 'Thị Mai', 'Thị Chia'];
const DAO_MALE = ['Văn Kiên', 'Láo Lở', 'San Phủ', 'Văn Sài', 'Quẩy Chiêm'];
const DAO_FEMALE = ['Thị Mai', 'Thị Dung', 'Mý Chài', 'Thị Lả'];

/** A realistic Vietnamese full name as used in Lai Châu: Kinh, Thái, Mông and Dao names. */
export function demoName(random: ReturnType<typeof seededRandom>): {
  fullName: string;
  gender: 'male' | 'female';
} {
  const gender = random.next() < 0.5 ? 'male' : 'female';
  const group = random.next();
  const male = gender === 'male';
  if (group < 0.45) {
    const middle = random.pick(male ? KINH_MIDDLE_MALE : KINH_MIDDLE_FEMALE);
    return {
      fullName: `${random.pick(KINH_FAMILIES)} ${middle} ${random.pick(male ? KINH_MALE : KINH_FEMALE)}`,
      gender,
    };
  }
  if (group < 0.7)
    return {
      fullName: `${random.pick(THAI_FAMILIES)} ${random.pick(male ? THAI_MALE : THAI_FEMALE)}`,
      gender,
    };
  if (group < 0.88)
    return {
      fullName: `${random.pick(HMONG_FAMILIES)} ${random.pick(male ? HMONG_MALE : HMONG_FEMALE)}`,
      gender,
    };
  return { fullName: `${random.pick(DAO_FAMILIES)} ${random.pick(male ? DAO_MALE : DAO_FEMALE)}`, gender };
}

/**
 * How many people each demo unit gets, the head's position (as officials write it: "Chủ tịch UBND",
 * "Trưởng phòng"; the deputies are "Phó " + the head's title), and what most staff do.
 */
const STAFFING: { prefix: string; count: number; head: string; category: string; direct?: string }[] = [
  {
    prefix: 'LCI.SGDDT.THPTCB',
    count: 30,
    head: 'Hiệu trưởng',
    category: 'public_employee',
    direct: 'Giáo viên',
  },
  { prefix: 'LCI.SYT.BVDK', count: 30, head: 'Giám đốc', category: 'public_employee', direct: 'Bác sĩ' },
  { prefix: 'LCI.SNV.BTDKT', count: 8, head: 'Trưởng ban', category: 'civil_servant' },
  { prefix: 'LCI.CAT', count: 12, head: 'Giám đốc', category: 'soldier', direct: 'Cán bộ chiến sĩ' },
  { prefix: 'LCI.SNV.VP', count: 10, head: 'Chánh Văn phòng', category: 'civil_servant' },
  { prefix: 'LCI.VP', count: 10, head: 'Chánh Văn phòng', category: 'civil_servant' },
  { prefix: 'LCI.TDOAN', count: 10, head: 'Bí thư', category: 'civil_servant' },
  { prefix: 'LCI.LDLD', count: 10, head: 'Chủ tịch', category: 'civil_servant' },
  { prefix: 'LCI.HLHPN', count: 10, head: 'Chủ tịch', category: 'civil_servant' },
  { prefix: 'LCI.HND', count: 10, head: 'Chủ tịch', category: 'civil_servant' },
  { prefix: 'LCI.MTTQ', count: 10, head: 'Chủ tịch', category: 'civil_servant' },
  { prefix: 'LCI.X.', count: 8, head: 'Chủ tịch UBND', category: 'cadre' },
  { prefix: 'LCI.H.TDG.PNV', count: 3, head: 'Trưởng phòng', category: 'civil_servant' },
  { prefix: 'LCI.H.', count: 8, head: 'Chủ tịch UBND', category: 'cadre' },
  { prefix: 'LCI.', count: 10, head: 'Giám đốc', category: 'civil_servant' },
  { prefix: 'LCI', count: 6, head: 'Chủ tịch UBND', category: 'cadre' },
  { prefix: '', count: 4, head: 'Giám đốc', category: 'civil_servant' },
];

const ENDED_ON = '2025-06-30';
const REFORM_ON = '2025-07-01';
/** The demo units that ended on 30/6/2025. */
const ended = new Set(demoUnits.filter((unit) => unit.until).map((unit) => unit.code));

/**
 * Where the people of a dissolved unit went, as the succession says: its own successors, else those
 * of the nearest unit above it that has some (a district's division follows the district).
 */
export function successorsAtReform(code: string): string[] {
  for (let current: string | null | undefined = code; current; ) {
    const found = demoSuccessions.filter(([from]) => from === current).map(([, to]) => to);
    if (found.length) return found;
    current = demoUnits.find((unit) => unit.code === current)?.parent;
  }
  return [];
}

/**
 * Adds a few hundred people to the demo units (leaders first in each unit, direct workers in the
 * school, the hospital and the police) and links demo.staff to their own record. Skips when people exist.
 */
export async function ensureDemoPeople(
  db: Database,
  unitIds: Map<string, string>,
): Promise<Map<string, string>> {
  const byRole = new Map<string, string>();
  const snvId = unitIds.get('LCI.SNV') as string;
  const [existing] = await db
    .select({ value: sql<number>`count(*)::int` })
    .from(persons)
    .where(eq(persons.unitId, snvId));
  if (existing?.value) return byRole;
  const random = seededRandom(2025);
  const values: (typeof persons.$inferInsert)[] = [];
  const moved = new Map<string, (typeof employments.$inferInsert)[]>();
  for (const [code, unitId] of unitIds) {
    const successors = ended.has(code) ? successorsAtReform(code) : [];
    // A unit that ended with no successor in the demo (Bắc Giang) has nobody working there now.
    if (ended.has(code) && !successors.length) continue;
    const staffing = STAFFING.find((rule) => code.startsWith(rule.prefix)) as (typeof STAFFING)[number];
    const count = code.includes('.H.') && code.split('.').length > 3 ? 3 : staffing.count;
    const taken = new Set<string>();
    for (let index = 0; index < count; index++) {
      let name = demoName(random);
      while (taken.has(name.fullName)) name = demoName(random);
      taken.add(name.fullName);
      const isLeader = index < 2;
      const isDirectWorker = !isLeader && !!staffing.direct && random.next() < 0.7;
      const year = 1965 + Math.floor(random.next() * 35);
      const id = crypto.randomUUID();
      if (index === 0) byRole.set(code, id);
      const position =
        index === 0
          ? staffing.head
          : isLeader
            ? `Phó ${staffing.head}`
            : isDirectWorker
              ? (staffing.direct ?? null)
              : 'Chuyên viên';
      // People of a unit dissolved on 30/6/2025 work at its successor from 01/7/2025 (shared out
      // in turn when it split); the leaders of a district or commune become deputies there.
      const successor = successors.length ? (successors[index % successors.length] as string) : null;
      const successorId = successor ? (unitIds.get(successor) as string) : null;
      const newPosition = isLeader && position?.includes('Chủ tịch') ? 'Phó Chủ tịch UBND' : position;
      if (successorId)
        moved.set(id, [
          { personId: id, unitId, position, startedOn: '2015-01-01', endedOn: ENDED_ON },
          { personId: id, unitId: successorId, position: newPosition, startedOn: REFORM_ON },
        ]);
      values.push({
        id,
        ...name,
        birthDate: `${year}-${String(1 + Math.floor(random.next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random.next() * 28)).padStart(2, '0')}`,
        category: staffing.category,
        position: successorId ? newPosition : position,
        isLeader,
        isDirectWorker,
        unitId: successorId ?? unitId,
        sortKey: personSortKey(name.fullName),
      });
    }
  }
  const [staffUser] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'demo.staff'));
  const snv = unitIds.get('LCI.SNV');
  values.push({
    fullName: 'Tẩn Thị Mai',
    gender: 'female',
    birthDate: '1992-03-08',
    category: 'civil_servant',
    position: 'Chuyên viên',
    unitId: snv as string,
    userId: staffUser?.id ?? null,
    sortKey: personSortKey('Tẩn Thị Mai'),
  });
  await db.transaction(async (tx) => {
    for (let index = 0; index < values.length; index += 500) {
      const inserted = await tx
        .insert(persons)
        .values(values.slice(index, index + 500))
        .returning({ id: persons.id, unitId: persons.unitId, position: persons.position });
      await tx.insert(employments).values(
        inserted.flatMap(
          (person) =>
            moved.get(person.id) ?? [
              {
                personId: person.id,
                unitId: person.unitId,
                position: person.position,
                startedOn: '2015-01-01',
              },
            ],
        ),
      );
    }
  });
  return byRole;
}
