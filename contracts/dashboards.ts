import { z } from 'zod';
import { RewardType } from './awards.ts';
import { StoredDate, Uuid } from './common.ts';

/**
 * Dashboards of a unit and its subtree for a year (issue 15, part 4): movements and their cascade,
 * reports and bloc scores, awards by form, level and reward type, and the fairness of awards
 * compared with the staff, with the office's thresholds per unit.
 */

/** The year a dashboard shows. */
export const DashboardYear = z.coerce
  .number({ error: 'Năm phải là số' })
  .int('Năm phải là số nguyên')
  .min(2000, 'Năm phải từ 2000')
  .max(2100, 'Năm không quá 2100');

/** `/api/dashboards/:unitId/...`. */
export const DashboardParams = z.object({ unitId: Uuid });
/** `?year=2025`. */
export const DashboardQuery = z.object({ year: DashboardYear });
export type DashboardQuery = z.infer<typeof DashboardQuery>;

/** The parts of the dashboard; each has its own XLSX. */
export const DashboardSection = z.enum(['movements', 'reports', 'awards', 'fairness']);
export type DashboardSection = z.infer<typeof DashboardSection>;
export const dashboardSectionLabels: Record<DashboardSection, string> = {
  movements: 'Phong trào thi đua',
  reports: 'Báo cáo và chấm điểm khối, cụm',
  awards: 'Khen thưởng',
  fairness: 'Công bằng trong khen thưởng',
};
export const DashboardXlsxParams = DashboardParams.extend({ section: DashboardSection });

const Count = z.number().int();
const DashboardUnit = z.object({ id: Uuid, name: z.string() });

/** At most this many movements are listed (the count says how many there are). */
export const DASHBOARD_MOVEMENTS_MAX = 200;

/** Movements of the subtree running in the year (and how many were launched in it), and the chosen unit's own cascade. */
export const MovementsDashboard = z.object({
  unit: DashboardUnit,
  year: z.number().int(),
  movementCount: Count,
  /** Of those, launched during the year. */
  launchedInYear: Count,
  movements: z.array(
    z.object({
      id: Uuid,
      name: z.string(),
      kind: z.string(),
      launchingUnitName: z.string(),
      planNumber: z.string().nullable(),
      launchedOn: StoredDate.nullable(),
      issued: Count,
      pending: Count,
      overdue: Count,
      notApplicable: Count,
    }),
  ),
  /** Per direct child unit: its implementing plans for the movements the unit launched that run in the year. */
  cascade: z.array(
    z.object({
      unitId: Uuid,
      unitName: z.string(),
      issued: Count,
      pending: Count,
      overdue: Count,
      notApplicable: Count,
    }),
  ),
});
export type MovementsDashboard = z.infer<typeof MovementsDashboard>;

/** The unit's report requests due that year with their reports by bucket, and the subtree's published bloc results. */
export const ReportsDashboard = z.object({
  unit: DashboardUnit,
  year: z.number().int(),
  requests: z.array(
    z.object({
      id: Uuid,
      title: z.string(),
      dueOn: StoredDate,
      onTime: Count,
      late: Count,
      missing: Count,
      pending: Count,
    }),
  ),
  blocResults: z.array(
    z.object({
      unitId: Uuid,
      unitName: z.string(),
      blocName: z.string(),
      total: z.number(),
      rank: Count,
      isLeading: z.boolean(),
    }),
  ),
});
export type ReportsDashboard = z.infer<typeof ReportsDashboard>;

/** Levels of the deciding authority an award is counted under. */
export const DecidingLevel = z.enum([
  'state',
  'central',
  'province',
  'department',
  'district',
  'commune',
  'grassroots',
]);
export type DecidingLevel = z.infer<typeof DecidingLevel>;
export const decidingLevelLabels: Record<DecidingLevel, string> = {
  state: 'Nhà nước (Chủ tịch nước, Thủ tướng Chính phủ)',
  central: 'Bộ, ban, ngành trung ương',
  province: 'Cấp tỉnh',
  department: 'Sở, ban, ngành, đoàn thể cấp tỉnh',
  district: 'Cấp huyện',
  commune: 'Cấp xã',
  grassroots: 'Cơ quan, đơn vị cơ sở',
};

