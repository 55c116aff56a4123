import { eq } from 'drizzle-orm';
import {
  createDecisionFromNominees,
  createFundEntry,
  issueDecision,
  payDecision,
} from '#server/modules/decisions/index.ts';
import type { Database } from '#server/platform/db/client.ts';
import { decisions } from '#server/platform/db/schema.ts';
import { appraise, nomineesOf, receive } from './demo-appraisal.ts';
import type { DemoRound } from './demo-nominations.ts';
import { closedCouncilSession } from './demo-round-vote.ts';

export const DEMO_DECISION_TITLE =
  'Về việc tặng Bằng khen của Chủ tịch UBND tỉnh cho cá nhân Sở Nội vụ đã có thành tích xuất sắc ' +
  'trong phong trào thi đua thực hiện văn hóa công sở giai đoạn 2019–2025';

/** The province's budget for rewards of 2026, so the payout of the decision has a source. */
const BUDGET = 200_000_000;

/**
 * Sở Nội vụ's tờ trình received and appraised (agree both), voted on at a council session its chair
 * closed (both passed), then the province's decision built from
 * its two nominees and issued (number from the register): the recipients' person pages show the award
 * and the certificates print. The province's fund gets its 2026 budget, and the decision's cash is paid.
 */
export async function decideDepartment(db: Database, round: DemoRound, today: string) {
  if (!round.department) return null;
  await receive(db, round.province, round.department);
  await appraise(db, round.province, round.department);
  const nomineeIds = (await nomineesOf(db, round.department)).map((nominee) => nominee.id);
  await closedCouncilSession(db, round, today, nomineeIds);
  const id = await createDecisionFromNominees(db, round.province, {
    unitId: round.provinceId,
    decisionDate: today,
    title: DEMO_DECISION_TITLE,
    authority: 'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LAI CHÂU',
    decider: 'Chủ tịch UBND tỉnh Lai Châu',
    signerName: 'Lê Văn Lương',
    signerTitle: 'CHỦ TỊCH',
    place: 'Lai Châu',
    legalBasis: [
      'Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;',
      'Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;',
      'Căn cứ Nghị định số 152/2025/NĐ-CP của Chính phủ quy định chi tiết một số điều của Luật Thi đua, khen thưởng;',
      'Xét đề nghị của Giám đốc Sở Nội vụ,',
    ],
    nomineeIds,
  });
  const [draft] = await db.select({ version: decisions.version }).from(decisions).where(eq(decisions.id, id));
  await issueDecision(db, round.province, id, draft?.version ?? 1);
  await createFundEntry(db, round.province, {
    unitId: round.provinceId,
    kind: 'income',
    category: 'budget',
    entryDate: `${today.slice(0, 4)}-01-15`,
    amount: BUDGET,
    description: `Kinh phí khen thưởng năm ${today.slice(0, 4)} do ngân sách tỉnh cấp`,
  });
  await payDecision(db, round.province, id, today);
  return id;
}
