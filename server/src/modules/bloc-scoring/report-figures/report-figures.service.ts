import { eq, sql } from 'drizzle-orm';
import { Figures } from '#contracts/bloc-scoring.ts';
import type { ReportFigure, ReportFiguresView } from '#contracts/bloc-scoring-meeting.ts';
import { type ReportFigures, reportStatusLabels } from '#contracts/reports.ts';
import { selectRows } from '#server/modules/organisation/sql-rows.ts';
import type { Database, Executor } from '#server/platform/db/client.ts';
import { scoringEntries } from '#server/platform/db/schema.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import type { Caller } from '../bloc-scoring.policy.ts';
import { listCriteria } from '../bloc-scoring.repo.ts';
import { lockSheetAt, writeEntryStep } from '../sheets/entry-write.ts';
import { type SheetContext, sheetFor } from '../sheets/sheet-access.ts';

/**
 * The figures the unit's own reports of the table's year give its linked criteria: from a submitted
 * or accepted report whose period ends that year, an accepted one first, then the latest period.
 */
async function figuresOf(db: Executor, context: SheetContext): Promise<ReportFigure[]> {
  const links = context.table.table.indicatorLinks;
  const linked = (await listCriteria(db, context.table.table.id)).filter(
    (criterion) => criterion.kind === 'quantitative' && links[criterion.code],
  );
  if (!linked.length) return [];
  const [reports, entries] = await Promise.all([
    selectRows<{ id: string; title: string; status: 'submitted' | 'accepted'; figures: ReportFigures }>(
      db,
      sql`select r.id, q.title, r.status, r.figures from reports r join report_requests q on q.id = r.request_id
        where r.unit_id = ${context.sheet.unitId} and r.status in ('submitted', 'accepted')
          and extract(year from q.period_to) = ${context.table.table.year}
        order by (r.status = 'accepted') desc, q.period_to desc, r.submitted_at desc nulls last, r.id`,
    ),
    db.select().from(scoringEntries).where(eq(scoringEntries.sheetId, context.sheet.id)),
  ]);
  return linked.flatMap((criterion) => {
    const code = links[criterion.code] as string;
    const report = reports.find((row) => typeof row.figures[code] === 'number');
    if (!report) return [];
    const entry = entries.find((row) => row.criterionId === criterion.id);
    return [
      {
        criterionId: criterion.id,
        criterionCode: criterion.code,
        indicatorCode: code,
        value: Number(report.figures[code]),
        reportId: report.id,
        reportTitle: report.title,
        reportStatus: report.status,
        entered: !!entry?.selfFigures,
      },
    ];
  });
}

/** What the unit's yearly reports give the sheet's linked criteria (anyone who reads the sheet). */
export async function getReportFigures(db: Executor, caller: Caller, id: string): Promise<ReportFiguresView> {
  const context = await sheetFor(db, caller, id, 'read');
  return { sheetId: id, figures: await figuresOf(db, context) };
}

/**
 * Pre-fills the unit's self-assessment from its reports, at the sheet's version, in one transaction
 * with the sheet row locked: each linked criterion it has not entered yet gets the report's figure as
 * its own, the source noted in the entry's history (one audited self entry each); a figure that fails
 * stores nothing. Only the unit, while it self-assesses (403/409); it may change the figures after.
 */
export async function prefillFromReports(db: Database, caller: Caller, id: string, version: number) {
  const first = await sheetFor(db, caller, id, 'self_assess');
  const criteria = await listCriteria(db, first.table.table.id);
  await db.transaction(async (tx) => {
    await lockSheetAt(tx, id, version);
    const context = await sheetFor(tx, caller, id, 'self_assess');
    for (const figure of await figuresOf(tx, context)) {
      if (figure.entered) continue;
      const criterion = criteria.find((row) => row.id === figure.criterionId);
      const figures = Figures.safeParse({ actual: figure.value });
      if (!criterion || !figures.success)
        throw new AppError(
          'VALIDATION_FAILED',
          `Số liệu ${figure.value} của chỉ tiêu ${figure.indicatorCode} trong báo cáo "${figure.reportTitle}" không dùng được cho tiêu chí ${figure.criterionCode}; chưa điền tiêu chí nào.`,
        );
      await writeEntryStep(tx, caller, context, { stage: 'self' }, criterion, {
        figures: figures.data,
        note: `Số liệu lấy từ báo cáo "${figure.reportTitle}" (${reportStatusLabels[figure.reportStatus]}), chỉ tiêu ${figure.indicatorCode}.`,
        version: 0,
      });
    }
  });
}
