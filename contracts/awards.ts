import { z } from 'zod';
import { UnitKind } from './organisation.ts';

/**
 * Awards: the codes of every emulation title (danh hiệu thi đua) and commendation form (hình thức
 * khen thưởng), the enumerations the eligibility engine reads, and the engine's input and output.
 * Legal sources and confidence marks: server/src/modules/awards/rules/README.md.
 */

/** Emulation titles (Luật TĐKT 2022 Điều 19–20). */
export const TitleCode = z.enum([
  'LDTT',
  'CSTT',
  'CSTDCS',
  'CSTD_BO_TINH',
  'CSTDTQ',
  'TTLDTT',
  'DVTT',
  'TTLDXS',
  'DVQT',
  'CO_BO_TINH',
  'CO_CP',
  'XA_TIEU_BIEU',
  'THON_VAN_HOA',
  'GIA_DINH_VAN_HOA',
]);
export type TitleCode = z.infer<typeof TitleCode>;

/** Commendation forms (Luật TĐKT 2022 Điều 9): orders, medals, state honours, prizes, badges, certificates. */
export const FormCode = z.enum([
  'HC_SAO_VANG',
  'HC_HO_CHI_MINH',
  'HC_DOC_LAP_HANG_NHAT',
  'HC_DOC_LAP_HANG_NHI',
  'HC_DOC_LAP_HANG_BA',
  'HC_QUAN_CONG_HANG_NHAT',
  'HC_QUAN_CONG_HANG_NHI',
  'HC_QUAN_CONG_HANG_BA',
  'HCLD_HANG_NHAT',
  'HCLD_HANG_NHI',
  'HCLD_HANG_BA',
  'HC_BVTQ_HANG_NHAT',
  'HC_BVTQ_HANG_NHI',
  'HC_BVTQ_HANG_BA',
  'HC_CHIEN_CONG_HANG_NHAT',
  'HC_CHIEN_CONG_HANG_NHI',
  'HC_CHIEN_CONG_HANG_BA',
  'HC_DAI_DOAN_KET',
  'HC_DUNG_CAM',
  'HC_HUU_NGHI',
  'HUY_CHUONG_QUAN_KY_QUYET_THANG',
  'HUY_CHUONG_VI_AN_NINH_TO_QUOC',
  'HUY_CHUONG_CHIEN_SI_VE_VANG',
  'HUY_CHUONG_HUU_NGHI',
  'HUY_CHUONG_TNXP_VE_VANG',
  'TINH_ANH_HUNG',
  'BA_ME_VNAH',
  'AH_LLVTND',
  'AH_LAO_DONG',
  'NHA_GIAO_NHAN_DAN',
  'NHA_GIAO_UU_TU',
  'THAY_THUOC_NHAN_DAN',
  'THAY_THUOC_UU_TU',
  'NGHE_SI_NHAN_DAN',
  'NGHE_SI_UU_TU',
  'NGHE_NHAN_NHAN_DAN',
  'NGHE_NHAN_UU_TU',
  'GIAI_THUONG_HCM',
  'GIAI_THUONG_NHA_NUOC',
  'KY_NIEM_CHUONG',
  'BK_TTG',
  'BK_BO_TINH',
  'GIAY_KHEN',
]);
export type FormCode = z.infer<typeof FormCode>;

/** Every award of the catalogue: a title or a form. */
export const AwardCode = z.enum([...TitleCode.options, ...FormCode.options]);
export type AwardCode = z.infer<typeof AwardCode>;
// The Vietnamese name of each code, with its subjects, reward types and statistics column.
export { awardCatalogue, awardName } from './award-catalogue.ts';

/** Who receives an award (đối tượng). */
export const AwardSubject = z.enum(['individual', 'collective', 'household']);
export type AwardSubject = z.infer<typeof AwardSubject>;
export const awardSubjectLabels: Record<AwardSubject, string> = {
  individual: 'Cá nhân',
  collective: 'Tập thể',
  household: 'Hộ gia đình',
};

