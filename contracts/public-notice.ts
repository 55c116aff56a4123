import { z } from 'zod';
import {
  CursorQuery,
  cursorPageOf,
  IsoDate,
  MultilineText,
  RecordVersion,
  StoredDate,
  Text,
  Uuid,
} from './common.ts';
import { NominationStatus } from './nominees.ts';

/** Where a public notice stands: before its first day, open for comments, ended, or withdrawn. */
export const PublicNoticeStatus = z.enum(['scheduled', 'open', 'ended', 'withdrawn']);
export type PublicNoticeStatus = z.infer<typeof PublicNoticeStatus>;
export const publicNoticeStatusLabels: Record<PublicNoticeStatus, string> = {
  scheduled: 'Chưa đến ngày công khai',
  open: 'Đang lấy ý kiến',
  ended: 'Đã hết thời gian lấy ý kiến',
  withdrawn: 'Đã rút công khai',
};

/** A public comment's moderation: held until the office publishes it (or hides it). */
export const PublicCommentStatus = z.enum(['pending', 'published', 'hidden']);
export type PublicCommentStatus = z.infer<typeof PublicCommentStatus>;
export const publicCommentStatusLabels: Record<PublicCommentStatus, string> = {
  pending: 'Chờ duyệt',
  published: 'Đã công bố',
  hidden: 'Không công bố',
};

/** Limits of the public comment form (also shown on the page). */
export const COMMENT_LIMITS = { name: 200, contact: 200, body: 4000 } as const;

/** The public comment form, as the server reads it (no sign-in; the token and honeypot are checked apart). */
export const PublicCommentForm = z.object({
  authorName: Text(COMMENT_LIMITS.name).min(1, 'Vui lòng nhập họ và tên'),
  contact: Text(COMMENT_LIMITS.contact).optional(),
  body: MultilineText(COMMENT_LIMITS.body).min(10, 'Ý kiến cần ít nhất 10 ký tự'),
});
export type PublicCommentForm = z.infer<typeof PublicCommentForm>;

/** Posts nominees of one tờ trình (or several) for public comment from `startDate` (today when absent). */
export const CreatePublicNoticeBody = z.object({
  nomineeIds: z.array(Uuid).min(1, 'Chọn ít nhất một đối tượng để công khai').max(200),
  startDate: IsoDate.optional(),
  /** The text shown above the nominee on the public page; a standard text when absent. */
  noticeText: MultilineText(4000).optional(),
});
export type CreatePublicNoticeBody = z.infer<typeof CreatePublicNoticeBody>;

export const WithdrawPublicNoticeBody = z.object({
  version: RecordVersion,
  reason: MultilineText(2000).min(1, 'Vui lòng nhập lý do rút công khai'),
});
export type WithdrawPublicNoticeBody = z.infer<typeof WithdrawPublicNoticeBody>;

/** What the user may do with a notice now. */
export const PublicNoticeAction = z.enum(['withdraw', 'moderate']);
export type PublicNoticeAction = z.infer<typeof PublicNoticeAction>;

/** A public notice as the office sees it. */
export const PublicNotice = z.object({
  id: z.string(),
  nominee: z.object({ id: z.string(), nominationId: z.string(), status: NominationStatus }),
  receivingUnit: z.object({ id: z.string(), name: z.string() }),
  startDate: StoredDate,
  endDate: StoredDate,
  workingDays: z.number().int(),
  article: z.string(),
  noticeText: z.string(),
  subjectName: z.string(),
  position: z.string().nullable(),
  unitName: z.string().nullable(),
  awardName: z.string(),
  achievements: z.string(),
  status: PublicNoticeStatus,
  withdrawnAt: z.string().nullable(),
  withdrawReason: z.string().nullable(),
  commentCount: z.number().int(),
  unansweredCount: z.number().int(),
  /** The notice's page on the public site. */
  publicPath: z.string(),
  createdAt: z.string(),
  actions: z.array(PublicNoticeAction),
  version: z.number().int(),
});
export type PublicNotice = z.infer<typeof PublicNotice>;

export const PublicNoticeQuery = CursorQuery.extend({
  status: PublicNoticeStatus.optional(),
  nominationId: Uuid.optional(),
});
export type PublicNoticeQuery = z.infer<typeof PublicNoticeQuery>;
export const PublicNoticePage = cursorPageOf(PublicNotice);
export type PublicNoticePage = z.infer<typeof PublicNoticePage>;

/** A comment from the public as the office sees it (contact included: never shown publicly). */
export const PublicComment = z.object({
  id: z.string(),
  noticeId: z.string(),
  authorName: z.string(),
  contact: z.string().nullable(),
  body: z.string(),
  status: PublicCommentStatus,
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  answeredBy: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type PublicComment = z.infer<typeof PublicComment>;

export const PublicCommentQuery = CursorQuery.extend({
  status: PublicCommentStatus.optional(),
  unanswered: z.enum(['true', 'false']).optional(),
});
export type PublicCommentQuery = z.infer<typeof PublicCommentQuery>;
export const PublicCommentPage = cursorPageOf(PublicComment);
export type PublicCommentPage = z.infer<typeof PublicCommentPage>;

export const AnswerCommentBody = z.object({
  version: RecordVersion,
  answer: MultilineText(4000).min(1, 'Vui lòng nhập nội dung trả lời'),
});
export type AnswerCommentBody = z.infer<typeof AnswerCommentBody>;
export const ModerateCommentBody = z.object({ version: RecordVersion });

/** A nominee of a tờ trình as a candidate for public notice: whether it may be posted now, and why not. */
export const NoticeCandidate = z.object({
  nomineeId: z.string(),
  subjectName: z.string(),
  awardName: z.string(),
  status: NominationStatus,
  requiresNotice: z.boolean(),
  workingDays: z.number().int().nullable(),
  article: z.string(),
  canPost: z.boolean(),
  /** Why it cannot be posted now (Vietnamese), null when it can. */
  reason: z.string().nullable(),
  activeNoticeId: z.string().nullable(),
});
export type NoticeCandidate = z.infer<typeof NoticeCandidate>;
export const NoticeCandidateList = z.object({
  items: z.array(NoticeCandidate),
  /** The first day of a notice posted today, for the confirmation. */
  startDate: StoredDate,
  /** True when the caller is a TĐKT officer of the receiving level (may post and open the notices). */
  canManage: z.boolean(),
});
export type NoticeCandidateList = z.infer<typeof NoticeCandidateList>;
export const NoticeCandidateQuery = z.object({ nominationId: Uuid });
