import { and, asc, eq, gte, isNull, or } from 'drizzle-orm';
import { parseDocumentText } from '#server/modules/documents/index.ts';
import { planContentFromDocument } from '#server/modules/movements/index.ts';
import type { Database } from '#server/platform/db/client.ts';
import {
  movementAssignments,
  movementMilestones,
  movements,
  persons,
  planObligations,
  registrations,
  units,
} from '#server/platform/db/schema.ts';
import { currentPlanText } from './demo-current-plan.ts';
import { childPlan, insertMovement, type UnitRow } from './demo-movements.ts';

const NUMBER = '212/KH-UBND';
const NAME =
  'Thi đua xây dựng chính quyền địa phương hai cấp tỉnh Lai Châu hoạt động thông suốt, hiệu lực, hiệu quả';
const PERIOD_TO = 2030;
const DAY_MS = 24 * 60 * 60 * 1000;
/** The ISO date `days` after `iso`. */
export const plus = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const at = (iso: string) => new Date(`${iso}T09:00:00+07:00`);

/** Units that answered on time or late: [code, days after the launch]. */
const ISSUED: [string, number][] = [
  ['LCI.X.TPH', 15],
  ['LCI.X.DKE', 25],
  ['LCI.SYT', 34],
];

/**
 * The demo's live movement, dated from `today` so every demo role has work on its home page:
 * Lai Châu launched it 40 days ago and its units' implementing plans were due 10 days ago (two
 * wards answered on time and Sở Y tế late; Sở Nội vụ and xã Tam Đường have not); xã Tam Đường must report in
 * 5 days and Sở Nội vụ in 12; the yearly review is in 20 days; registrations wait for the province
 * (xã Bình Lư, Sở Tài chính) and for the head of Sở Nội vụ (one of its staff), and two were returned
 * (xã Tam Đường's, and demo.staff's own). Skipped when present.
 */
export async function seedDemoCurrentMovement(db: Database, today: string): Promise<void> {
  const [province] = await db
    .select({ id: units.id, code: units.code, name: units.name, shortName: units.shortName })
    .from(units)
    .where(eq(units.code, 'LCI'));
  if (!province) return;
  const [existing] = await db
    .select({ id: movements.id })
    .from(movements)
    .where(and(eq(movements.launchingUnitId, province.id), eq(movements.planNumber, NUMBER)));
  if (existing) return;
  const children: UnitRow[] = await db
    .select({ id: units.id, code: units.code, name: units.name, shortName: units.shortName })
    .from(units)
    .where(and(eq(units.parentId, province.id), or(isNull(units.validTo), gte(units.validTo, today))))
    .orderBy(asc(units.sortKey));
  const unit = new Map(children.map((row) => [row.code, row]));

  const launchedOn = plus(today, -40);
  const deadline = plus(today, -10);
  const period: [number, number] = [Number(launchedOn.slice(0, 4)), PERIOD_TO];
  const plan = planContentFromDocument(
    parseDocumentText(currentPlanText({ number: NUMBER, launchedOn, deadline, periodTo: PERIOD_TO })),
  );
  const theme = 'Đoàn kết – Kỷ cương – Đổi mới – Phục vụ nhân dân';
  const id = await insertMovement(db, {
    name: NAME,
    unit: province,
    plan,
    parentId: null,
    rootId: null,
    launchedAt: launchedOn,
    number: NUMBER,
    theme,
    period,
    planDeadline: deadline,
  });
  const issued = new Map(ISSUED);
  let sequence = 30;
  for (const child of children) {
    const obligation = { movementId: id, rootMovementId: id, unitId: child.id, dueOn: deadline };
    const after = issued.get(child.code);
    if (after === undefined) {
      await db.insert(planObligations).values(obligation);
      continue;
    }
    const issuedOn = plus(launchedOn, after);
    sequence += 4;
    const childId = await insertMovement(db, {
      name: NAME.replace('tỉnh Lai Châu', child.name.replace('Ủy ban nhân dân ', '')),
      unit: child,
      plan: childPlan(plan, province, child),
      parentId: id,
      rootId: id,
      launchedAt: issuedOn,
      number: `${sequence}/KH-UBND`,
      theme,
      period,
      planDeadline: plus(issuedOn, 30),
    });
    await db
      .insert(planObligations)
      .values({ ...obligation, state: 'issued', issuedAt: at(issuedOn), implementingMovementId: childId });
  }

  await db.insert(movementMilestones).values([
    {
      movementId: id,
      kind: 'launch',
      title: 'Phát động phong trào',
      dueOn: launchedOn,
      doneAt: at(launchedOn),
    },
    {
      movementId: id,
      kind: 'annual',
      title: `Sơ kết năm ${period[0]}: đánh giá kết quả thực hiện phong trào`,
      dueOn: plus(today, 20),
    },
    {
      movementId: id,
      kind: 'final_review',
      title: 'Tổng kết phong trào giai đoạn',
      dueOn: `${PERIOD_TO}-09-30`,
    },
  ]);
  const tamDuong = unit.get('LCI.X.TDG');
  const snv = unit.get('LCI.SNV');
  const assignments = [
    tamDuong && {
      movementId: id,
      assigneeUnitId: tamDuong.id,
      task: `Báo cáo kết quả triển khai phong trào năm ${period[0]} về Sở Nội vụ`,
      dueOn: plus(today, 5),
    },
    snv && {
      movementId: id,
      assigneeUnitId: snv.id,
      task: `Tổng hợp kết quả, tham mưu sơ kết năm ${period[0]} phong trào`,
      dueOn: plus(today, 12),
    },
  ].filter((value) => !!value);
  if (assignments.length) await db.insert(movementAssignments).values(assignments);
  await seedCurrentRegistrations(db, id, unit, today);
}

