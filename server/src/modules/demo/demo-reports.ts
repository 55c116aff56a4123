import { and, eq, sql } from 'drizzle-orm';
import {
  consolidateReport,
  createRequest,
  createTemplateFromMovement,
  findReportOf,
  moveReport,
  saveReport,
} from '#server/modules/reports/index.ts';
import { systemActor } from '#server/platform/audit/audit.ts';
import { toPrincipal } from '#server/platform/auth/session-store.ts';
import type { Database } from '#server/platform/db/client.ts';
import { movements, reportRequests, reports, units } from '#server/platform/db/schema.ts';
import { demoCaller } from './demo-callers.ts';

const TITLE = 'Báo cáo kết quả thực hiện phong trào thi đua văn hóa công sở năm 2024';
type Caller = NonNullable<Awaited<ReturnType<typeof demoCaller>>>;

/** A demo unit's officer or head acting through the services (no user row; audited as `demo`). */
async function actingFor(
  db: Database,
  code: string,
  role: 'tdkt_officer' | 'unit_head',
): Promise<Caller | null> {
  const [unit] = await db.select().from(units).where(eq(units.code, code));
  if (!unit) return null;
  const grant = { role, unitId: unit.id, unitPath: unit.path, unitName: unit.name };
  const name = role === 'unit_head' ? 'Thủ trưởng' : 'Cán bộ thi đua';
  return {
    principal: toPrincipal({ id: crypto.randomUUID(), username: 'demo', fullName: name }, [grant]),
    actor: systemActor('demo'),
  };
}

/** Fills a unit's report, has its head approve and sends it, then dates the sending as it happened. */
async function answer(
  db: Database,
  requestId: string,
  code: string,
  content: { texts: Record<string, string>; figures: Record<string, number> },
  sentOn: string,
) {
  const officer = await actingFor(db, code, 'tdkt_officer');
  const head = await actingFor(db, code, 'unit_head');
  const unitId = officer?.principal.scopedGrants[0]?.unitId;
  if (!officer || !head || !unitId) return;
  const report = await findReportOf(db, requestId, unitId);
  if (!report) return;
  const saved = await saveReport(db, officer, report.id, { version: report.version, ...content });
  await moveReport(db, head, saved.id, 'approve');
  await moveReport(db, officer, saved.id, 'submit');
  // The demo's history: the report went out on `sentOn` (the counts follow through the triggers).
  await db
    .update(reports)
    .set({ submittedAt: new Date(`${sentOn}T09:30:00+07:00`), firstSubmittedOn: sentOn })
    .where(eq(reports.id, saved.id));
}

const narrative = (place: string, models: number) => ({
  texts: {
    'trien-khai': `${place} ban hành kế hoạch thực hiện văn hóa công sở năm 2024, quán triệt tới cán bộ, công chức.`,
    'ket-qua': `Cán bộ, công chức ${place.charAt(0).toLowerCase()}${place.slice(1)} chấp hành giờ giấc, trang phục, giao tiếp đúng quy định; xây dựng ${models} mô hình tiêu biểu.`,
    'ton-tai': 'Một số bộ phận chưa đeo thẻ công chức thường xuyên.',
    'de-xuat': 'Đề nghị tiếp tục bố trí kinh phí chỉnh trang công sở.',
  },
  figures: { 'ke-hoach': 1, 'dang-ky': 20 + models * 3, 'dien-hinh': models, 'khen-thuong': models + 2 },
});

/**
 * The 2024 yearly report of Lai Châu's office-culture movement, asked of the districts on 16/12/2024
 * and due 15/01/2025: Tam Đường consolidated from its communes, most districts on time, Sìn Hồ late,
 * Mường Tè missing. Through the reports services as the province's officer; skipped when present.
 */
export async function seedDemoReports(db: Database): Promise<void> {
  const province = await demoCaller(db, 'demo.officer');
  const [root] = await db
    .select({ id: movements.id, unitId: movements.launchingUnitId })
    .from(movements)
    .innerJoin(units, eq(units.id, movements.launchingUnitId))
    .where(
      and(eq(units.code, 'LCI'), sql`${movements.parentMovementId} is null`, eq(movements.periodFrom, 2019)),
    );
  if (!province || !root) return;
  const [existing] = await db
    .select({ id: reportRequests.id })
    .from(reportRequests)
    .where(eq(reportRequests.title, TITLE));
  if (existing) return;
  const template = await createTemplateFromMovement(db, province, {
    movementId: root.id,
    ownerUnitId: root.unitId,
  });
  const request = await createRequest(db, province, {
    unitId: root.unitId,
    movementId: root.id,
    kind: 'movement_yearly',
    title: TITLE,
    periodFrom: '2024-01-01',
    periodTo: '2024-12-31',
    dueOn: '2025-01-15',
    templateId: template.id,
    targets: { mode: 'kinds', kinds: ['district'] },
  });
  // Tam Đường asks its communes with an earlier deadline and consolidates their reports.
  const tamDuong = await actingFor(db, 'LCI.H.TDG', 'tdkt_officer');
  const tamDuongHead = await actingFor(db, 'LCI.H.TDG', 'unit_head');
  const tamDuongId = tamDuong?.principal.scopedGrants[0]?.unitId;
  if (tamDuong && tamDuongHead && tamDuongId) {
    const child = await createRequest(db, tamDuong, {
      unitId: tamDuongId,
      parentRequestId: request.id,
      kind: 'movement_yearly',
      title: `${TITLE} (các xã, thị trấn huyện Tam Đường)`,
      periodFrom: '2024-01-01',
      periodTo: '2024-12-31',
      dueOn: '2025-01-08',
      targets: { mode: 'children' },
    });
    for (const [code, place, models, day] of [
      ['LCI.H.TDG.TT', 'Thị trấn Tam Đường', 2, '2025-01-06'],
      ['LCI.H.TDG.BLU', 'Xã Bình Lư', 3, '2025-01-07'],
      ['LCI.H.TDG.BBO', 'Xã Bản Bo', 1, '2025-01-08'],
      ['LCI.H.TDG.SBI', 'Xã Sơn Bình', 1, '2025-01-10'],
    ] as const)
      await answer(db, child.id, code, narrative(place, models), day);
    const own = await findReportOf(db, request.id, tamDuongId);
    if (own) {
      await consolidateReport(db, tamDuong, own.id);
      await moveReport(db, tamDuongHead, own.id, 'approve');
      await moveReport(db, tamDuong, own.id, 'submit');
      await db
        .update(reports)
        .set({
          submittedAt: new Date('2025-01-13T15:00:00+07:00'),
          firstSubmittedOn: '2025-01-13',
          documentNumber: '21/BC-UBND',
          documentDate: '2025-01-13',
          signerName: 'Nguyễn Văn Tuấn',
        })
        .where(eq(reports.id, own.id));
    }
  }
  for (const [code, place, models, day] of [
    ['LCI.H.TP', 'Thành phố Lai Châu', 4, '2025-01-10'],
    ['LCI.H.PTO', 'Huyện Phong Thổ', 2, '2025-01-14'],
    ['LCI.H.SHO', 'Huyện Sìn Hồ', 1, '2025-01-22'],
    ['LCI.H.TUY', 'Huyện Than Uyên', 2, '2025-01-12'],
    ['LCI.H.TNU', 'Huyện Tân Uyên', 2, '2025-01-15'],
    ['LCI.H.NNH', 'Huyện Nậm Nhùn', 1, '2025-01-09'],
  ] as const)
    await answer(db, request.id, code, narrative(place, models), day);
  // Mường Tè never sent its report: it stays "quá hạn chưa gửi" on the dashboard.
}
