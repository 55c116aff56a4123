import { asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '#server/platform/db/client.ts';
import { awardsReceived, persons, units } from '#server/platform/db/schema.ts';

const DECIDER = 'Chủ tịch UBND tỉnh Lai Châu';

/**
 * Lai Châu's own awards decided in the 2025 statistical year (01/12/2024–30/11/2025), so its forms
 * 0603 of 2025 have figures: the provincial chairman's Bằng khen of 20/01/2025 to three departments
 * for 2024, and the province's Kỷ niệm chương of 08/10/2025 to three people of Sở Giáo dục và Đào tạo.
 * Idempotent (the records' unique keys); nobody featured in the eligibility stories is touched.
 */
export async function ensureDemoProvinceAwards(db: Database): Promise<void> {
  const departments = await db
    .select({ id: units.id })
    .from(units)
    .where(inArray(units.code, ['LCI.SGDDT', 'LCI.STC', 'LCI.SXD']));
  const [education] = await db.select({ id: units.id }).from(units).where(eq(units.code, 'LCI.SGDDT'));
  if (!departments.length || !education) return;
  const people = await db
    .select({ id: persons.id })
    .from(persons)
    .where(eq(persons.unitId, education.id))
    .orderBy(asc(persons.sortKey), asc(persons.id))
    .limit(3);
  await db
    .insert(awardsReceived)
    .values([
      ...departments.map((unit) => ({
        unitId: unit.id,
        awardCode: 'BK_BO_TINH',
        year: 2024,
        decisionNumber: '95/QĐ-UBND',
        decisionDate: '2025-01-20',
        decider: DECIDER,
      })),
      ...people.map((person) => ({
        personId: person.id,
        awardCode: 'KY_NIEM_CHUONG',
        year: 2025,
        rewardType: 'cong_hien',
        decisionNumber: '1520/QĐ-UBND',
        decisionDate: '2025-10-08',
        decider: DECIDER,
      })),
    ])
    .onConflictDoNothing();
}