const PLEDGE =
  'Đơn vị đăng ký giải quyết 100% hồ sơ thủ tục hành chính đúng hạn; tiếp nhận trực tuyến toàn trình từ 80% hồ sơ trở lên.';

/** The live movement's registrations: two waiting for the province, one for Sở Nội vụ's head, two returned. */
async function seedCurrentRegistrations(
  db: Database,
  movementId: string,
  unit: Map<string, UnitRow>,
  today: string,
) {
  const submittedAt = at(plus(today, -3));
  const units: [string, 'submitted' | 'returned', string | null][] = [
    ['LCI.X.BLU', 'submitted', null],
    ['LCI.STC', 'submitted', null],
    ['LCI.X.TDG', 'returned', 'Đề nghị xã bổ sung chỉ tiêu về tỷ lệ hồ sơ giải quyết trực tuyến toàn trình.'],
  ];
  for (const [code, status, reason] of units) {
    const row = unit.get(code);
    if (!row) continue;
    await db.insert(registrations).values({
      movementId,
      kind: 'unit',
      unitId: row.id,
      status,
      pledge: PLEDGE,
      targets: [{ label: 'Hồ sơ tiếp nhận trực tuyến toàn trình', value: 80, unit: '%' }],
      submittedAt,
      decidedAt: status === 'returned' ? at(plus(today, -1)) : null,
      returnReason: reason,
    });
  }
  const snv = unit.get('LCI.SNV');
  if (!snv) return;
  const staff = await db
    .select({ id: persons.id, userId: persons.userId })
    .from(persons)
    .where(and(eq(persons.unitId, snv.id), eq(persons.isLeader, false)))
    .orderBy(asc(persons.sortKey));
  const own = staff.find((person) => person.userId);
  const colleague = staff.find((person) => !person.userId);
  const pledge =
    'Đăng ký danh hiệu Lao động tiên tiến; có ít nhất một sáng kiến cải tiến thủ tục hành chính.';
  if (colleague) {
    await db.insert(registrations).values({
      movementId,
      kind: 'person',
      unitId: snv.id,
      personId: colleague.id,
      status: 'submitted',
      pledge,
      submittedAt,
    });
  }
  if (own) {
    await db.insert(registrations).values({
      movementId,
      kind: 'person',
      unitId: snv.id,
      personId: own.id,
      status: 'returned',
      pledge,
      submittedAt,
      decidedAt: at(plus(today, -1)),
      returnReason: 'Đề nghị ghi rõ tên sáng kiến đăng ký và thời gian hoàn thành.',
    });
  }
}
