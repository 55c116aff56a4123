import { z } from 'zod';
import {
  CursorQuery,
  cursorPageOf,
  IsoDate,
  MultilineText,
  Name,
  RecordVersion,
  StoredDate,
  Text,
  Uuid,
} from './common.ts';

/** What a row of the holiday table does to working-day counts. */
export const HolidayKind = z.enum(['holiday', 'working_day']);
export type HolidayKind = z.infer<typeof HolidayKind>;
export const holidayKindLabels: Record<HolidayKind, string> = {
  holiday: 'Ngày nghỉ (lễ, Tết, nghỉ bù)',
  working_day: 'Ngày làm bù (cuối tuần đi làm)',
};

/** One day of the holiday table. */
export const Holiday = z.object({
  id: z.string(),
  date: StoredDate,
  name: z.string(),
  kind: HolidayKind,
  version: z.number().int(),
});
export type Holiday = z.infer<typeof Holiday>;

const Year = z.coerce
  .number()
  .int('Năm không hợp lệ')
  .min(2000, 'Năm không hợp lệ')
  .max(2100, 'Năm không hợp lệ');

/** GET /api/holidays?year=2025: the days of one year, in date order. */
export const HolidayQuery = z.object({ year: Year });
export const HolidayList = z.object({ items: z.array(Holiday) });

export const CreateHolidayBody = z.object({
  date: IsoDate,
  name: Text(200).min(1, 'Vui lòng nhập tên ngày nghỉ'),
  kind: HolidayKind.default('holiday'),
});
export type CreateHolidayBody = z.infer<typeof CreateHolidayBody>;

export const UpdateHolidayBody = z.object({
  date: IsoDate.optional(),
  name: Text(200).min(1, 'Vui lòng nhập tên ngày nghỉ').optional(),
  kind: HolidayKind.optional(),
  version: RecordVersion,
});
export type UpdateHolidayBody = z.infer<typeof UpdateHolidayBody>;

/** GET /api/working-days: the day `days` working days after `from`. */
export const WorkingDaysQuery = z.object({
  from: IsoDate,
  days: z.coerce.number().int('Số ngày không hợp lệ').min(-366).max(366),
});
export const WorkingDaysAnswer = z.object({ from: StoredDate, days: z.number().int(), date: StoredDate });

/** Kinds of commendation round (đợt khen thưởng). */
export const RoundKind = z.enum(['annual', 'so_ket', 'tong_ket', 'dot_xuat', 'chuyen_de']);
export type RoundKind = z.infer<typeof RoundKind>;
export const roundKindLabels: Record<RoundKind, string> = {
  annual: 'Khen thưởng thường xuyên (hằng năm)',
  so_ket: 'Sơ kết phong trào',
  tong_ket: 'Tổng kết phong trào',
  dot_xuat: 'Khen thưởng đột xuất',
  chuyen_de: 'Khen thưởng chuyên đề',
};

/** What the user may do with a round. */
export const RoundAction = z.enum(['view', 'edit', 'delete', 'nominate']);
export type RoundAction = z.infer<typeof RoundAction>;

/** A round as the API shows it. */
export const Round = z.object({
  id: z.string(),
  kind: RoundKind,
  title: z.string(),
  year: z.number().int(),
  receivingUnit: z.object({ id: z.string(), name: z.string() }),
  movement: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** Last day lower units send their nominations (ISO), or null. */
  deadline: StoredDate.nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
  actions: z.array(RoundAction),
  version: z.number().int(),
});
export type Round = z.infer<typeof Round>;

/** GET /api/award-rounds: rounds the user sees, newest year first, keyset-paged. */
export const RoundQuery = CursorQuery.extend({
  year: Year.optional(),
  kind: RoundKind.optional(),
  receivingUnitId: Uuid.optional(),
});
export type RoundQuery = z.infer<typeof RoundQuery>;
export const RoundPage = cursorPageOf(Round);
export type RoundPage = z.infer<typeof RoundPage>;

const RoundYear = z
  .number()
  .int('Năm không hợp lệ')
  .min(2000, 'Năm không hợp lệ')
  .max(2100, 'Năm không hợp lệ');

export const CreateRoundBody = z.object({
  kind: RoundKind,
  title: Name,
  year: RoundYear,
  receivingUnitId: Uuid,
  movementId: Uuid.nullable().optional(),
  deadline: IsoDate.nullable().optional(),
  note: MultilineText(4000).nullable().optional(),
});
export type CreateRoundBody = z.infer<typeof CreateRoundBody>;

/** The receiving unit stays: a round moves to another level only by making a new one. */
export const UpdateRoundBody = z.object({
  kind: RoundKind.optional(),
  title: Name.optional(),
  year: RoundYear.optional(),
  movementId: Uuid.nullable().optional(),
  deadline: IsoDate.nullable().optional(),
  note: MultilineText(4000).nullable().optional(),
  version: RecordVersion,
});
export type UpdateRoundBody = z.infer<typeof UpdateRoundBody>;
