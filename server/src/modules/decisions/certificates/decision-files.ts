import type { AwardCode } from '#contracts/awards.ts';
import { convertDocxToPdf, renderDocx } from '#server/modules/documents/index.ts';
import type { Database } from '#server/platform/db/client.ts';
import { cashFor, effectiveRegistry, subjectOf } from '../decisions/award-terms.ts';
import { type DecisionWithUnit, getDecisionRow, readAllRecipients } from '../decisions/decisions.repo.ts';
import { renderCertificates } from './certificates.docx.ts';
import { composeDecision, recipientsTable } from './decision-document.ts';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A file name from a decision number ("123/QĐ-UBND" → "quyet-dinh-123-QD-UBND"). */
export function decisionFileName(row: DecisionWithUnit, prefix: string): string {
  const number = (row.decision.number ?? 'du-thao')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'D')
    .replace(/[^A-Za-z0-9]+/g, '-');
  return `${prefix}-${number}`.replace(/-+$/, '');
}

/** A decision with every recipient; a draft's cash is computed for its date (an issued one's was fixed). */
export async function loadDecisionForPrint(db: Database, id: string) {
  const row = await getDecisionRow(db, id);
  const lines = await readAllRecipients(db, id);
  if (row.decision.status === 'draft') {
    const registry = await effectiveRegistry(db);
    for (const line of lines) {
      const cash = cashFor(registry, row.decision.decisionDate, line.awardCode as AwardCode, subjectOf(line));
      line.cashMultiple = cash.multiple;
      line.cashAmount = cash.amount;
    }
  }
  return { row, lines };
}

/** The decision with its attached list as an NĐ 30/2020 DOCX. */
export async function decisionDocx(db: Database, id: string) {
  const { row, lines } = await loadDecisionForPrint(db, id);
  const buffer = await renderDocx(composeDecision(row.decision, row.unit, lines), {
    tables: [recipientsTable(row.decision, row.unit, lines)],
  });
  return { buffer, contentType: DOCX_TYPE, fileName: `${decisionFileName(row, 'quyet-dinh')}.docx` };
}

/** The decision as PDF (DOCX through LibreOffice). */
export async function decisionPdf(db: Database, id: string) {
  const docx = await decisionDocx(db, id);
  return {
    ...docx,
    buffer: await convertDocxToPdf(docx.buffer),
    contentType: 'application/pdf',
    fileName: docx.fileName.replace(/\.docx$/, '.pdf'),
  };
}

/** The certificates of an issued decision as one PDF, a page per recipient. */
export async function certificatesPdf(db: Database, id: string) {
  const { row, lines } = await loadDecisionForPrint(db, id);
  const docx = await renderCertificates(row.decision, lines);
  return {
    buffer: await convertDocxToPdf(docx),
    contentType: 'application/pdf',
    fileName: `${decisionFileName(row, 'bang-giay-khen')}.pdf`,
  };
}
