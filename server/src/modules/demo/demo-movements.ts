import { eq, inArray, like } from 'drizzle-orm';
import type { PlanContent } from '#contracts/movements.ts';
import { parseDocumentText } from '#server/modules/documents/index.ts';
import { DEMO_PLAN_TEXT, localisePlan, planContentFromDocument } from '#server/modules/movements/index.ts';
import type { Database } from '#server/platform/db/client.ts';
import {
  movementAssignments,
  movementMilestones,
  movements,
  persons,
  planObligations,
  planVersions,
  registrations,
  units,
} from '#server/platform/db/schema.ts';

const NAME = 'Cán bộ, công chức, viên chức tỉnh Lai Châu thi đua thực hiện văn hóa công sở';
const DEADLINE = '2019-09-30';

/** A demo unit as the seeding steps read it. */
export type UnitRow = { id: string; code: string; name: string; shortName: string | null };

/**
 * Inserts a launched movement with version 1 of its plan and returns its id (the 2019–2025
 * office-culture period and deadline unless told otherwise).
 */
export async function insertMovement(
  db: Database,
  input: {
    name: string;
    unit: UnitRow;
    plan: PlanContent;
    parentId: string | null;
    rootId: string | null;
    launchedAt: string;
    number: string;
    theme?: string;
    period?: [number, number];
    planDeadline?: string;
  },
) {
  const id = crypto.randomUUID();
  input.plan.document.number = input.number;
  input.plan.document.date = input.launchedAt;
  await db.insert(movements).values({
    id,
    name: input.name,
    theme: input.theme ?? 'Kỷ cương – Trách nhiệm – Chuyên nghiệp – Hiệu quả',
    kind: 'thematic',
    status: 'launched',
    periodFrom: input.period?.[0] ?? 2019,
    periodTo: input.period?.[1] ?? 2025,
    launchingUnitId: input.unit.id,
    parentMovementId: input.parentId,
    rootMovementId: input.rootId ?? id,
    planNumber: input.number,
    planDeadline: input.planDeadline ?? DEADLINE,
    launchedAt: new Date(`${input.launchedAt}T08:00:00+07:00`),
  });
  await db.insert(planVersions).values({ movementId: id, version: 1, content: input.plan });
  return id;
}

/** The materialised path of a unit. */
async function unitPath(db: Database, id: string): Promise<string | null> {
  const [row] = await db.select({ path: units.path }).from(units).where(eq(units.id, id));
  return row?.path ?? null;
}

/** A child's plan: the parent's, localised. */
export const childPlan = (plan: PlanContent, parent: UnitRow, child: UnitRow) =>
  localisePlan(
    plan,
    { name: parent.name, shortName: parent.shortName },
    { name: child.name, shortName: child.shortName },
  );

/**
 * The demo's movements: Lai Châu's 2019–2025 office-culture movement with district implementing
 * plans (on time, one late, one missing, one exempt), registrations in every state, milestones and
 * assignments; Bắc Giang's movement with Lục Ngạn's implementing plan. Skipped when present.
 */
