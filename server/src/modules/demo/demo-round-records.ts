import type { Database } from '#server/platform/db/client.ts';
import { awardsReceived, initiatives, personRatings } from '#server/platform/db/schema.ts';

const received = (personId: string, awardCode: string, year: number, number: string) => ({
  personId,
  awardCode,
  year,
  decisionNumber: number,
  decisionDate: `${year + 1}-01-12`,
  decider: awardCode === 'CSTDCS' || awardCode === 'LDTT' ? 'Giám đốc Sở' : 'Chủ tịch UBND tỉnh Lai Châu',
});

const initiative = (personId: string, name: string, scope: 'unit' | 'national', year: number) => ({
  personId,
  name,
  scope,
  year,
  decisionNumber: `${year - 2000}/QĐ-HĐSK`,
  decisionDate: `${year}-11-20`,
});

/**
 * The award records that make the round's proposals true to the engine: the CSTĐ toàn quốc candidate
 * was Chiến sĩ thi đua tỉnh in 2022 and 2025 (decided before the round) with an initiative recognised
 * nationally, and Sở Nội vụ's two staff
 * were rated excellent and Chiến sĩ thi đua cơ sở in 2024 and 2025, each with an initiative.
 */
export async function seedRoundRecords(db: Database, nationalCandidate: string, staff: readonly string[]) {
  const rows = [
    received(nationalCandidate, 'CSTD_BO_TINH', 2022, '45/QĐ-UBND'),
    received(nationalCandidate, 'CSTD_BO_TINH', 2025, '38/QĐ-UBND'),
  ];
  for (const [index, personId] of staff.entries())
    for (const year of [2024, 2025]) {
      await db
        .insert(personRatings)
        .values({ personId, year, rating: 'HTXSNV', source: 'demo' })
        .onConflictDoUpdate({
          target: [personRatings.personId, personRatings.year],
          set: { rating: 'HTXSNV' },
        });
      rows.push(received(personId, 'LDTT', year, `${60 + index}/QĐ-SNV`));
      rows.push(received(personId, 'CSTDCS', year, `${70 + index}/QĐ-SNV`));
    }
  await db.insert(awardsReceived).values(rows).onConflictDoNothing();
  const ideas: (typeof initiatives.$inferInsert)[] = [
    initiative(nationalCandidate, 'Một cửa điện tử tại xã', 'national', 2024),
  ];
  for (const personId of staff)
    for (const year of [2024, 2025])
      ideas.push(initiative(personId, `Số hóa hồ sơ công vụ năm ${year}`, 'unit', year));
  await db.insert(initiatives).values(ideas);
}