/** Reward types (loại hình / phương thức khen thưởng, Luật Điều 8; columns of the MoHA statistics forms). */
export const RewardType = z.enum([
  'thuong_xuyen',
  'chuyen_de',
  'dot_xuat',
  'cong_hien',
  'nien_han',
  'doi_ngoai',
  'khang_chien',
]);
export type RewardType = z.infer<typeof RewardType>;
export const rewardTypeLabels: Record<RewardType, string> = {
  thuong_xuyen: 'Thường xuyên (công trạng)',
  chuyen_de: 'Chuyên đề (theo đợt, phong trào)',
  dot_xuat: 'Đột xuất',
  cong_hien: 'Quá trình cống hiến',
  nien_han: 'Niên hạn',
  doi_ngoai: 'Đối ngoại',
  khang_chien: 'Kháng chiến',
};

/** Yearly rating of quality (xếp loại chất lượng), lowest first. */
export const Rating = z.enum(['KHTNV', 'HTNV', 'HTTNV', 'HTXSNV']);
export type Rating = z.infer<typeof Rating>;
export const ratingLabels: Record<Rating, string> = {
  HTXSNV: 'Hoàn thành xuất sắc nhiệm vụ',
  HTTNV: 'Hoàn thành tốt nhiệm vụ',
  HTNV: 'Hoàn thành nhiệm vụ',
  KHTNV: 'Không hoàn thành nhiệm vụ',
};

/** Discipline of a year, lightest first (khiển trách, cảnh cáo, heavier forms). */
export const DisciplineLevel = z.enum(['none', 'reprimand', 'warning', 'higher']);
export type DisciplineLevel = z.infer<typeof DisciplineLevel>;
export const disciplineLevelLabels: Record<DisciplineLevel, string> = {
  none: 'Không bị kỷ luật',
  reprimand: 'Khiển trách',
  warning: 'Cảnh cáo',
  higher: 'Từ cách chức (hạ bậc lương, giáng chức) trở lên',
};

/** Confidence of a legal fact: C confirmed from the text, S secondary source, U unconfirmed. */
export const Confidence = z.enum(['C', 'S', 'U']);
export type Confidence = z.infer<typeof Confidence>;
export const confidenceLabels: Record<Confidence, string> = {
  C: 'Đã xác nhận (trích văn bản)',
  S: 'Nguồn thứ cấp',
  U: 'Chưa xác nhận',
};

/** Where an initiative (or accepted S&T work, or combat ingenuity) was recognised as effective. */
export const InitiativeScope = z.enum(['unit', 'province', 'national']);
export type InitiativeScope = z.infer<typeof InitiativeScope>;
export const initiativeScopeLabels: Record<InitiativeScope, string> = {
  unit: 'cấp cơ sở',
  province: 'cấp bộ, ban, ngành, tỉnh',
  national: 'toàn quốc',
};

/**
 * Who decides: a unit kind of the organisation tree, or one of the three State authorities that
 * sit above every tree (Chủ tịch nước, Chính phủ, Thủ tướng Chính phủ).
 */
export const DeciderKind = z.enum([...UnitKind.options, 'state_president', 'government', 'prime_minister']);
export type DeciderKind = z.infer<typeof DeciderKind>;
export const stateAuthorityLabels = {
  state_president: 'Chủ tịch nước',
  government: 'Chính phủ',
  prime_minister: 'Thủ tướng Chính phủ',
} as const;

