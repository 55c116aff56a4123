import { z } from 'zod';
import { PositionClass } from './award-records.ts';
import { AwardCode, RewardType, StatisticsColumn } from './awards.ts';
import { Cursor, CursorQuery, IsoDate, ListTotal, RecordVersion, Text, Uuid } from './common.ts';
import { MovementKind } from './movements.ts';
import { Gender } from './organisation.ts';

/**
 * Statutory statistics (biểu thống kê TĐKT of the Ministry of Home Affairs): each form is data — its
 * code, circular, validity, rows and columns — and each row and column carries a filter over a small
 * closed vocabulary; a cell counts the records both its row and its column accept.
 */

/** Who received an award, as the forms split it (a state enterprise counts as a collective too). */
export const StatisticsSubject = z.enum(['individual', 'collective', 'enterprise', 'household']);
export type StatisticsSubject = z.infer<typeof StatisticsSubject>;

/** The level that launched a movement (columns of biểu 0601/0701). */
export const LaunchLevel = z.enum(['national', 'ministry_province', 'unit']);
export type LaunchLevel = z.infer<typeof LaunchLevel>;
export const launchLevelLabels: Record<LaunchLevel, string> = {
  national: 'Trung ương (đơn vị gốc cấp trung ương)',
  ministry_province: 'Bộ, ban, ngành trung ương, tỉnh, thành phố',
  unit: 'Cơ quan, tổ chức, đơn vị',
};

const codes = <T extends z.ZodType>(item: T) => z.array(item).min(1).max(200).optional();

/**
 * A filter of award records (source `awards`) or movements (source `movements`): every field given
 * must match; an empty filter accepts every record of the period and subtree.
 */
export const StatisticsFilter = z.strictObject({
  /** The award's code is one of these. */
  awardCodes: codes(AwardCode),
  /** The award counts in one of these columns of the catalogue (contracts/award-catalogue.ts). */
  statisticsColumns: codes(StatisticsColumn),
  /** Any award the catalogue gives a statistics column (the forms' "Tổng số"). */
  hasStatisticsColumnOf: z.enum(['0602', '0603']).optional(),
  rewardTypes: codes(RewardType),
  subjects: codes(StatisticsSubject),
  /** The person's position class as recorded for the forms (a person without one matches none). */
  positionClasses: codes(PositionClass),
  genders: codes(Gender),
  launchLevels: codes(LaunchLevel),
  movementKinds: codes(MovementKind),
  /** The movement's duration in whole years (period to − period from + 1), bounds included. */
  minYears: z.number().int().min(1).max(100).optional(),
  maxYears: z.number().int().min(1).max(100).optional(),
});
export type StatisticsFilter = z.infer<typeof StatisticsFilter>;

const Code = z.string().regex(/^[0-9A-Za-z._-]{1,20}$/, 'Mã không hợp lệ');

/** A row of a form: its code (Mã số), label, indent, unit, and what it counts or why it is typed by hand. */
export const StatisticsRow = z.strictObject({
  code: Code,
  label: z.string().min(1).max(300),
  /** A heading row ("1. Chia theo …") shows no figures. */
  heading: z.boolean().optional(),
  indent: z.number().int().min(0).max(3).optional(),
  unit: z.string().max(40).optional(),
  where: StatisticsFilter.optional(),
  /** The cells of this row are typed by an officer; the text says why the system cannot count them. */
  manual: z.string().min(1).max(400).optional(),
});
export type StatisticsRow = z.infer<typeof StatisticsRow>;

/** A numbered column of a form; `group` is the head printed above several columns. */
export const StatisticsColumnDef = z.strictObject({
  code: Code,
  label: z.string().min(1).max(300),
  group: z.string().max(300).optional(),
  where: StatisticsFilter.optional(),
  manual: z.string().min(1).max(400).optional(),
});
export type StatisticsColumnDef = z.infer<typeof StatisticsColumnDef>;

export const StatisticsSource = z.enum(['awards', 'movements', 'manual']);
export type StatisticsSource = z.infer<typeof StatisticsSource>;

