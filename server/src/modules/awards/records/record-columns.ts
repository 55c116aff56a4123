import type { RecordKind } from '#contracts/award-records.ts';

/** How many rows one query of an import or export reads or writes. */
export const BATCH = 1000;

const PERSON_COLUMNS = [
  { header: 'Số định danh cá nhân', required: false },
  { header: 'Họ và tên', required: false },
  { header: 'Ngày sinh', required: false },
  { header: 'Mã đơn vị', required: true },
] as const;

export type Column = { header: string; required: boolean };

/** The columns of each kind's template: who, then what. */
export const recordColumns: Record<RecordKind, readonly Column[]> = {
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

/** Which kinds are about people only (a unit code alone names the person's unit, not the subject). */
export const personOnly = (kind: RecordKind) => kind !== 'unit-ratings' && kind !== 'received';

/** The subject named by a row: a person (by CCCD, or by name, birth date and unit) or a unit. */
export interface SubjectKey {
  idNumber: string | null;
  fullName: string | null;
  birthDate: string | null;
  unitCode: string;
}

export interface ParsedRow {
  row: number;
  who: SubjectKey;
  values: Record<string, unknown>;
}