/** Columns of the MoHA statistics forms (TT 02/2023/TT-BNV, biểu 0602 and 0603) an award counts in. */
export const StatisticsColumn = z.enum([
  'F0602_C2',
  'F0602_C3',
  'F0602_C4',
  'F0602_C5',
  'F0602_C6',
  'F0602_C7',
  'F0602_C8',
  'F0602_C9',
  'F0603_C2',
  'F0603_C3',
  'F0603_C4',
  'F0603_C5',
]);
export type StatisticsColumn = z.infer<typeof StatisticsColumn>;
export const statisticsColumnLabels: Record<StatisticsColumn, string> = {
  F0602_C2: 'Biểu 0602.N/BNV-TĐKT, cột 2: Các loại huân chương, huy chương',
  F0602_C3: 'Biểu 0602.N/BNV-TĐKT, cột 3: Giải thưởng Hồ Chí Minh',
  F0602_C4: 'Biểu 0602.N/BNV-TĐKT, cột 4: Giải thưởng Nhà nước',
  F0602_C5: 'Biểu 0602.N/BNV-TĐKT, cột 5: Danh hiệu vinh dự nhà nước',
  F0602_C6: 'Biểu 0602.N/BNV-TĐKT, cột 6: Cờ thi đua của Chính phủ',
  F0602_C7: 'Biểu 0602.N/BNV-TĐKT, cột 7: Bằng khen của Thủ tướng Chính phủ',
  F0602_C8: 'Biểu 0602.N/BNV-TĐKT, cột 8: Chiến sĩ thi đua toàn quốc',
  F0602_C9: 'Biểu 0602.N/BNV-TĐKT, cột 9: Các hình thức khen thưởng khác',
  F0603_C2: 'Biểu 0603.N/BNV-TĐKT, cột 2: Bằng khen',
  F0603_C3: 'Biểu 0603.N/BNV-TĐKT, cột 3: Chiến sĩ thi đua cấp bộ, cấp tỉnh',
  F0603_C4: 'Biểu 0603.N/BNV-TĐKT, cột 4: Cờ thi đua của bộ, ban, ngành, đoàn thể TW, tỉnh, TP',
  F0603_C5: 'Biểu 0603.N/BNV-TĐKT, cột 5: Huy hiệu (kỷ niệm chương)',
};

/** Outcome of an eligibility check. */
export const Verdict = z.enum(['eligible', 'not_eligible', 'needs_review']);
export type Verdict = z.infer<typeof Verdict>;
export const verdictLabels: Record<Verdict, string> = {
  eligible: 'Đủ điều kiện',
  not_eligible: 'Chưa đủ điều kiện',
  needs_review: 'Cần xem xét',
};