/** Awards of the year to the subtree's people, collectives and households. */
export const AwardsDashboard = z.object({
  unit: DashboardUnit,
  year: z.number().int(),
  total: Count,
  byCode: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      individual: Count,
      collective: Count,
      household: Count,
      total: Count,
    }),
  ),
  byLevel: z.array(z.object({ level: DecidingLevel, label: z.string(), count: Count })),
  byRewardType: z.array(z.object({ rewardType: RewardType, label: z.string(), count: Count })),
});
export type AwardsDashboard = z.infer<typeof AwardsDashboard>;

/** The groups whose share of the awards is compared with their share of the staff. */
export const FairnessGroup = z.enum(['direct_worker', 'leader', 'women', 'small_collective']);
export type FairnessGroup = z.infer<typeof FairnessGroup>;
export const fairnessGroupLabels: Record<FairnessGroup, string> = {
  direct_worker: 'Người lao động trực tiếp',
  leader: 'Lãnh đạo, quản lý',
  women: 'Nữ',
  small_collective: 'Tập thể nhỏ',
};

const Points = z
  .number({ error: 'Ngưỡng phải là số' })
  .int('Ngưỡng là số điểm phần trăm nguyên')
  .min(0, 'Ngưỡng không được âm')
  .max(100, 'Ngưỡng tối đa 100 điểm phần trăm');

/** The office's thresholds for a unit: warn when a group's award share is more than N points below its staff share. */
export const DashboardSettingsBody = z.strictObject({
  /** Points below their staff share at which direct workers' award share is flagged. */
  directWorkerGap: Points,
  /** Points below their staff share at which women's award share is flagged. */
  womenGap: Points,
  /** Points below their share of the collectives at which small collectives' share is flagged. */
  smallCollectiveGap: Points,
  /** A collective with at most this many people is small. */
  smallCollectiveSize: z
    .number({ error: 'Quy mô phải là số' })
    .int('Quy mô là số người nguyên')
    .min(1, 'Quy mô ít nhất 1 người')
    .max(10_000, 'Quy mô tối đa 10.000 người'),
  /** The version the form loaded; 0 when the unit had no settings of its own yet. */
  version: z.number().int().min(0, 'Phiên bản không hợp lệ').max(2_147_483_647, 'Phiên bản không hợp lệ'),
});
export type DashboardSettingsBody = z.infer<typeof DashboardSettingsBody>;

/** The thresholds in force for a unit: its own, else the nearest unit above's, else the defaults. */
export const DashboardSettingsView = z.object({
  unitId: Uuid,
  directWorkerGap: z.number().int(),
  womenGap: z.number().int(),
  smallCollectiveGap: z.number().int(),
  smallCollectiveSize: z.number().int(),
  /** The unit's own settings' version; 0 when it has none. */
  version: z.number().int(),
  /** Where the thresholds come from: the unit itself, a unit above (named) or the defaults. */
  source: z.enum(['own', 'inherited', 'default']),
  sourceUnitName: z.string().nullable(),
  canEdit: z.boolean(),
});
export type DashboardSettingsView = z.infer<typeof DashboardSettingsView>;

/** One group's award share against its share of the staff (or of the collectives). */
export const FairnessRow = z.object({
  group: FairnessGroup,
  label: z.string(),
  /** Awards to the group, and all awards of the kind (individual, or collective). */
  awards: Count,
  awardBase: Count,
  /** Percent with one decimal; null when there is no award of the kind. */
  awardShare: z.number().nullable(),
  /** People (or collectives) of the group, and all of them, in the subtree. */
  staff: Count,
  staffBase: Count,
  staffShare: z.number().nullable(),
  /** The threshold in points when the office set one for the group (none for leaders). */
  threshold: z.number().int().nullable(),
  isBelow: z.boolean(),
});
export type FairnessRow = z.infer<typeof FairnessRow>;

/** The fairness of the year's awards in the subtree, with plain-language notes when a share falls short. */
export const FairnessDashboard = z.object({
  unit: DashboardUnit,
  year: z.number().int(),
  settings: DashboardSettingsView,
  rows: z.array(FairnessRow),
  /** Collective awards to units with nobody recorded (size unknown, left out of the small-collective share). */
  unknownSizeCollectiveAwards: Count,
  notes: z.array(z.string()),
});
export type FairnessDashboard = z.infer<typeof FairnessDashboard>;
