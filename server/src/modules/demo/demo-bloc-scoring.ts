import { and, eq } from 'drizzle-orm';
import { type CriterionInput, criterionInput, type Figures } from '#contracts/bloc-scoring.ts';
import {
  advanceSheet,
  createTable,
  openTable,
  publishBloc,
  putEntry,
  setQuotas,
  setTargets,
} from '#server/modules/bloc-scoring/index.ts';
import type { Database } from '#server/platform/db/client.ts';
import {
  blocMembers,
  blocs,
  councils,
  scoringCriteria,
  scoringEntries,
  scoringSheets,
  scoringTables,
  units,
} from '#server/platform/db/schema.ts';
import { demoCaller, demoUnitOfficer } from './demo-callers.ts';

export const DEMO_SCORING_TABLE = 'Bảng tiêu chí chấm điểm thi đua Cụm số 1 các huyện, thành phố năm 2024';
const CLUSTER = 'Cụm thi đua số 1 các huyện, thành phố';

const criterion = criterionInput;

const CRITERIA: CriterionInput[] = [
  criterion('I', null, 'Thực hiện nhiệm vụ phát triển kinh tế – xã hội', 'group', 60),
  criterion('1.1', 'I', 'Thu ngân sách nhà nước trên địa bàn (so với chỉ tiêu giao)', 'quantitative', 20),
  criterion('1.2', 'I', 'Giảm tỷ lệ hộ nghèo (so với chỉ tiêu giao)', 'quantitative', 20),
  criterion('1.3', 'I', 'Hoàn thành kế hoạch xây dựng nông thôn mới năm 2024', 'qualitative', 20),
  criterion('II', null, 'Công tác thi đua, khen thưởng', 'group', 30),
  criterion('2.1', 'II', 'Ban hành kế hoạch, phát động phong trào thi đua năm 2024', 'qualitative', 10),
  criterion(
    '2.2',
    'II',
    'Mô hình, điển hình tiên tiến được công nhận và nhân rộng (2 điểm/mô hình)',
    'fixed',
    10,
    {
      pointsPerItem: 2,
    },
  ),
  criterion('2.3', 'II', 'Thực hiện chế độ thông tin, báo cáo đúng hạn', 'qualitative', 10),
  criterion(
    'III',
    null,
    'Điểm thưởng (+10 mỗi Cờ thi đua, Bằng khen cấp trên), điểm trừ (−5 mỗi vi phạm bị nhắc nhở)',
    'bonus_penalty',
    15,
    { pointsPerItem: 10, penaltyPerItem: 5, minPoints: -10 },
  ),
];

/** Each member's figures: 1.1, 1.2 (against a target of 100), 1.3, 2.1, 2.2 models, 2.3, bonus and penalty items. */
const FIGURES: Record<string, [number, number, boolean, boolean, number, boolean, number, number]> = {
  'LCI.H.TP': [120, 105, true, true, 3, true, 0, 0],
  // Tam Đường and Than Uyên end equal at 92 points; Tam Đường leads on 1.1, the chain's first step.
  'LCI.H.TDG': [130, 110, true, true, 4, true, 1, 0],
  'LCI.H.PTO': [95, 100, true, true, 2, true, 0, 0],
  'LCI.H.SHO': [90, 98, false, true, 1, true, 0, 1],
  'LCI.H.MTE': [100, 102, true, true, 3, true, 0, 0],
  'LCI.H.TUY': [118, 125, true, true, 3, true, 1, 0],
};

/** Mường Tè's criterion 2.2 through review 1, its explanation and review 2. */
const MUONG_TE: [Figures | null, string][] = [
  [{ count: 2 }, 'Mô hình thứ ba chưa có quyết định công nhận của Ủy ban nhân dân huyện.'],
  [null, 'Mô hình thứ ba đang chờ quyết định công nhận, dự kiến ban hành tháng 01/2025.'],
  [{ count: 2 }, 'Giữ kết quả chấm lần 1: chỉ tính mô hình đã được công nhận trong năm.'],
];

const figuresOf = (row: (typeof FIGURES)[string]): Record<string, Figures> => ({
  '1.1': { actual: row[0] },
  '1.2': { actual: row[1] },
  '1.3': { met: row[2] },
  '2.1': { met: row[3] },
  '2.2': { count: row[4] },
  '2.3': { met: row[5] },
  III: { bonusCount: row[6], penaltyCount: row[7] },
});

/**
 * The 2024 scoring of Lai Châu's first district cluster (the city and five districts), made through the
 * services: the provincial officer drafts the table, sets targets and opens it; each district scores
 * itself; the head (the city) reviews — it lowers Mường Tè's models from 3 to 2, Mường Tè explains, the
 * second review keeps it; Tam Đường and Than Uyên tie at 92 points and the chain's first criterion
 * (1.1) puts Tam Đường first; the head publishes, and Tam Đường leads the cluster for the Cờ thi đua.
 */
