import { eq } from 'drizzle-orm';
import { renderDocx } from '#server/modules/documents/index.ts';
import type { Database } from '#server/platform/db/client.ts';
import { units } from '#server/platform/db/schema.ts';
import { getReportFor } from '../reports/reports.service.ts';
import { type Caller, findReport, type ReportWithNames } from '../reports.repo.ts';
import { sourcesOf } from '../rollup/rollup.service.ts';
import { composeReportDocument, figuresTable } from './report-docx.ts';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * A report as an NĐ 30 báo cáo (DOCX): its number, date and signer, a part per section, the
 * figures; a consolidated report adds the table of figures per child unit.
 */
async function composeDocx(db: Database, row: ReportWithNames) {
  const id = row.report.id;
  const [parent] = await db.select({ name: units.name }).from(units).where(eq(units.id, row.request.unitId));
  const sources = await sourcesOf(db, id);
  const input = {
    unitName: row.unitName,
    parentUnitName: parent?.name ?? null,
    title: row.request.title,
    documentNumber: row.report.documentNumber,
    documentDate: row.report.documentDate,
    signerName: row.report.signerName,
    sections: row.request.sections,
    indicators: row.request.indicators,
    texts: row.report.texts,
    figures: row.report.figures,
  };
  const buffer = await renderDocx(composeReportDocument(input), {
    tables: sources.length ? [figuresTable(row.request.indicators, sources, row.report.figures)] : [],
  });
  return { buffer, contentType: DOCX_TYPE, fileName: `bao-cao-${id.slice(0, 8)}.docx` };
}

/** The report's DOCX for a caller who may read it (else 404). */
export async function reportDocument(db: Database, caller: Caller, id: string) {
  return composeDocx(db, await getReportFor(db, caller, id));
}

/** The report's DOCX for a job (its caller was checked when the job was queued); null when it is gone. */
export async function reportDocx(db: Database, id: string) {
  const row = await findReport(db, id);
  return row ? composeDocx(db, row) : null;
}
