import { and, eq, inArray } from 'drizzle-orm';
import type { InspectionItemInput } from '#contracts/inspections.ts';
import {
  addRemedy,
  addTarget,
  addTeamMember,
  createPlan,
  movePlan,
  recordFinding,
  reportFollowUp,
  updateTarget,
} from '#server/modules/inspections/index.ts';
import type { Database } from '#server/platform/db/client.ts';
import {
  councilMembers,
  councils,
  inspectionPlans,
  inspectionRemedies,
  inspectionTargets,
  units,
} from '#server/platform/db/schema.ts';
import { demoCaller, demoUnitOfficer } from './demo-callers.ts';

export const DEMO_INSPECTION_TITLE = 'Kiểm tra công tác thi đua, khen thưởng năm 2024';

const ITEMS: InspectionItemInput[] = [
  {
    id: 'ke-hoach',
    text: 'Ban hành kế hoạch, hướng dẫn tổ chức phong trào thi đua năm 2024',
    assessment: 'score',
    maxScore: 30,
  },
  { id: 'dang-ky', text: 'Tổ chức đăng ký, ký kết giao ước thi đua', assessment: 'score', maxScore: 20 },
  { id: 'ho-so', text: 'Hồ sơ, thủ tục đề nghị khen thưởng', assessment: 'rating', maxScore: null },
  {
    id: 'dien-hinh',
    text: 'Phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến',
    assessment: 'none',
    maxScore: null,
  },
];

type Finding = [
  itemId: string,
  text: string,
  score: number | null,
  rating: 'good' | 'fair' | 'pass' | 'fail' | null,
];

/** What the team found at each unit, the conclusion, and the remedy asked of it. */
const VISITS: {
  code: string;
  inspectOn: string;
  findings: Finding[];
  conclusion: string;
  recommendations: string;
  remedy: { text: string; dueOn: string };
}[] = [
  {
    code: 'LCI.X.TDG',
    inspectOn: '2024-10-15',
    findings: [
      ['ke-hoach', 'Đã ban hành kế hoạch nhưng chậm so với hướng dẫn của tỉnh gần 2 tháng.', 22, null],
      ['dang-ky', 'Tổ chức đăng ký thi đua đầy đủ ở các thôn, bản.', 18, null],
      ['ho-so', 'Hồ sơ đề nghị khen thưởng còn thiếu biên bản họp Hội đồng TĐKT xã.', null, 'pass'],
      ['dien-hinh', 'Đã phát hiện 02 mô hình dân vận khéo, chưa có kế hoạch nhân rộng.', null, null],
    ],
    conclusion:
      'Ủy ban nhân dân xã triển khai phong trào thi đua nghiêm túc; công tác hồ sơ khen thưởng còn hạn chế.',
    recommendations:
      'Kiện toàn Hội đồng Thi đua – Khen thưởng xã; xây dựng kế hoạch nhân rộng điển hình tiên tiến.',
    remedy: {
      text: 'Bổ sung biên bản họp Hội đồng TĐKT xã vào hồ sơ khen thưởng năm 2024.',
      dueOn: '2025-03-31',
    },
  },
  {
    code: 'LCI.SYT',
    inspectOn: '2024-10-22',
    findings: [
      ['ke-hoach', 'Ban hành kế hoạch kịp thời, nội dung cụ thể.', 29, null],
      ['dang-ky', 'Các đơn vị trực thuộc đăng ký thi đua đầy đủ.', 19, null],
      ['ho-so', 'Hồ sơ khen thưởng đúng quy định.', null, 'good'],
      ['dien-hinh', 'Nhiều gương người tốt việc tốt trong ngành y được tuyên truyền.', null, null],
    ],
    conclusion: 'Sở Y tế thực hiện tốt công tác thi đua, khen thưởng năm 2024.',
    recommendations: 'Tiếp tục số hóa hồ sơ khen thưởng.',
    remedy: {
      text: 'Cập nhật danh sách khen thưởng năm 2024 lên cổng thông tin điện tử của Sở.',
      dueOn: '2024-12-31',
    },
  },
];

/**
 * The 2024 inspection of Lai Châu's council, made through the services as the provincial officer:
 * a team of three members, two units inspected with findings, scores and ratings; Tam Đường reported
 * its remedy fixed, Sở Y tế's is still being carried out past its deadline (one outstanding).
 */
