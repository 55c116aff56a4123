import { and, asc, eq, like, sql } from 'drizzle-orm';
import type { ExemplarKind, ExemplarStage } from '#contracts/exemplars.ts';
import {
  addReplication,
  advanceExemplar,
  createExemplar,
  publishExemplar,
  reviewExemplar,
} from '#server/modules/exemplars/index.ts';
import type { Database } from '#server/platform/db/client.ts';
import { exemplars, movements, persons, units } from '#server/platform/db/schema.ts';
import { demoCaller, demoUnitOfficer } from './demo-callers.ts';

/** One demo exemplar: who proposes it, about whom, how far it went, and whether it is published. */
interface DemoExemplar {
  unitCode: string;
  /** A demo account proposing, or the unit's officer without an account. */
  proposer?: string;
  kind: ExemplarKind;
  subject: 'person' | 'collective' | 'model';
  title: string;
  summary: string;
  discoveredOn: string;
  review: 'confirm' | 'return' | 'none';
  /** The stages reached after discovery, each with its day and note. */
  moves: [ExemplarStage, string, string][];
  replicatedBy?: [string, string, string][];
  publish?: boolean;
}

const EXEMPLARS: DemoExemplar[] = [
  {
    unitCode: 'LCI.SYT',
    kind: 'good_deed',
    subject: 'person',
    title: 'Tận tụy, niềm nở với người bệnh vùng cao',
    summary:
      'Luôn đúng giờ, trang phục gọn gàng, giao tiếp ân cần với người bệnh và người nhà; hướng dẫn tận tình đồng bào dân tộc thiểu số làm thủ tục khám, chữa bệnh.',
    discoveredOn: '2023-04-10',
    review: 'confirm',
    moves: [
      ['nurture', '2023-06-01', 'Cử tham gia lớp bồi dưỡng kỹ năng giao tiếp, ứng xử trong công sở.'],
      ['sum_up', '2024-05-20', 'Hội nghị sơ kết văn hóa công sở ngành y tế biểu dương, rút kinh nghiệm.'],
      ['replicate', '2024-09-05', 'Sở Y tế ban hành kế hoạch nhân rộng tại các bệnh viện tuyến tỉnh, huyện.'],
    ],
    replicatedBy: [
      ['LCI.SYT.BVDK', '2024-10-01', 'Áp dụng tại khoa Khám bệnh.'],
      ['LCI.SGDDT', '2024-11-15', 'Học tập cách giao tiếp với phụ huynh học sinh.'],
    ],
    publish: true,
  },
  {
    unitCode: 'LCI.SNV',
    kind: 'good_model',
    subject: 'model',
    title: 'Mô hình “Công sở xanh – sạch – đẹp, không khói thuốc”',
    summary:
      'Mỗi phòng chuyên môn nhận chăm sóc một khu vực cây xanh; không hút thuốc lá trong công sở; phân loại rác tại nguồn; sắp xếp hồ sơ, bàn làm việc gọn gàng.',
    discoveredOn: '2023-09-15',
    review: 'confirm',
    moves: [
      ['nurture', '2023-11-01', 'Hướng dẫn các phòng xây dựng quy ước thực hiện.'],
      ['sum_up', '2025-03-10', 'Tổng kết, đánh giá sau hơn một năm thực hiện.'],
    ],
    publish: true,
  },
  {
    unitCode: 'LCI.X.TDG',
    proposer: 'demo.officer.tamduong',
    kind: 'advanced',
    subject: 'collective',
    title: 'Bộ phận tiếp nhận và trả kết quả thân thiện, đúng hẹn',
    summary:
      'Trả kết quả đúng hẹn 100% hồ sơ; niêm yết công khai thủ tục; hỗ trợ người dân nộp hồ sơ trực tuyến.',
    discoveredOn: '2025-08-01',
    review: 'confirm',
    moves: [['nurture', '2025-09-15', 'Hỗ trợ trang thiết bị và tập huấn dịch vụ công trực tuyến.']],
    publish: true,
  },
  {
    unitCode: 'LCI.SGDDT',
    kind: 'new_practice',
    subject: 'model',
    title: 'Cách làm “Thứ Hai không giấy tờ” trong xử lý văn bản',
    summary: 'Toàn bộ văn bản trong ngày thứ Hai xử lý trên hệ thống quản lý văn bản điện tử, ký số 100%.',
    discoveredOn: '2025-10-06',
    review: 'none',
    moves: [],
  },
  {
    unitCode: 'LCI.X.TDG',
    proposer: 'demo.officer.tamduong',
    kind: 'good_deed',
    subject: 'person',
    title: 'Gương cán bộ một cửa nhiệt tình giúp đỡ người dân',
    summary: 'Nhiều lần ở lại ngoài giờ giúp người dân hoàn thiện hồ sơ.',
    discoveredOn: '2025-09-20',
    review: 'return',
    moves: [],
  },
];

