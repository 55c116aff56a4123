import { eq } from 'drizzle-orm';
import { moveNominees } from '#server/modules/nominations/index.ts';
import { systemActor } from '#server/platform/audit/audit.ts';
import type { Database } from '#server/platform/db/client.ts';
import { awardRounds, nominations, nominees, units } from '#server/platform/db/schema.ts';
import { featuredDemoPeople } from './demo-awards.ts';

export const DEMO_NOTICE_ROUND = 'Tổng kết phong trào văn hóa công sở 2019–2025';
export const DEMO_NOTICE_NOMINATION = 'Tờ trình đề nghị tặng danh hiệu Chiến sĩ thi đua toàn quốc';

/**
 * The 2025 tổng kết round of the province with a tờ trình of the commune Tam Đường proposing its
 * first featured person for Chiến sĩ thi đua toàn quốc, received and appraised: the award must be
 * posted for public comment, so the province's officer can post it (issue 12 item 6). Skips when the
 * round exists.
 */
export async function ensureDemoNoticeCandidate(db: Database): Promise<void> {
  const [existing] = await db
    .select({ id: awardRounds.id })
    .from(awardRounds)
    .where(eq(awardRounds.title, DEMO_NOTICE_ROUND));
  if (existing) return;
  const [province] = await db.select({ id: units.id }).from(units).where(eq(units.code, 'LCI'));
  const [commune] = await db.select({ id: units.id }).from(units).where(eq(units.code, 'LCI.X.TDG'));
  const [personId] = await featuredDemoPeople(db);
  if (!province || !commune || !personId) return;
  const actor = systemActor('demo');
  await db.transaction(async (tx) => {
    const [round] = await tx
      .insert(awardRounds)
      .values({ kind: 'tong_ket', title: DEMO_NOTICE_ROUND, year: 2025, receivingUnitId: province.id })
      .returning();
    if (!round) throw new Error('round not created');
    // Seeded as already received by the province: the demo starts after the exchange of the tờ trình.
    const [nomination] = await tx
      .insert(nominations)
      .values({
        roundId: round.id,
        proposingUnitId: commune.id,
        title: DEMO_NOTICE_NOMINATION,
        deciderTier: 'prime_minister',
        status: 'received',
        submittedAt: new Date(),
      })
      .returning();
    if (!nomination) throw new Error('nomination not created');
    const [nominee] = await tx
      .insert(nominees)
      .values({
        nominationId: nomination.id,
        subject: 'individual',
        personId,
        awardCode: 'CSTDTQ',
        rewardType: 'thuong_xuyen',
        periodFrom: 2019,
        periodTo: 2025,
        achievements:
          'Sáu năm liền hoàn thành xuất sắc nhiệm vụ; ba năm liền Chiến sĩ thi đua cơ sở; sáng kiến ' +
          '"Một cửa điện tử tại xã" được công nhận phạm vi toàn tỉnh.',
        status: 'received',
      })
      .returning();
    if (!nominee) throw new Error('nominee not created');
    await moveNominees(tx, actor, {
      nomineeIds: [nominee.id],
      from: ['received'],
      to: 'appraised',
      // The appraisal part names this action in contracts/audit.ts.
      action: 'nominee.appraise',
      refusal: 'Đối tượng chưa được tiếp nhận.',
    });
  });
}
