import { recordColumns } from '../../../../../contracts/award-record-columns.ts';
import { type RecordKind, recordKindLabels } from '../../../../../contracts/award-records.ts';
import type { ImportTarget } from '../../organisation/import/import-targets.ts';

/** The kinds of record an officer may import, in the order the page offers them. */
export const importKinds: RecordKind[] = [
  'person-ratings',
  'received',
  'disciplines',
  'initiatives',
  'unit-ratings',
];

/** What each kind's rows hold, said plainly under the kind's name. */
const hints: Record<RecordKind, string> = {
  'person-ratings': 'Mức xếp loại chất lượng cán bộ mỗi năm (HTXSNV, HTTNV, HTNV, KHTNV) và điểm nếu có.',
  received:
    'Danh hiệu thi đua, hình thức khen thưởng đã nhận, kể cả trước khi dùng hệ thống; ghi mã hoặc tên như ở trang Danh mục khen thưởng.',
  disciplines: 'Hình thức kỷ luật và thời hạn, hoặc đang xem xét kỷ luật.',
  initiatives: 'Sáng kiến đã được công nhận, phạm vi và quyết định công nhận.',
  'unit-ratings': 'Mức xếp loại tập thể (đơn vị) mỗi năm.',
};

/** File names of each kind's template and export, as the server names them. */
export const recordFileNames: Record<RecordKind, string> = {
  'person-ratings': 'xep-loai-ca-nhan',
  'unit-ratings': 'xep-loai-tap-the',
  disciplines: 'ky-luat',
  received: 'khen-thuong-da-nhan',
  initiatives: 'sang-kien',
};

/** The hint shown for a kind. */
export const recordKindHint = (kind: RecordKind) => hints[kind];

/** The import wizard's target for one kind of record. */
export function recordImportTarget(kind: RecordKind): ImportTarget {
  const forUnits = kind === 'unit-ratings';
  return {
    title: 'Nhập hồ sơ thi đua, khen thưởng từ Excel',
    description: `Đang nhập: ${recordKindLabels[kind]}. Mỗi tệp nhập tất cả các dòng hoặc không dòng nào.`,
    noun: 'dòng',
    templatePath: `/api/award-records/${kind}/import-template`,
    templateName: `mau-nhap-${recordFileNames[kind]}`,
    uploadPath: `/api/award-records/${kind}/import`,
    listPath: forUnits ? '/to-chuc/don-vi' : '/to-chuc/can-bo',
    listLabel: forUnits ? 'Xem cơ cấu tổ chức' : 'Xem danh sách cán bộ',
    columns: recordColumns[kind].map((column) =>
      column.required ? `${column.header} (bắt buộc)` : column.header,
    ),
    refreshKeys: ['awards'],
  };
}