export async function seedDemoMovements(db: Database): Promise<void> {
  const rows = await db
    .select({ id: units.id, code: units.code, name: units.name, shortName: units.shortName })
    .from(units)
    .where(
      inArray(units.code, [
        'LCI',
        'LCI.H.TDG',
        'LCI.H.PTO',
        'LCI.H.SHO',
        'LCI.H.MTE',
        'LCI.H.TUY',
        'LCI.H.TNU',
        'LCI.H.NNH',
        'LCI.H.TP',
        'BGG',
        'BGG.H.LNG',
      ]),
    );
  const unit = new Map(rows.map((row) => [row.code, row]));
  const province = unit.get('LCI');
  if (!province) return;
  const [existing] = await db
    .select({ id: movements.id })
    .from(movements)
    .where(eq(movements.launchingUnitId, province.id));
  if (existing) return;

  const plan = planContentFromDocument(parseDocumentText(DEMO_PLAN_TEXT));
  const rootId = await insertMovement(db, {
    name: NAME,
    unit: province,
    plan,
    parentId: null,
    rootId: null,
    launchedAt: '2019-08-20',
    number: '75/KH-UBND',
  });
  // Each district's answer: issued on a date (on time or late), missing, or exempt.
  const answers: [string, string | 'missing' | 'exempt'][] = [
    ['LCI.H.TP', '2019-09-12'],
    ['LCI.H.TDG', '2019-09-20'],
    ['LCI.H.PTO', '2019-09-27'],
    ['LCI.H.SHO', '2019-10-21'],
    ['LCI.H.MTE', 'missing'],
    ['LCI.H.TUY', '2019-09-25'],
    ['LCI.H.TNU', '2019-09-30'],
    ['LCI.H.NNH', 'exempt'],
  ];
  let sequence = 100;
  for (const [code, answer] of answers) {
    const district = unit.get(code);
    if (!district) continue;
    const obligation = { movementId: rootId, rootMovementId: rootId, unitId: district.id, dueOn: DEADLINE };
    if (answer === 'missing') {
      await db.insert(planObligations).values(obligation);
      continue;
    }
    if (answer === 'exempt') {
      await db.insert(planObligations).values({
        ...obligation,
        state: 'not_applicable',
        reason: 'Huyện lồng ghép vào kế hoạch cải cách hành chính năm 2019 (đã báo cáo).',
      });
      continue;
    }
    sequence += 7;
    const childId = await insertMovement(db, {
      name: NAME.replace('tỉnh Lai Châu', district.name.replace('Ủy ban nhân dân ', '')),
      unit: district,
      plan: childPlan(plan, province, district),
      parentId: rootId,
      rootId,
      launchedAt: answer,
      number: `${sequence}/KH-UBND`,
    });
    await db.insert(planObligations).values({
      ...obligation,
      state: 'issued',
      issuedAt: new Date(`${answer}T09:00:00+07:00`),
      implementingMovementId: childId,
    });
  }

  await db.insert(movementMilestones).values([
    {
      movementId: rootId,
      kind: 'launch',
      title: 'Phát động phong trào, các đơn vị ban hành kế hoạch triển khai',
      dueOn: DEADLINE,
      doneAt: new Date('2019-10-01T00:00:00Z'),
    },
    {
      movementId: rootId,
      kind: 'midterm_review',
      title: 'Sơ kết phong trào giai đoạn 2019–2022',
      dueOn: '2022-09-30',
      doneAt: new Date('2022-09-28T00:00:00Z'),
    },
    {
      movementId: rootId,
      kind: 'final_review',
      title: 'Tổng kết phong trào nhân dịp Quốc khánh 02/9/2025',
      dueOn: '2025-09-02',
      doneAt: new Date('2025-08-28T00:00:00Z'),
    },
  ]);
  const tamDuong = unit.get('LCI.H.TDG');
  const phongTho = unit.get('LCI.H.PTO');
  if (tamDuong && phongTho) {
    await db.insert(movementAssignments).values([
      {
        movementId: rootId,
        assigneeUnitId: tamDuong.id,
        task: 'Báo cáo kết quả thực hiện phong trào hằng năm',
        dueOn: '2019-11-30',
        recurrence: 'yearly',
      },
      {
        movementId: rootId,
        assigneeUnitId: phongTho.id,
        task: 'Báo cáo kết quả thực hiện phong trào hằng năm',
        dueOn: '2019-11-30',
        recurrence: 'yearly',
        status: 'done',
        doneAt: new Date('2024-11-25T00:00:00Z'),
      },
    ]);
  }

  // Registrations: districts' pledges in every state, and a few people of the province.
  const states: [string, string, string | null][] = [
    ['LCI.H.TDG', 'approved', null],
    ['LCI.H.PTO', 'submitted', null],
    ['LCI.H.SHO', 'returned', 'Đề nghị bổ sung chỉ tiêu cụ thể về số thủ tục hành chính trực tuyến.'],
    ['LCI.H.TUY', 'draft', null],
  ];
  for (const [code, status, reason] of states) {
    const district = unit.get(code);
    if (!district) continue;
    await db.insert(registrations).values({
      movementId: rootId,
      kind: 'unit',
      unitId: district.id,
      status,
      pledge:
        'Đơn vị đăng ký đạt danh hiệu “Cơ quan đạt chuẩn văn hóa công sở”; 100% cán bộ, công chức thực hiện đúng quy tắc ứng xử.',
      targets: [{ label: 'Thủ tục hành chính giải quyết đúng hạn', value: 98, unit: '%' }],
      submittedAt: status === 'draft' ? null : new Date('2019-10-10T00:00:00Z'),
      decidedAt: status === 'approved' || status === 'returned' ? new Date('2019-10-20T00:00:00Z') : null,
      returnReason: reason,
    });
  }
  const people = await db
    .select({ id: persons.id, unitId: persons.unitId })
    .from(persons)
    .innerJoin(units, eq(units.id, persons.unitId))
    .where(like(units.path, `${(await unitPath(db, province.id)) ?? ''}%`))
    .limit(3);
  const personStates = ['approved', 'submitted', 'draft'];
  for (const [index, person] of people.entries()) {
    await db
      .insert(registrations)
      .values({
        movementId: rootId,
        kind: 'person',
        unitId: person.unitId,
        personId: person.id,
        status: personStates[index] ?? 'draft',
        pledge: 'Đăng ký danh hiệu Lao động tiên tiến; thực hiện nghiêm quy tắc ứng xử nơi công sở.',
        targets: [],
      })
      .onConflictDoNothing();
  }

  const bacGiang = unit.get('BGG');
  const lucNgan = unit.get('BGG.H.LNG');
  if (bacGiang && lucNgan) {
    const bgPlan = localisePlan(
      plan,
      { name: province.name, shortName: province.shortName },
      { name: bacGiang.name, shortName: bacGiang.shortName },
    );
    const bgId = await insertMovement(db, {
      name: 'Cán bộ, công chức, viên chức tỉnh Bắc Giang thi đua thực hiện văn hóa công sở',
      unit: bacGiang,
      plan: bgPlan,
      parentId: null,
      rootId: null,
      launchedAt: '2019-07-29',
      number: '159/KH-UBND',
    });
    const lnId = await insertMovement(db, {
      name: 'Cán bộ, công chức, viên chức huyện Lục Ngạn thi đua thực hiện văn hóa công sở',
      unit: lucNgan,
      plan: childPlan(bgPlan, bacGiang, lucNgan),
      parentId: bgId,
      rootId: bgId,
      launchedAt: '2019-08-26',
      number: '178/KH-UBND',
    });
    await db.insert(planObligations).values({
      movementId: bgId,
      rootMovementId: bgId,
      unitId: lucNgan.id,
      dueOn: '2019-08-31',
      state: 'issued',
      issuedAt: new Date('2019-08-26T09:00:00+07:00'),
      implementingMovementId: lnId,
    });
  }
}
