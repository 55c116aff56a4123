import ExcelJS from 'exceljs';
import { obligationStatusLabels } from '#contracts/movements.ts';
import { diffPlans, formatDiffVi, renderDocx, renderPdf } from '#server/modules/documents/index.ts';
import type { Database } from '#server/platform/db/client.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { getCascade } from '../cascade/cascade.service.ts';
import { findMovement, findPlanVersion } from '../movements.repo.ts';
import { type Caller, getCurrentPlan, getVisibleMovement } from '../movements.service.ts';
import { localisedPlanFor } from './movement-sources.service.ts';
import { composeDocument } from './plan-compose.ts';

/** A file to send: its bytes, type and a file name. */
export interface FileOut {
  buffer: Buffer;
  contentType: string;
  fileName: string;
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const slug = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60) || 'ke-hoach';

/** A version of the plan as DOCX or PDF, through the document engine. */
export async function exportPlanVersion(
  db: Database,
  caller: Caller,
  id: string,
  version: number | null,
  format: 'docx' | 'pdf',
): Promise<FileOut> {
  const row = await getVisibleMovement(db, caller, id);
  const stored = await findPlanVersion(db, id, version ?? row.movement.currentVersion);
  if (!stored) throw new AppError('NOT_FOUND', 'Không tìm thấy phiên bản kế hoạch.');
  const document = composeDocument(stored.content);
  const name = `${slug(row.movement.name)}-v${stored.version}`;
  if (format === 'pdf') {
    return { buffer: await renderPdf(document), contentType: 'application/pdf', fileName: `${name}.pdf` };
  }
  return { buffer: await renderDocx(document), contentType: DOCX, fileName: `${name}.docx` };
}

/** A draft implementing plan for a subordinate unit, with its own names filled in (DOCX). */
export async function draftPlanFor(
  db: Database,
  caller: Caller,
  id: string,
  unitId: string,
): Promise<FileOut> {
  const { unit, plan } = await localisedPlanFor(db, caller, id, unitId);
  return {
    buffer: await renderDocx(composeDocument(plan)),
    contentType: DOCX,
    fileName: `du-thao-ke-hoach-${slug(unit.name)}.docx`,
  };
}

/** The document-engine comparison of a child plan with its parent's (or another movement's) plan. */
export async function diffWithParent(db: Database, caller: Caller, id: string, againstId?: string) {
  const child = await getVisibleMovement(db, caller, id);
  const parentId = againstId ?? child.movement.parentMovementId;
  if (!parentId)
    throw new AppError('CONFLICT', 'Phong trào này không triển khai phong trào cấp trên nào để so sánh.');
  const parent = (await findMovement(db, parentId)) ?? null;
  if (!parent) throw new AppError('NOT_FOUND', 'Không tìm thấy phong trào cấp trên.');
  await getVisibleMovement(db, caller, parentId);
  const diff = diffPlans(
    composeDocument(await getCurrentPlan(db, parent)),
    composeDocument(await getCurrentPlan(db, child)),
  );
  return {
    parent: { id: parent.movement.id, name: parent.movement.name },
    child: { id: child.movement.id, name: child.movement.name },
    diff,
    summary: formatDiffVi(diff),
  };
}

/** The cascade dashboard as an XLSX workbook. */
export async function exportCascade(
  db: Database,
  caller: Caller,
  id: string,
  unitId?: string,
): Promise<FileOut> {
  const cascade = await getCascade(db, caller, id, unitId, 'all');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Tình hình triển khai');
  sheet.columns = [
    { header: 'STT', width: 6 },
    { header: 'Đơn vị', width: 40 },
    { header: 'Mã', width: 14 },
    { header: 'Tình trạng kế hoạch', width: 28 },
    { header: 'Hạn ban hành', width: 14 },
    { header: 'Ngày ban hành', width: 14 },
    { header: 'Số kế hoạch', width: 16 },
    { header: 'Lý do (không áp dụng)', width: 30 },
    { header: 'Cấp dưới: đúng hạn', width: 12 },
    { header: 'Cấp dưới: muộn', width: 12 },
    { header: 'Cấp dưới: chưa ban hành', width: 14 },
    { header: 'Cấp dưới: quá hạn', width: 12 },
  ];
  sheet.getRow(1).font = { bold: true };
  cascade.rows.forEach((row, index) => {
    sheet.addRow([
      index + 1,
      row.unit.name,
      row.unit.code,
      obligationStatusLabels[row.status],
      row.dueOn,
      row.issuedAt?.slice(0, 10) ?? null,
      row.planNumber,
      row.reason,
      row.subtree.on_time,
      row.subtree.late,
      row.subtree.pending,
      row.subtree.missing,
    ]);
  });
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return { buffer, contentType: XLSX, fileName: `trien-khai-${slug(cascade.unit.name)}.xlsx` };
}