export async function seedDemoBlocScoring(db: Database) {
  const officer = await demoCaller(db, 'demo.officer');
  const [bloc] = await db
    .select({ id: blocs.id, councilId: blocs.councilId })
    .from(blocs)
    .innerJoin(councils, eq(councils.id, blocs.councilId))
    .innerJoin(units, eq(units.id, councils.unitId))
    .where(and(eq(units.code, 'LCI'), eq(blocs.year, 2024), eq(blocs.name, CLUSTER)));
  if (!officer || !bloc) return;
  const [existing] = await db
    .select({ id: scoringTables.id })
    .from(scoringTables)
    .where(eq(scoringTables.blocId, bloc.id));
  if (existing) return;
  const tableId = await createTable(db, officer, {
    councilId: bloc.councilId,
    blocId: bloc.id,
    year: 2024,
    name: DEMO_SCORING_TABLE,
    tieBreak: [{ kind: 'criterion', criterionCode: '1.1' }, { kind: 'women_share' }, { kind: 'vote' }],
    leadingCount: 1,
    criteria: CRITERIA,
  });
  const tableVersion = async () =>
    (
      await db
        .select({ version: scoringTables.version })
        .from(scoringTables)
        .where(eq(scoringTables.id, tableId))
    )[0]?.version as number;
  const criteria = await db.select().from(scoringCriteria).where(eq(scoringCriteria.tableId, tableId));
  const criterionId = (code: string) => criteria.find((row) => row.code === code)?.id as string;
  const members = await db
    .select({ unitId: blocMembers.unitId, code: units.code, role: blocMembers.role })
    .from(blocMembers)
    .innerJoin(units, eq(units.id, blocMembers.unitId))
    .where(eq(blocMembers.blocId, bloc.id));
  for (const member of members)
    await setTargets(db, officer, tableId, {
      unitId: member.unitId,
      targets: [
        { criterionId: criterionId('1.1'), target: 100 },
        { criterionId: criterionId('1.2'), target: 100 },
      ],
      version: await tableVersion(),
    });
  await setQuotas(db, officer, tableId, {
    quotas: [{ award: 'CO_BO_TINH', maxCount: 1, maxPercent: null }],
    version: await tableVersion(),
  });
  await openTable(db, officer, tableId, await tableVersion());
  const headCode = members.find((member) => member.role === 'head')?.code as string;
  const head = await demoUnitOfficer(db, headCode);
  if (!head) return;
  const sheets = await db.select().from(scoringSheets).where(eq(scoringSheets.tableId, tableId));
  const sheetOf = (unitId: string) => sheets.find((sheet) => sheet.unitId === unitId)?.id as string;
  const sheetVersion = async (id: string) =>
    (
      await db.select({ version: scoringSheets.version }).from(scoringSheets).where(eq(scoringSheets.id, id))
    )[0]?.version as number;
  const entryVersion = async (sheetId: string, code: string) =>
    (
      await db
        .select({ version: scoringEntries.version })
        .from(scoringEntries)
        .where(and(eq(scoringEntries.sheetId, sheetId), eq(scoringEntries.criterionId, criterionId(code))))
    )[0]?.version ?? 0;
  const enter = async (
    caller: typeof head,
    sheetId: string,
    code: string,
    figures: Figures | null,
    note = '',
  ) =>
    putEntry(db, caller, sheetId, criterionId(code), {
      figures,
      note,
      version: await entryVersion(sheetId, code),
    });
  for (const member of members) {
    const row = FIGURES[member.code];
    const unit = await demoUnitOfficer(db, member.code);
    if (!row || !unit) continue;
    const sheetId = sheetOf(member.unitId);
    for (const [code, figures] of Object.entries(figuresOf(row))) await enter(unit, sheetId, code, figures);
    // Submit, finish review 1, finish explaining, settle: the unit and the head in turn.
    for (let step = 0; step < 4; step++) {
      const actor = step % 2 ? head : unit;
      const change = member.code === 'LCI.H.MTE' ? MUONG_TE[step - 1] : undefined;
      if (change) await enter(actor, sheetId, '2.2', change[0], change[1]);
      await advanceSheet(db, actor, sheetId, await sheetVersion(sheetId));
    }
  }
  // The meeting proposes Tam Đường, the leader, for the Cờ (the table allows one) and makes it next year's head.
  const leader = members.find((member) => member.code === 'LCI.H.TDG')?.unitId;
  await publishBloc(db, head, tableId, bloc.id, {
    votes: [],
    note: 'Hội nghị tổng kết Cụm thi đua ngày 05/12/2024 thống nhất kết quả chấm điểm, suy tôn đơn vị dẫn đầu.',
    version: await tableVersion(),
    presentUnitIds: members.map((member) => member.unitId),
    proposals: leader ? [{ unitId: leader, award: 'CO_BO_TINH' }] : [],
    nextHeadUnitId: leader ?? null,
  });
}
