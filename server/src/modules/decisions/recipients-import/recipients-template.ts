import { and, asc } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { awardCatalogue } from '#contracts/award-catalogue.ts';
import { EXAMPLE_MARK } from '#server/modules/organisation/import-export/import-rules.ts';
import { scopeCondition } from '#server/modules/organisation/organisation.policy.ts';
import type { Database } from '#server/platform/db/client.ts';
import { units } from '#server/platform/db/schema.ts';
import { getDecisionRow } from '../decisions/decisions.repo.ts';
import { assertCanWrite, type Caller, writeScope } from '../decisions.policy.ts';
import { competentAwards } from '../from-nominees/nominee-candidates.ts';
import { recipientColumns } from './recipient-rows.ts';

/** The units sheet lists at most this many units of the caller's scope. */
const UNITS_CAP = 5000;
const DATA_ROWS = 1000;

/** exceljs 4.4 has worksheet data validations by range, missing from its type declarations. */
interface WithValidations {
  dataValidations: { add: (range: string, validation: ExcelJS.DataValidation) => void };
}

/**
 * The template of a draft's recipient list: "Danh sách" (headers, a grey example row the import skips,
 * a drop-down of the awards the issuing unit may give), "Đơn vị" (codes and names of the units in the
 * caller's scope), "Danh hiệu" and "Hướng dẫn".
 */
export async function buildRecipientTemplate(db: Database, caller: Caller, id: string): Promise<Buffer> {
  const row = await getDecisionRow(db, id);
  await assertCanWrite(db, caller.principal, row.unit.path);
  const [scope, awards] = await Promise.all([
    writeScope(db, caller.principal),
    competentAwards(db, row.unit.kind, row.decision.decisionDate),
  ]);
  const listed = await db
    .select({ code: units.code, name: units.name })
    .from(units)
    .where(and(scopeCondition(scope)))
    .orderBy(asc(units.sortKey), asc(units.code))
    .limit(UNITS_CAP);
  const awardNames = awards.map((code) => awardCatalogue[code].name);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'TĐKT';
  const data = workbook.addWorksheet('Danh sách', { views: [{ state: 'frozen', ySplit: 1 }] });
  data.columns = recipientColumns.map(({ header }) => ({ header, width: Math.max(18, header.length + 6) }));
  data.getRow(1).font = { bold: true };
  data.getColumn(1).width = 40;
  data.getColumn(4).width = 36;
  data.getColumn(5).width = 40;
  const example = data.addRow([
    `Nguyễn Văn Mẫu ${EXAMPLE_MARK} – xóa trước khi nhập)`,
    '15/03/1985',
    'Chuyên viên',
    listed[0]?.code ?? 'MA.DON.VI',
    awardNames[0] ?? '',
    row.decision.decisionDate.slice(0, 4),
    'Đã có thành tích xuất sắc trong thực hiện nhiệm vụ',
    '',
  ]);
  example.font = { italic: true, color: { argb: 'FF808080' } };
  if (awardNames.length)
    (data as unknown as WithValidations).dataValidations.add(`E2:E${DATA_ROWS + 1}`, {
      type: 'list',
      allowBlank: false,
      formulae: [`'Danh hiệu'!$A$2:$A$${awardNames.length + 1}`],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: 'Danh hiệu, hình thức',
      error: 'Chọn một danh hiệu, hình thức trong danh sách (trang "Danh hiệu").',
    });
  const unitSheet = workbook.addWorksheet('Đơn vị');
  unitSheet.columns = [
    { header: 'Mã đơn vị', width: 24 },
    { header: 'Tên đơn vị', width: 60 },
  ];
  unitSheet.getRow(1).font = { bold: true };
  for (const unit of listed) unitSheet.addRow([unit.code, unit.name]);
  const awardSheet = workbook.addWorksheet('Danh hiệu');
  awardSheet.columns = [{ header: 'Danh hiệu, hình thức đơn vị được tặng', width: 70 }];
  awardSheet.getRow(1).font = { bold: true };
  for (const name of awardNames) awardSheet.addRow([name]);
  const guide = workbook.addWorksheet('Hướng dẫn');
  guide.getColumn(1).width = 110;
  for (const line of [
    `Danh sách khen thưởng kèm theo quyết định "${row.decision.title}"`,
    'Mỗi dòng của trang "Danh sách" là một cá nhân, tập thể hoặc hộ gia đình; không đổi tên các cột ở dòng tiêu đề.',
    'Cá nhân: ghi họ và tên (ngày sinh, chức vụ giúp phân biệt người trùng tên) và đơn vị công tác.',
    'Tập thể: để trống họ và tên, ghi mã hoặc tên đơn vị được khen thưởng.',
    'Hộ gia đình: để trống họ và tên, ghi tên hộ ở cột "Hộ gia đình" (ví dụ: Hộ ông Lò Văn Páo, bản Nà Khum) và xã, phường nơi hộ cư trú ở cột "Đơn vị".',
    'Đơn vị ghi theo mã hoặc tên đầy đủ ở trang "Đơn vị"; danh hiệu chọn trong trang "Danh hiệu".',
    'Năm thành tích để trống thì lấy năm của quyết định. Ngày viết dd/mm/yyyy.',
    'Nếu tệp có lỗi, hệ thống liệt kê mọi lỗi (dòng, cột, nội dung) và chưa thêm dòng nào.',
  ])
    guide.addRow([line]);
  guide.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
