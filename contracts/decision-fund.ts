import { z } from 'zod';
import { CursorQuery, cursorPageOf, IsoDate, RecordVersion, StoredDate, Text, Uuid } from './common.ts';

/** Lines of a unit's reward fund (quỹ thi đua, khen thưởng). */
export const FundEntryKind = z.enum(['income', 'payout', 'spending']);
export type FundEntryKind = z.infer<typeof FundEntryKind>;
export const fundEntryKindLabels: Record<FundEntryKind, string> = {
  income: 'Thu (trích lập)',
  payout: 'Chi tiền thưởng',
  spending: 'Chi khác',
};

/** What a line is for. Payouts are made only from issued decisions (`award`). */
export const FundCategory = z.enum([
  'budget',
  'contribution',
  'recovery',
  'other_income',
  'award',
  'organising',
  'other_spending',
]);
export type FundCategory = z.infer<typeof FundCategory>;
export const fundCategoryLabels: Record<FundCategory, string> = {
  budget: 'Ngân sách nhà nước cấp',
  contribution: 'Đóng góp của cá nhân, tổ chức',
  recovery: 'Thu hồi tiền thưởng (quyết định bị hủy bỏ)',
  other_income: 'Nguồn thu hợp pháp khác',
  award: 'Chi tiền thưởng theo quyết định',
  organising: 'Chi cho công tác tổ chức, chỉ đạo phong trào thi đua',
  other_spending: 'Chi khác',
};
/** Categories allowed for each kind of line entered by hand. */
export const fundCategoriesOf: Record<'income' | 'spending', FundCategory[]> = {
  income: ['budget', 'contribution', 'recovery', 'other_income'],
  spending: ['organising', 'other_spending'],
};

/** The share of the fund for organising work (TT 28/2025/TT-BTC; awards-research §g.3, S). */
export const ORGANISING_SHARE_MAX = 0.2;

const Amount = z
  .number({ error: 'Số tiền phải là số' })
  .int('Số tiền tính bằng đồng, không có phần lẻ')
  .min(1, 'Số tiền phải lớn hơn 0')
  .max(1_000_000_000_000, 'Số tiền quá lớn');

/** POST /api/fund-entries: an income or spending line (payouts come from decisions). */
export const FundEntryBody = z
  .strictObject({
    unitId: Uuid,
    kind: z.enum(['income', 'spending']),
    category: FundCategory,
    entryDate: IsoDate,
    amount: Amount,
    description: Text(500).min(2, 'Nhập nội dung'),
  })
  .superRefine((body, context) => {
    if (!fundCategoriesOf[body.kind].includes(body.category))
      context.addIssue({
        code: 'custom',
        path: ['category'],
        message: 'Loại không hợp với khoản thu, chi này',
      });
  });
export type FundEntryBody = z.infer<typeof FundEntryBody>;

/** PATCH /api/fund-entries/:id: a hand-entered line at the version loaded. */
export const FundEntryUpdateBody = z.strictObject({
  category: FundCategory.optional(),
  entryDate: IsoDate.optional(),
  amount: Amount.optional(),
  description: Text(500).min(2, 'Nhập nội dung').optional(),
  version: RecordVersion,
});
export type FundEntryUpdateBody = z.infer<typeof FundEntryUpdateBody>;

/** DELETE /api/fund-entries/:id?version=. */
export const FundEntryDeleteQuery = z.object({ version: z.coerce.number().pipe(RecordVersion) });

/** GET /api/fund: one unit's ledger for a year. */
export const FundQuery = CursorQuery.extend({
  unitId: Uuid,
  year: z.coerce.number().int().min(1900).max(2999),
});
export type FundQuery = z.infer<typeof FundQuery>;
export const FundReportQuery = z.object({ unitId: Uuid, year: z.coerce.number().int().min(1900).max(2999) });

export const FundEntryView = z.object({
  id: Uuid,
  version: z.number().int(),
  kind: FundEntryKind,
  category: FundCategory,
  entryDate: StoredDate,
  amount: z.number(),
  description: z.string(),
  decisionId: Uuid.nullable(),
  decisionNumber: z.string().nullable(),
});
export type FundEntryView = z.infer<typeof FundEntryView>;

/** Totals of a year: opening balance, income, payouts, other spending, closing balance. */
export const FundTotals = z.object({
  opening: z.number(),
  income: z.number(),
  payouts: z.number(),
  organising: z.number(),
  otherSpending: z.number(),
  balance: z.number(),
  /** Organising spending over the year's funds (opening + income); null when there are none. */
  organisingShare: z.number().nullable(),
});
export type FundTotals = z.infer<typeof FundTotals>;

export const FundLedger = cursorPageOf(FundEntryView).extend({
  unitId: Uuid,
  unitName: z.string(),
  year: z.number().int(),
  totals: FundTotals,
  canEdit: z.boolean(),
});
export type FundLedger = z.infer<typeof FundLedger>;

/** POST /api/decisions/:id/payouts: pays every unpaid recipient of an issued decision from the issuing unit's fund. */
export const PayoutBody = z.strictObject({ entryDate: IsoDate });
export const PayoutResult = z.object({
  paid: z.number().int(),
  amount: z.number(),
  /** Recipients without a confirmed cash amount (left for the officer). */
  withoutAmount: z.number().int(),
});
export type PayoutResult = z.infer<typeof PayoutResult>;
export const FundEntryRef = z.object({ id: Uuid, version: z.number().int() });
