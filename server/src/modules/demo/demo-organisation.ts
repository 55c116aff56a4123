import { eq, max, sql } from 'drizzle-orm';
import { copyBlocYear } from '#server/modules/organisation/index.ts';
import { systemActor } from '#server/platform/audit/audit.ts';
import type { Principal } from '#server/platform/auth/policy.ts';
import type { Database } from '#server/platform/db/client.ts';
import { blocMembers, blocs, councilMembers, councils } from '#server/platform/db/schema.ts';

// 2024: the city and seven districts in two clusters (the first, of six, is the demo's scored bloc).
const cụmHuyện1 = ['LCI.H.TP', 'LCI.H.TDG', 'LCI.H.PTO', 'LCI.H.SHO', 'LCI.H.MTE', 'LCI.H.TUY'];
const cụmHuyện2 = ['LCI.H.TNU', 'LCI.H.NNH'];
const cụmXã = [
  'LCI.X.TPH',
  'LCI.X.DKE',
  'LCI.X.TDG',
  'LCI.X.BLU',
  'LCI.X.BBO',
  'LCI.X.PTO',
  'LCI.X.SHO',
  'LCI.X.MTE',
  'LCI.X.TUY',
  'LCI.X.TNU',
  'LCI.X.NNH',
];
const khốiKinhTế = ['LCI.STC', 'LCI.SNNMT', 'LCI.SXD', 'LCI.VP'];
const khốiVănHóa = ['LCI.SGDDT', 'LCI.SYT', 'LCI.SVHTTDL', 'LCI.SNV'];
const khốiĐoànThể = ['LCI.MTTQ', 'LCI.LDLD', 'LCI.TDOAN', 'LCI.HLHPN', 'LCI.HND'];

/**
 * The provincial council of Lai Châu (standing body: Sở Nội vụ) with its members, and its blocs
 * for 2024 and 2025: the two district clusters of 2024 (both supervised by Sở Nội vụ's member) became
 * the commune cluster of 2025.
 */
export async function ensureDemoCouncil(
  db: Database,
  unitIds: Map<string, string>,
  headOf: Map<string, string>,
) {
  const [existing] = await db
    .select({ value: sql<number>`count(*)::int` })
    .from(councils)
    .where(eq(councils.unitId, unitIds.get('LCI') as string));
  if (existing?.value || !headOf.size) return;
  const id = (code: string) => unitIds.get(code) as string;
  await db.transaction(async (tx) => {
    const [council] = await tx
      .insert(councils)
      .values({
        unitId: id('LCI'),
        name: 'Hội đồng Thi đua – Khen thưởng tỉnh Lai Châu',
        standingUnitId: id('LCI.SNV'),
      })
      .returning();
    if (!council) return;
    const seats: [string, string][] = [
      ['LCI', 'chair'],
      ['LCI.SNV', 'vice_chair'],
      ['LCI.LDLD', 'vice_chair'],
      ['LCI.SNV.BTDKT', 'standing_member'],
      ['LCI.STC', 'member'],
      ['LCI.SGDDT', 'member'],
      ['LCI.SYT', 'member'],
      ['LCI.TDOAN', 'member'],
      ['LCI.HLHPN', 'member'],
      ['LCI.VP', 'secretary'],
    ];
    const members = await tx
      .insert(councilMembers)
      .values(
        seats.map(([code, role]) => ({
          councilId: council.id,
          personId: headOf.get(code) as string,
          role,
          termFrom: '2021-06-01',
          // The current term (with the provincial People's Committee's): no end recorded yet.
          termTo: null,
        })),
      )
      .returning({ id: councilMembers.id });
    const supervisor = (index: number) => members[index]?.id ?? null;
    const plan: [number, string, string, string[], number][] = [
      [2024, 'Khối các cơ quan kinh tế – tổng hợp', 'sector', khốiKinhTế, 4],
      [2024, 'Khối các cơ quan văn hóa – xã hội', 'sector', khốiVănHóa, 5],
      [2024, 'Khối Mặt trận và các đoàn thể tỉnh', 'sector', khốiĐoànThể, 2],
      [2024, 'Cụm thi đua số 1 các huyện, thành phố', 'area', cụmHuyện1, 1],
      [2024, 'Cụm thi đua số 2 các huyện', 'area', cụmHuyện2, 1],
      [
        2025,
        'Khối các cơ quan kinh tế – tổng hợp',
        'sector',
        [...khốiKinhTế.slice(1), khốiKinhTế[0] as string],
        4,
      ],
      [
        2025,
        'Khối các cơ quan văn hóa – xã hội',
        'sector',
        [...khốiVănHóa.slice(1), khốiVănHóa[0] as string],
        5,
      ],
      [2025, 'Cụm thi đua các xã, phường', 'area', cụmXã, 1],
    ];
    for (const [year, name, kind, codes, supervisorIndex] of plan) {
      const [bloc] = await tx
        .insert(blocs)
        .values({ councilId: council.id, year, name, kind, supervisorMemberId: supervisor(supervisorIndex) })
        .returning();
      if (!bloc) continue;
      await tx.insert(blocMembers).values(
        codes.map((code, index) => ({
          blocId: bloc.id,
          unitId: id(code),
          position: index + 1,
          role: index === 0 ? 'head' : index === 1 ? 'deputy' : 'member',
        })),
      );
    }
  });
}

/** The start-up task acting as an administrator, so the organisation services' rules still apply. */
const demoCaller = {
  principal: {
    id: '00000000-0000-0000-0000-000000000000',
    username: 'demo',
    fullName: 'Dữ liệu mẫu',
    grants: [],
    scopedGrants: [{ role: 'admin', unitId: null, unitPath: null }],
  } satisfies Principal,
  actor: systemActor('demo'),
};

/**
 * Carries the provincial council's blocs forward to the current year (computed from today's date),
 * one year at a time through the copy-with-rotation service, so the blocs page never opens empty.
 * Skips years that already have blocs; does nothing without the demo council.
 */
export async function ensureDemoBlocYears(db: Database, unitIds: Map<string, string>, now = new Date()) {
  const provinceId = unitIds.get('LCI');
  if (!provinceId) return;
  const [council] = await db
    .select({ id: councils.id })
    .from(councils)
    .where(eq(councils.unitId, provinceId));
  if (!council) return;
  const [latest] = await db
    .select({ year: max(blocs.year) })
    .from(blocs)
    .where(eq(blocs.councilId, council.id));
  for (let year = latest?.year ?? now.getFullYear(); year < now.getFullYear(); year++) {
    await copyBlocYear(db, demoCaller, council.id, year);
  }
}
