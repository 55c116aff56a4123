import { eq } from 'drizzle-orm';
import { convertDocxToPdf, renderDocx } from '#server/modules/documents/index.ts';
import type { Database } from '#server/platform/db/client.ts';
import { units } from '#server/platform/db/schema.ts';
import { getReportFor } from '../reports/reports.service.ts';
import type { Caller } from '../reports.repo.ts';
import { reportSourcesOf } from '../rollup/rollup.service.ts';
import { composeReportDocument, figuresTable } from './report-docx.ts';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * A report as an NĐ 30 báo cáo (DOCX, or PDF through LibreOffice): its number, date and signer, a
 * part per section, the figures; a consolidated report adds the table of figures per child unit.
 */
export async function reportDocument(db: Database, caller: Caller, id: string, format: 'docx' | 'pdf') {
  const row = await getReportFor(db, caller, id);
  const [parent] = await db.select({ name: units.name }).from(units).where(eq(units.id, row.request.unitId));
  const sources = await reportSourcesOf(db, caller, id);
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
  if (format === 'docx')
    return { buffer, contentType: DOCX_TYPE, fileName: `bao-cao-${id.slice(0, 8)}.docx` };
  return {
    buffer: await convertDocxToPdf(buffer),
    contentType: 'application/pdf',
    fileName: `bao-cao-${id.slice(0, 8)}.pdf`,
  };
}
