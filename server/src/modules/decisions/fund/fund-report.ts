import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { type FundCategory, fundCategoryLabels, ORGANISING_SHARE_MAX } from '#contracts/decision-fund.ts';
import type { Database } from '#server/platform/db/client.ts';
import { units } from '#server/platform/db/schema.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { assertCanRead, type Caller } from '../decisions.policy.ts';
import { fundTotals } from './fund.service.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MONEY = '#,##0';

/**
 * The report "Tình hình trích lập và sử dụng Quỹ thi đua, khen thưởng" of a unit for a year: opening
 * balance, income by source, spending by purpose (payouts per decision), closing balance, and the
 * share spent on organising work against its 20 % ceiling.
 */
export async function fundReport(db: Database, caller: Caller, unitId: string, year: number) {
  const [unit] = await db
    .select({ path: units.path, name: units.name })
    .from(units)
    .where(eq(units.id, unitId));
  if (!unit) throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị.');
  await assertCanRead(db, caller.principal, unit.path);
  const [totals, sums, payouts] = await Promise.all([
    fundTotals(db, unitId, year),
    db.execute(
      // One line per category of the year (a handful of rows whatever the ledger's size).
      sql`select category, sum(amount) as amount from fund_entries
        where unit_id = ${unitId} and year = ${year} and kind <> 'payout' group by category`,
    ),
    db.execute(
      sql`select d.number, d.decision_date as date, count(*)::int as n, sum(f.amount) as amount
        from fund_entries f join decisions d on d.id = f.decision_id
        where f.unit_id = ${unitId} and f.year = ${year} and f.kind = 'payout'
        group by d.id, d.number, d.decision_date order by d.decision_date, d.number limit 1000`,
    ),
  ]);
  const byCategory = new Map(
    (sums as unknown as { rows: { category: FundCategory; amount: string }[] }).rows.map((row) => [
      row.category,
      Number(row.amount),
    ]),
  );
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Trích lập và sử dụng quỹ');
  sheet.columns = [{ width: 8 }, { width: 70 }, { width: 22 }];
  sheet.addRow([unit.name.toUpperCase()]).font = { bold: true };
  sheet.addRow([]);
  const title = sheet.addRow([`TÌNH HÌNH TRÍCH LẬP VÀ SỬ DỤNG QUỸ THI ĐUA, KHEN THƯỞNG NĂM ${year}`]);
  title.font = { bold: true, size: 13 };
  sheet.mergeCells(title.number, 1, title.number, 3);
  title.alignment = { horizontal: 'center' };
  sheet.addRow(['(Đơn vị tính: đồng)']).alignment = { horizontal: 'right' };
  const header = sheet.addRow(['STT', 'Nội dung', 'Số tiền']);
  header.font = { bold: true };
  const money = (label: string, amount: number, options: { bold?: boolean; index?: string } = {}) => {
    const row = sheet.addRow([options.index ?? '', label, amount]);
    row.getCell(3).numFmt = MONEY;
    if (options.bold) row.font = { bold: true };
  };
  money('Số dư đầu năm', totals.opening, { bold: true, index: 'I' });
  money('Trích lập trong năm', totals.income, { bold: true, index: 'II' });
  for (const category of ['budget', 'contribution', 'recovery', 'other_income'] as const)
    money(fundCategoryLabels[category], byCategory.get(category) ?? 0, { index: '-' });
  money('Sử dụng trong năm', totals.payouts + totals.organising + totals.otherSpending, {
    bold: true,
    index: 'III',
  });
  money(fundCategoryLabels.award, totals.payouts, { index: '1' });
  for (const line of (
    payouts as unknown as { rows: { number: string; date: string; n: number; amount: string }[] }
  ).rows) {
    const date = String(line.date).slice(0, 10).split('-').reverse().join('/');
    money(`Quyết định số ${line.number} ngày ${date} (${line.n} người, tập thể)`, Number(line.amount), {
      index: '+',
    });
  }
  money(fundCategoryLabels.organising, totals.organising, { index: '2' });
  money(fundCategoryLabels.other_spending, totals.otherSpending, { index: '3' });
  money('Số dư cuối năm', totals.balance, { bold: true, index: 'IV' });
  sheet.addRow([]);
  const share =
    totals.organisingShare === null
      ? '—'
      : `${(totals.organisingShare * 100).toFixed(1).replace('.', ',')} %`;
  sheet.addRow([
    '',
    `Tỷ lệ chi cho công tác tổ chức, chỉ đạo phong trào: ${share} (tối đa ${ORGANISING_SHARE_MAX * 100} % theo Thông tư 28/2025/TT-BTC)`,
  ]);
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return { buffer, contentType: XLSX_TYPE, fileName: `trich-lap-su-dung-quy-${year}.xlsx` };
}