export async function seedDemoInspections(db: Database) {
  const officer = await demoCaller(db, 'demo.officer');
  const [council] = await db
    .select({ id: councils.id })
    .from(councils)
    .innerJoin(units, eq(units.id, councils.unitId))
    .where(eq(units.code, 'LCI'));
  if (!officer || !council) return;
  const [existing] = await db
    .select({ id: inspectionPlans.id })
    .from(inspectionPlans)
    .where(and(eq(inspectionPlans.councilId, council.id), eq(inspectionPlans.year, 2024)));
  if (existing) return;
  const planId = await createPlan(db, officer, {
    councilId: council.id,
    year: 2024,
    title: DEMO_INSPECTION_TITLE,
    purpose:
      'Đánh giá việc triển khai các phong trào thi đua và công tác khen thưởng năm 2024; kịp thời chấn chỉnh tồn tại, hạn chế.',
    startsOn: '2024-09-01',
    endsOn: '2024-11-30',
    items: ITEMS,
  });
  const planVersion = async () =>
    (await db.select().from(inspectionPlans).where(eq(inspectionPlans.id, planId)))[0]?.version as number;
  const seats = await db
    .select({ id: councilMembers.id, personId: councilMembers.personId, role: councilMembers.role })
    .from(councilMembers)
    .where(
      and(
        eq(councilMembers.councilId, council.id),
        inArray(councilMembers.role, ['vice_chair', 'standing_member', 'member']),
      ),
    );
  const team: [string, 'lead' | 'secretary' | 'member'][] = [
    ['vice_chair', 'lead'],
    ['standing_member', 'secretary'],
    ['member', 'member'],
  ];
  for (const [seatRole, role] of team) {
    const seat = seats.find((candidate) => candidate.role === seatRole);
    if (seat)
      await addTeamMember(db, officer, planId, {
        personId: seat.personId,
        councilMemberId: seat.id,
        role,
        version: await planVersion(),
      });
  }
  const unitRows = await db
    .select({ id: units.id, code: units.code })
    .from(units)
    .where(
      inArray(
        units.code,
        VISITS.map((visit) => visit.code),
      ),
    );
  const targetIds: string[] = [];
  for (const visit of VISITS) {
    const unitId = unitRows.find((row) => row.code === visit.code)?.id;
    if (!unitId) return;
    targetIds.push(
      await addTarget(db, officer, planId, {
        unitId,
        inspectOn: visit.inspectOn,
        version: await planVersion(),
      }),
    );
  }
  await movePlan(db, officer, planId, 'approve', await planVersion());
  const targetVersion = async (id: string) =>
    (await db.select().from(inspectionTargets).where(eq(inspectionTargets.id, id)))[0]?.version as number;
  for (const [index, visit] of VISITS.entries()) {
    const targetId = targetIds[index] as string;
    for (const [itemId, text, score, rating] of visit.findings)
      await recordFinding(db, officer, targetId, itemId, {
        text,
        score,
        rating,
        version: await targetVersion(targetId),
      });
    await updateTarget(db, officer, targetId, {
      conclusion: visit.conclusion,
      recommendations: visit.recommendations,
      version: await targetVersion(targetId),
    });
    await addRemedy(db, officer, targetId, { ...visit.remedy, version: await targetVersion(targetId) });
  }
  const remedyOf = async (targetId: string) =>
    (await db.select().from(inspectionRemedies).where(eq(inspectionRemedies.targetId, targetId)))[0];
  // Tam Đường reports its remedy fixed through its own officer's account.
  const tamDuong = await demoCaller(db, 'demo.officer.tamduong');
  const tamDuongRemedy = await remedyOf(targetIds[0] as string);
  if (tamDuong && tamDuongRemedy)
    await reportFollowUp(db, tamDuong, tamDuongRemedy.id, {
      status: 'done',
      note: 'Đã họp Hội đồng TĐKT xã và bổ sung biên bản vào hồ sơ khen thưởng ngày 20/3/2025.',
      version: tamDuongRemedy.version,
    });
  // Sở Y tế's remedy is still being carried out past its deadline: the one outstanding.
  const health = await demoUnitOfficer(db, 'LCI.SYT');
  const healthRemedy = await remedyOf(targetIds[1] as string);
  if (health && healthRemedy)
    await reportFollowUp(db, health, healthRemedy.id, {
      status: 'in_progress',
      note: 'Đã tổng hợp danh sách, đang chờ đăng trên cổng thông tin điện tử của Sở.',
      version: healthRemedy.version,
    });
}
