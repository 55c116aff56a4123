import type { Database } from '#server/platform/db/client.ts';
import { appraise, nomineesOf } from './demo-appraisal.ts';
import type { DemoRound } from './demo-nominations.ts';
import { openCouncilSession } from './demo-round-council.ts';
import { decideDepartment } from './demo-round-decision.ts';
import { postStateAward, seedNoticeCandidate } from './demo-round-notice.ts';

/** The appraisal's reason for the person whose chain of Chiến sĩ thi đua cơ sở is broken (2024). */
export const BROKEN_CHAIN_REASON =
  'Không đủ điều kiện: năm 2024 chỉ hoàn thành nhiệm vụ, không liên tục 03 năm Chiến sĩ thi đua cơ sở ' +
  '(Điều 22 Luật Thi đua, khen thưởng).';

/**
 * The rest of the 2025 tổng kết round, so a new user can follow it from the tờ trình to the payout:
 * the CSTĐ toàn quốc proposal appraised and ready to post; Tam Đường's provincial tờ trình appraised
 * (one declined) and before an open council session; the Huân chương proposal out for public comment
 * with one comment answered; Sở Nội vụ's tờ trình voted on at a closed council session, decided,
 * issued and paid. Through the services as
 * the demo officers.
 */
export async function seedDemoRewardFlow(db: Database, round: DemoRound, today: string) {
  await seedNoticeCandidate(db, round, today);
  await appraise(db, round.province, round.communeProvincial, (nominee) =>
    nominee.personId === round.ineligiblePerson
      ? { opinion: BROKEN_CHAIN_REASON, proposal: 'disagree' }
      : undefined,
  );
  await postStateAward(db, round);
  const agreed = await nomineesOf(db, round.communeProvincial);
  await openCouncilSession(
    db,
    round,
    today,
    agreed.filter((row) => row.status === 'appraised').map((row) => row.id),
  );
  await decideDepartment(db, round, today);
}