const isCalendarDate = (value: string): boolean => {
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

/** A real calendar date written `YYYY-MM-DD` (30/02 and 31/04 are refused). */
export const CalendarDate = z
  .string({ error: 'Ngày phải là chuỗi dạng YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD')
  .refine(isCalendarDate, 'Ngày không có thật trên lịch');

/** A year of achievement or of a record. */
export const AwardYear = z
  .number({ error: 'Năm phải là số' })
  .int('Năm phải là số nguyên')
  .min(1945, 'Năm phải từ 1945')
  .max(2100, 'Năm phải đến 2100');

const Count = z.number({ error: 'Phải là số' }).int('Phải là số nguyên').min(0, 'Không được âm');

/** A title received for a year: its code, or its code with the reward type (default thường xuyên). */
export const TitleRecord = z.union([TitleCode, z.strictObject({ code: TitleCode, rewardType: RewardType })]);
export type TitleRecord = z.infer<typeof TitleRecord>;

/** A form received for a year: its code, or its code with the reward type (default thường xuyên). */
export const FormRecord = z.union([FormCode, z.strictObject({ code: FormCode, rewardType: RewardType })]);
export type FormRecord = z.infer<typeof FormRecord>;

/**
 * An initiative recognised in a year (sáng kiến; accepted S&T topics, schemes and works and combat
 * ingenuity count the same way). `usedFor` names the award it already founded: it counts only once.
 */
export const InitiativeFact = z.strictObject({
  scope: InitiativeScope,
  usedFor: z.strictObject({ award: AwardCode, forYear: AwardYear }).optional(),
});
export type InitiativeFact = z.infer<typeof InitiativeFact>;

/** What the subject achieved and received for one year. */
export const HistoryYear = z.strictObject({
  year: AwardYear,
  /** Yearly rating; absent when the subject is not rated (e.g. farmers, workers outside the State). */
  rating: Rating.optional(),
  titles: z.array(TitleRecord).max(50).default([]),
  awards: z.array(FormRecord).max(50).default([]),
  initiatives: z.array(InitiativeFact).max(50).default([]),
  discipline: DisciplineLevel.default('none'),
});
export type HistoryYear = z.infer<typeof HistoryYear>;

/** Members of a collective in the year of achievement (ignored, with a warning, for other subjects). */
export const MemberFacts = z
  .strictObject({
    total: Count.min(1, 'Tập thể phải có ít nhất 1 thành viên').max(1_000_000),
    completedDuties: Count,
    ldtt: Count,
    cstdcs: Count,
    disciplinedWarningOrAbove: Count,
  })
  .superRefine((members, context) => {
    for (const key of ['completedDuties', 'ldtt', 'cstdcs', 'disciplinedWarningOrAbove'] as const) {
      if (members[key] > members.total) {
        context.addIssue({ code: 'custom', path: [key], message: 'Không được lớn hơn tổng số thành viên' });
      }
    }
  });
export type MemberFacts = z.infer<typeof MemberFacts>;

/** Matters still open against the subject (NĐ 152 Điều 4 khoản 4); absent means none recorded. */
export const PendingFacts = z.strictObject({
  discipline: z.boolean().optional(),
  investigation: z.boolean().optional(),
  inspection: z.boolean().optional(),
  complaint: z.boolean().optional(),
});
export type PendingFacts = z.infer<typeof PendingFacts>;

/** Input of one eligibility check (CLI file, API body). Unknown fields are refused. */
export const EligibilityInput = z
  .strictObject({
    award: AwardCode,
    /** Decision date: picks the rule set and the base salary. */
    date: CalendarDate,
    /** Year of the achievement being rewarded. */
    forYear: AwardYear,
    subject: AwardSubject,
    history: z.array(HistoryYear).max(100).default([]),
    members: MemberFacts.optional(),
    pending: PendingFacts.optional(),
    /** A collective: it leads its bloc (khối/cụm) in the year of achievement, by a published bloc scoring. */
    leadsBloc: z.boolean().optional(),
    decider: z.strictObject({ unitKind: DeciderKind }).optional(),
  })
  .superRefine((input, context) => {
    const seen = new Set<number>();
    input.history.forEach((entry, index) => {
      if (seen.has(entry.year)) {
        context.addIssue({ code: 'custom', path: ['history', index, 'year'], message: 'Năm bị lặp lại' });
      }
      seen.add(entry.year);
    });
    if (input.forYear > Number(input.date.slice(0, 4))) {
      context.addIssue({
        code: 'custom',
        path: ['forYear'],
        message: 'Năm thành tích không được sau năm của ngày quyết định',
      });
    }
  });
export type EligibilityInput = z.input<typeof EligibilityInput>;
export type EligibilityFacts = z.output<typeof EligibilityInput>;

/** One condition checked, with the article it comes from and its confidence mark. */
export const EligibilityCheck = z.object({
  code: z.string(),
  article: z.string(),
  confidence: Confidence,
  /** null: cannot be decided from the facts (a judgment of the council, or missing knowledge). */
  met: z.boolean().nullable(),
  message: z.string(),
  /** The route (điểm, khoản) the check belongs to when the award has several. */
  route: z.string().optional(),
});
export type EligibilityCheck = z.infer<typeof EligibilityCheck>;

/** A criterion the council weighs that facts cannot show (đoàn kết, gương mẫu…). */
export const EligibilityNote = z.object({ message: z.string(), article: z.string(), confidence: Confidence });
export type EligibilityNote = z.infer<typeof EligibilityNote>;

/** Result of one eligibility check. */
export const EligibilityResult = z.object({
  award: AwardCode,
  awardName: z.string(),
  ruleSet: z.string(),
  ruleSetName: z.string(),
  subject: AwardSubject,
  forYear: z.number().int(),
  date: z.string(),
  verdict: Verdict,
  checks: z.array(EligibilityCheck),
  warnings: z.array(z.string()),
  notes: z.array(EligibilityNote),
  /** Present when the input names the decider. */
  authority: z
    .object({
      competent: z.boolean().nullable(),
      article: z.string(),
      confidence: Confidence,
      message: z.string(),
    })
    .optional(),
  cash: z.object({
    multiple: z.number().nullable(),
    baseSalary: z.number().int().nullable(),
    amount: z.number().int().nullable(),
    article: z.string(),
    confidence: Confidence,
    message: z.string(),
  }),
});
export type EligibilityResult = z.infer<typeof EligibilityResult>;
