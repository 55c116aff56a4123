import { composeDecision, recipientsTable } from '#server/modules/decisions/index.ts';
import { renderDocx } from '#server/modules/documents/index.ts';
import { printTargets, target } from './targets.ts';

/** Issue 12: a decision DOCX of 1,000 recipients under 3 s. */
const TARGET_MS = 3000;
const RECIPIENTS = 1000;

/** A province's year-end Bằng khen decision with 1,000 people on its list. */
function bigDecision() {
  const decision = {
    id: '00000000-0000-4000-8000-000000000001',
    unitId: '00000000-0000-4000-8000-000000000002',
    status: 'issued',
    decisionDate: '2025-12-15',
    registerYear: 2025,
    sequence: 1234,
    number: '1234/QĐ-UBND',
    title: 'Về việc tặng Bằng khen của Chủ tịch UBND tỉnh năm 2025',
    authority: 'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LAI CHÂU',
    decider: 'Chủ tịch UBND tỉnh Lai Châu',
    signerName: 'Lê Văn Lương',
    signerTitle: 'KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH',
    place: 'Lai Châu',
    legalBasis: [
      'Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;',
      'Căn cứ Nghị định số 152/2025/NĐ-CP;',
    ],
    issuedAt: new Date(),
    issuedBy: null,
    revokedAt: null,
    publishedAt: null,
    revokedBy: null,
    revokeReason: null,
    createdAt: new Date(),
    updatedAt: new Date(),
    version: 3,
    updatedBy: null,
  };
  const unit = { path: '/x/', name: 'Ủy ban nhân dân tỉnh Lai Châu', kind: 'province', shortName: null };
  const lines = Array.from({ length: RECIPIENTS }, (_, index) => ({
    id: `r${index}`,
    position: index + 1,
    personId: `p${index}`,
    unitId: null,
    householdName: null,
    awardCode: 'BK_BO_TINH',
    rewardType: 'thuong_xuyen',
    year: 2025,
    achievement: 'Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm 2025',
    cashMultiple: 1.5,
    cashAmount: 3_510_000,
    name: `Nguyễn Thị Phương Thảo ${index + 1}`,
    jobTitle: 'Chuyên viên',
    context: `Phòng Văn hóa - Xã hội xã Nậm Tăm ${index % 40}`,
  }));
  return { decision, unit, lines };
}

/** Renders the decision with its 1,000-row list three times (after one warm-up); the median counts. */
export async function runDecisionsBench() {
  const { decision, unit, lines } = bigDecision();
  const render = () =>
    renderDocx(composeDecision(decision, unit, lines), { tables: [recipientsTable(decision, unit, lines)] });
  const warm = await render();
  const times: number[] = [];
  for (let run = 0; run < 3; run += 1) {
    const started = performance.now();
    await render();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const medianMs = Math.round(times[1] ?? 0);
  const targets = [target(`DOCX quyết định ${RECIPIENTS} người`, medianMs, TARGET_MS, 'ms')];
  console.log(
    `\nQuyết định khen thưởng / decisions (in process, ${Math.round(warm.length / 1024)} KB DOCX):`,
  );
  printTargets(targets);
  return { recipients: RECIPIENTS, docxMs: medianMs, docxBytes: warm.length, targets };
}