/** One statutory form, valid for the statistical years whose end (30/11) lies in [validFrom, validTo]. */
export const StatisticsFormDef = z.strictObject({
  code: Code,
  /** As printed: "Biểu số 0603.N/BNV-TĐKT". */
  symbol: z.string().min(1).max(60),
  name: z.string().min(1).max(300),
  circular: z.string().min(1).max(200),
  validFrom: IsoDate,
  validTo: IsoDate.nullable(),
  source: StatisticsSource,
  /** Printed under the title, e.g. the unit of count. */
  unitNote: z.string().max(100).optional(),
  receiptNote: z.string().max(100).optional(),
  rows: z.array(StatisticsRow).min(1).max(100),
  columns: z.array(StatisticsColumnDef).min(1).max(40),
  notes: z.array(z.string().min(1).max(600)).max(20).default([]),
});
export type StatisticsFormDef = z.infer<typeof StatisticsFormDef>;
/** A data file of forms (one circular). */
export const StatisticsFormFile = z.strictObject({ forms: z.array(StatisticsFormDef).min(1) });

/** The statistical year (năm thống kê TĐKT): 01/12 of the year before to 30/11. */
export const StatisticsYear = z.coerce
  .number({ error: 'Năm phải là số' })
  .int('Năm phải là số nguyên')
  .min(2000, 'Năm thống kê phải từ 2000')
  .max(2100, 'Năm thống kê phải đến 2100');

/** Which form, year and unit (absent: the whole system, for an administrator). */
export const StatisticsQuery = z.object({ year: StatisticsYear, unitId: Uuid.optional() });
export type StatisticsQuery = z.infer<typeof StatisticsQuery>;
export const StatisticsFormParams = z.object({ code: Code });
export const StatisticsYearQuery = z.object({ year: StatisticsYear });

/** A form in the list of a year. */
export const StatisticsFormSummary = z.object({
  code: z.string(),
  symbol: z.string(),
  name: z.string(),
  circular: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  source: StatisticsSource,
});
export type StatisticsFormSummary = z.infer<typeof StatisticsFormSummary>;

/** A figure: counted, typed by hand (the subtree's sum, with this unit's own entry), or none (a heading). */
export const StatisticsCell = z.object({
  row: z.string(),
  column: z.string(),
  value: z.number().int(),
  manual: z.boolean(),
  own: z.object({ value: z.number().int(), version: z.number().int() }).nullable(),
});
export type StatisticsCell = z.infer<typeof StatisticsCell>;

/** A form filled for a unit and year. */
export const StatisticsReport = z.object({
  form: StatisticsFormDef,
  year: z.number().int(),
  periodFrom: z.string(),
  periodTo: z.string(),
  unit: z.object({ id: z.string(), name: z.string() }).nullable(),
  receivingUnit: z.string(),
  cells: z.array(StatisticsCell),
  canEnter: z.boolean(),
});
export type StatisticsReport = z.infer<typeof StatisticsReport>;

/** The records behind a cell. */
export const StatisticsCellQuery = CursorQuery.extend({
  year: StatisticsYear,
  unitId: Uuid.optional(),
  row: Code,
  column: Code,
});
export type StatisticsCellQuery = z.infer<typeof StatisticsCellQuery>;

/** One record behind a cell: an award received, or a movement launched. */
export const StatisticsRecord = z.object({
  id: z.string(),
  /** Person, unit or household; the movement's name for a movement. */
  subject: z.string(),
  subjectKind: z.enum(['individual', 'collective', 'enterprise', 'household', 'movement']),
  unitName: z.string().nullable(),
  /** The award's name, or the movement's kind. */
  award: z.string(),
  rewardType: z.string().nullable(),
  decisionNumber: z.string().nullable(),
  decisionDate: z.string().nullable(),
});
export type StatisticsRecord = z.infer<typeof StatisticsRecord>;
export const StatisticsRecordPage = z.object({
  items: z.array(StatisticsRecord),
  next: Cursor.nullable(),
  prev: Cursor.nullable(),
  total: ListTotal,
});
export type StatisticsRecordPage = z.infer<typeof StatisticsRecordPage>;

/** A figure typed by an officer for the unit's own entry (version absent when it is the first). */
export const StatisticsManualBody = z.strictObject({
  unitId: Uuid,
  year: z.number().int().min(2000, 'Năm thống kê phải từ 2000').max(2100, 'Năm thống kê phải đến 2100'),
  row: Code,
  column: Code,
  value: z
    .number({ error: 'Phải là số' })
    .int('Phải là số nguyên')
    .min(0, 'Không được âm')
    .max(100_000_000, 'Số quá lớn'),
  note: Text(500).nullable().optional(),
  version: RecordVersion.optional(),
});
export type StatisticsManualBody = z.infer<typeof StatisticsManualBody>;

/** Body of a PDF export job. */
export const StatisticsPdfBody = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  unitId: Uuid.optional(),
});
export type StatisticsPdfBody = z.infer<typeof StatisticsPdfBody>;
