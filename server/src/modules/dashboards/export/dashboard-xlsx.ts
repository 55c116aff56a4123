import ExcelJS from 'exceljs';
import { awardSubjectLabels } from '#contracts/awards.ts';
import { type DashboardSection, dashboardSectionLabels } from '#contracts/dashboards.ts';
import type { Database } from '#server/platform/db/client.ts';
import { getAwardsDashboard } from '../awards/awards-dashboard.ts';
import { todayInVietnam } from '../dashboard-dates.ts';
import type { Caller } from '../dashboards.policy.ts';
import { getFairness } from '../fairness/fairness.service.ts';
import { getMovementsDashboard } from '../movements/movements-dashboard.ts';
import { getReportsDashboard } from '../reports/reports-dashboard.ts';

type Cell = string | number | null;
interface Sheet {
  name: string;
  headers: string[];
  rows: Cell[][];
}

const date = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : '');
const share = (value: number | null) => (value === null ? '' : value);

/** The tables behind one section's charts, one sheet each. */
async function sheetsOf(
  db: Database,
  caller: Caller,
  unitId: string,
  year: number,
  section: DashboardSection,
): Promise<{ unitName: string; sheets: Sheet[] }> {
  const today = todayInVietnam();
  const states = ['Đã ban hành', 'Chưa ban hành (trong hạn)', 'Quá hạn', 'Không áp dụng'];
  if (section === 'movements') {
    const view = await getMovementsDashboard(db, caller, unitId, year, today);
    return {
      unitName: view.unit.name,
      sheets: [
        {
          name: 'Phong trào trong năm',
          headers: ['Phong trào', 'Đơn vị phát động', 'Số kế hoạch', 'Ngày phát động', ...states],
          rows: view.movements.map((m) => [
            m.name,
            m.launchingUnitName,
            m.planNumber,
            date(m.launchedOn),
            m.issued,
            m.pending,
            m.overdue,
            m.notApplicable,
          ]),
        },
        {
          name: 'Kế hoạch triển khai',
          headers: ['Đơn vị trực thuộc', ...states],
          rows: view.cascade.map((c) => [c.unitName, c.issued, c.pending, c.overdue, c.notApplicable]),
        },
      ],
    };
  }
  if (section === 'reports') {
    const view = await getReportsDashboard(db, caller, unitId, year, today);
    return {
      unitName: view.unit.name,
      sheets: [
        {
          name: 'Tình hình báo cáo',
          headers: ['Yêu cầu báo cáo', 'Hạn gửi', 'Đúng hạn', 'Muộn', 'Chưa gửi (quá hạn)', 'Chưa đến hạn'],
          rows: view.requests.map((r) => [r.title, date(r.dueOn), r.onTime, r.late, r.missing, r.pending]),
        },
        {
          name: 'Chấm điểm khối, cụm',
          headers: ['Khối, cụm', 'Đơn vị', 'Tổng điểm', 'Xếp hạng', 'Dẫn đầu'],
          rows: view.blocResults.map((b) => [
            b.blocName,
            b.unitName,
            b.total,
            b.rank,
            b.isLeading ? 'Có' : '',
          ]),
        },
      ],
    };
  }
  if (section === 'awards') {
    const view = await getAwardsDashboard(db, caller, unitId, year);
    return {
      unitName: view.unit.name,
      sheets: [
        {
          name: 'Theo hình thức',
          headers: [
            'Hình thức, danh hiệu',
            awardSubjectLabels.individual,
            awardSubjectLabels.collective,
            awardSubjectLabels.household,
            'Tổng',
          ],
          rows: view.byCode.map((c) => [c.name, c.individual, c.collective, c.household, c.total]),
        },
        {
          name: 'Theo cấp quyết định',
          headers: ['Cấp quyết định', 'Số lượt'],
          rows: view.byLevel.map((l) => [l.label, l.count]),
        },
        {
          name: 'Theo loại hình',
          headers: ['Loại hình khen thưởng', 'Số lượt'],
          rows: view.byRewardType.map((t) => [t.label, t.count]),
        },
      ],
    };
  }
  const view = await getFairness(db, caller, unitId, year);
  return {
    unitName: view.unit.name,
    sheets: [
      {
        name: 'Công bằng',
        headers: [
          'Nhóm',
          'Số lượt khen thưởng của nhóm',
          'Tổng số lượt cùng loại',
          'Tỷ lệ khen thưởng (%)',
          'Số người / tập thể của nhóm',
          'Tổng số',
          'Tỷ lệ trong biên chế (%)',
          'Ngưỡng cảnh báo (điểm %)',
          'Thấp hơn ngưỡng',
        ],
        rows: view.rows.map((r) => [
          r.label,
          r.awards,
          r.awardBase,
          share(r.awardShare),
          r.staff,
          r.staffBase,
          share(r.staffShare),
          r.threshold,
          r.isBelow ? 'Có' : '',
        ]),
      },
      { name: 'Nhận xét', headers: ['Nhận xét'], rows: view.notes.map((note) => [note]) },
    ],
  };
}

/** A section of the dashboard as an XLSX workbook: a title row, then each chart's table on its own sheet. */
export async function exportDashboardXlsx(
  db: Database,
  caller: Caller,
  unitId: string,
  year: number,
  section: DashboardSection,
): Promise<{ buffer: Buffer; fileName: string }> {
  const { unitName, sheets } = await sheetsOf(db, caller, unitId, year, section);
  const workbook = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name);
    worksheet.addRow([`${dashboardSectionLabels[section]} — ${unitName} — năm ${year}`]).font = {
      bold: true,
    };
    worksheet.addRow([]);
    worksheet.addRow(sheet.headers).font = { bold: true };
    for (const row of sheet.rows) worksheet.addRow(row);
    worksheet.columns.forEach((column, index) => {
      column.width = index === 0 ? 48 : 18;
    });
  }
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return { buffer, fileName: `bieu-do-${section}-${year}.xlsx` };
}
