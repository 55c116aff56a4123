import type { RecordKind } from './award-records.ts';

/** One column of a records import template: its header, and whether a row must fill it. */
export type RecordColumn = { header: string; required: boolean };

const PERSON_COLUMNS = [
  { header: 'Số định danh cá nhân', required: false },
  { header: 'Họ và tên', required: false },
  { header: 'Ngày sinh', required: false },
  { header: 'Mã đơn vị', required: true },
] as const;

/** The columns of each kind's template: who, then what (shared by the server and the import page). */
export const recordColumns: Record<RecordKind, readonly RecordColumn[]> = {
  'person-ratings': [
    ...PERSON_COLUMNS,
    { header: 'Năm', required: true },
    { header: 'Xếp loại', required: true },
    { header: 'Điểm', required: false },
  ],
  'unit-ratings': [
    { header: 'Mã đơn vị', required: true },
    { header: 'Năm', required: true },
    { header: 'Xếp loại', required: true },
    { header: 'Điểm', required: false },
  ],
  disciplines: [
    ...PERSON_COLUMNS,
    { header: 'Hình thức kỷ luật', required: true },
    { header: 'Từ ngày', required: true },
    { header: 'Đến ngày', required: false },
    { header: 'Đang xem xét', required: false },
    { header: 'Số quyết định', required: false },
    { header: 'Ghi chú', required: false },
  ],
  received: [
    ...PERSON_COLUMNS,
    { header: 'Danh hiệu, hình thức', required: true },
    { header: 'Năm thành tích', required: true },
    { header: 'Loại hình khen thưởng', required: false },
    { header: 'Số quyết định', required: false },
    { header: 'Ngày quyết định', required: false },
    { header: 'Cấp quyết định', required: false },
  ],
  initiatives: [
    ...PERSON_COLUMNS,
    { header: 'Tên sáng kiến', required: true },
    { header: 'Phạm vi công nhận', required: true },
    { header: 'Năm', required: true },
    { header: 'Số quyết định', required: false },
    { header: 'Ngày quyết định', required: false },
    { header: 'Đã dùng cho danh hiệu', required: false },
    { header: 'Năm của danh hiệu', required: false },
  ],
};