const RETURN_REASON =
  'Đề nghị bổ sung thành tích cụ thể (số hồ sơ, ý kiến của người dân) và xác nhận của thủ trưởng.';

/**
 * Exemplars of Lai Châu's office-culture movement at each stage (issue 15 item 6): proposed by
 * departments and Tam Đường, confirmed or returned by the province's officer (`demo.officer`), one
 * awaiting confirmation (its to-do), three published for the portal. Through the exemplars services;
 * skipped when the movement already has exemplars.
 */
export async function seedDemoExemplars(db: Database): Promise<void> {
  const province = await demoCaller(db, 'demo.officer');
  const [movement] = await db
    .select({ id: movements.id })
    .from(movements)
    .innerJoin(units, eq(units.id, movements.launchingUnitId))
    .where(
      and(eq(units.code, 'LCI'), sql`${movements.parentMovementId} is null`, eq(movements.periodFrom, 2019)),
    );
  if (!province || !movement) return;
  const [existing] = await db
    .select({ id: exemplars.id })
    .from(exemplars)
    .where(eq(exemplars.movementId, movement.id));
  if (existing) return;
  const unitOf = async (code: string) =>
    (await db.select({ id: units.id, path: units.path }).from(units).where(eq(units.code, code)))[0];
  const versionOf = async (id: string) =>
    (await db.select({ version: exemplars.version }).from(exemplars).where(eq(exemplars.id, id)))[0]
      ?.version ?? 1;
  for (const item of EXEMPLARS) {
    const unit = await unitOf(item.unitCode);
    const caller = item.proposer
      ? await demoCaller(db, item.proposer)
      : await demoUnitOfficer(db, item.unitCode);
    if (!unit || !caller) continue;
    const [person] =
      item.subject === 'person'
        ? await db
            .select({ id: persons.id })
            .from(persons)
            .innerJoin(units, eq(units.id, persons.unitId))
            .where(like(units.path, `${unit.path}%`))
            .orderBy(asc(persons.sortKey), asc(persons.id))
            .limit(1)
        : [];
    if (item.subject === 'person' && !person) continue;
    const id = await createExemplar(db, caller, {
      unitId: unit.id,
      kind: item.kind,
      subject: item.subject,
      title: item.title,
      summary: item.summary,
      personId: person?.id ?? null,
      subjectUnitId: item.subject === 'collective' ? unit.id : null,
      movementId: movement.id,
      discoveredOn: item.discoveredOn,
    });
    if (item.review === 'return')
      await reviewExemplar(db, province, id, 'return', await versionOf(id), RETURN_REASON);
    if (item.review !== 'confirm') continue;
    await reviewExemplar(db, province, id, 'confirm', await versionOf(id));
    for (const [stage, movedOn, note] of item.moves)
      await advanceExemplar(db, caller, id, { stage, movedOn, note, version: await versionOf(id) });
    for (const [code, replicatedOn, note] of item.replicatedBy ?? []) {
      const replicating = await unitOf(code);
      if (replicating)
        await addReplication(db, province, id, {
          unitId: replicating.id,
          replicatedOn,
          note,
          version: await versionOf(id),
        });
    }
    if (item.publish) await publishExemplar(db, province, id, 'publish', await versionOf(id));
  }
}
