import { z } from 'zod';
import { AwardCode } from './awards.ts';
import { CursorQuery, cursorPageOf, IsoDate, RecordVersion, StoredDate, Text, Uuid } from './common.ts';
import { CouncilRole } from './councils.ts';

/** Council sessions (phiên họp Hội đồng TĐKT) and their secret ballot: contracts shared by server and web. */

/** A session is open for votes until the chair closes it or its closing time passes. */
export const SessionStatus = z.enum(['open', 'closed']);
export type SessionStatus = z.infer<typeof SessionStatus>;
export const sessionStatusLabels: Record<SessionStatus, string> = {
  open: 'Đang bỏ phiếu',
  closed: 'Đã kết thúc',
};

/** A member's attendance: present, absent with a written vote (phiếu bằng văn bản), or absent. */
export const Attendance = z.enum(['present', 'absent_written', 'absent']);
export type Attendance = z.infer<typeof Attendance>;
export const attendanceLabels: Record<Attendance, string> = {
  present: 'Có mặt',
  absent_written: 'Vắng, có phiếu bằng văn bản',
  absent: 'Vắng',
};

/** One ballot choice: agree or disagree (đồng ý / không đồng ý). */
export const BallotChoice = z.enum(['agree', 'disagree']);
export type BallotChoice = z.infer<typeof BallotChoice>;
export const ballotChoiceLabels: Record<BallotChoice, string> = { agree: 'Đồng ý', disagree: 'Không đồng ý' };

/** Why a member is recused from a nominee: the member is the nominee, or declared a conflict. */
export const RecusalReason = z.enum(['self', 'conflict']);
export type RecusalReason = z.infer<typeof RecusalReason>;
export const recusalReasonLabels: Record<RecusalReason, string> = {
  self: 'Là người được đề nghị',
  conflict: 'Tự khai có xung đột lợi ích',
};

/** The tally of one nominee at close: passed, failed, or not decided for want of a quorum. */
export const VoteResult = z.enum(['passed', 'failed', 'no_quorum']);
export type VoteResult = z.infer<typeof VoteResult>;
export const voteResultLabels: Record<VoteResult, string> = {
  passed: 'Đạt',
  failed: 'Không đạt',
  no_quorum: 'Không đủ số thành viên dự họp',
};

/** What the signed-in user may do with a session; the page shows only these buttons. */
export const SessionAction = z.enum(['edit', 'agenda', 'attendance', 'written_votes', 'vote', 'close']);
export type SessionAction = z.infer<typeof SessionAction>;

/** Most nominees one agenda request may add. */
export const AGENDA_ADD_MAX = 2_000;

const sessionFields = {
  title: Text(300).min(3, 'Nhập tên phiên họp (ít nhất 3 ký tự)'),
  meetingDate: IsoDate,
  place: Text(200).min(2, 'Nhập địa điểm họp'),
  /** When voting ends (ISO date-time); the session closes itself then. */
  closesAt: z.iso.datetime({ offset: true, message: 'Thời điểm kết thúc bỏ phiếu không hợp lệ' }),
  chairMemberId: Uuid,
  secretaryMemberId: Uuid,
};

/** POST /api/council-sessions: a session of a council with its chair and secretary (council members). */
export const SessionCreateBody = z.strictObject({ councilId: Uuid, ...sessionFields });
export type SessionCreateBody = z.infer<typeof SessionCreateBody>;

/** PATCH /api/council-sessions/:id: an open session's fields at the version loaded. */
export const SessionUpdateBody = z.strictObject({
  title: sessionFields.title.optional(),
  meetingDate: IsoDate.optional(),
  place: sessionFields.place.optional(),
  closesAt: sessionFields.closesAt.optional(),
  chairMemberId: Uuid.optional(),
  secretaryMemberId: Uuid.optional(),
  version: RecordVersion,
});
export type SessionUpdateBody = z.infer<typeof SessionUpdateBody>;

export const SessionListQuery = CursorQuery.extend({ status: SessionStatus.optional() });
export type SessionListQuery = z.infer<typeof SessionListQuery>;

const Person = z.object({ memberId: z.string(), name: z.string() });

export const SessionListItem = z.object({
  id: z.string(),
  title: z.string(),
  councilName: z.string(),
  meetingDate: StoredDate,
  place: z.string(),
  closesAt: z.string(),
  status: SessionStatus,
  agendaCount: z.number().int(),
});
export type SessionListItem = z.infer<typeof SessionListItem>;
export const SessionPage = cursorPageOf(SessionListItem);
export type SessionPage = z.infer<typeof SessionPage>;

/** One member of the session (frozen at creation from the council's members in term on the meeting date). */
export const SessionMember = z.object({
  memberId: z.string(),
  name: z.string(),
  role: CouncilRole,
  attendance: Attendance,
  /** The attendance row's version, sent back when it changes. */
  version: z.number().int(),
  /** Agenda items this member has voted on (never how). */
  votedCount: z.number().int(),
});
export type SessionMember = z.infer<typeof SessionMember>;

export const SessionView = SessionListItem.extend({
  councilId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  chair: Person,
  secretary: Person,
  closedAt: z.string().nullable(),
  version: z.number().int(),
  members: z.array(SessionMember),
  /** The signed-in user's own membership, when they sit on this session. */
  myMemberId: z.string().nullable(),
  actions: z.array(SessionAction),
});
export type SessionView = z.infer<typeof SessionView>;

/** The tally of one nominee under the award's vote rule (stored at close; live figures before it). */
export const Tally = z.object({
  result: VoteResult,
  agree: z.number().int(),
  disagree: z.number().int(),
  /** The figure the threshold is measured against (all members or those taking part, recused excluded). */
  denominator: z.number().int(),
  /** True when the denominator is every member (NĐ 98 Đ30 k7), false when those taking part. */
  allMembers: z.boolean(),
  percent: z.number(),
  thresholdPercent: z.number(),
  strictlyAbove: z.boolean(),
  quorumMet: z.boolean(),
  /** The article the rule comes from, e.g. "Khoản 7 Điều 30 Nghị định số 98/2023/NĐ-CP". */
  article: z.string(),
});
export type Tally = z.infer<typeof Tally>;

export const AgendaItem = z.object({
  nomineeId: z.string(),
  /** The tờ trình the nominee belongs to (its appraisal page is the dossier the council reads). */
  nominationId: z.string(),
  name: z.string(),
  unitName: z.string(),
  awardCode: AwardCode,
  awardName: z.string(),
  /** Members recused from this nominee. */
  recused: z.array(z.object({ memberId: z.string(), name: z.string(), reason: RecusalReason })),
  /** How many members have voted electronically (never how). */
  ballotsCast: z.number().int(),
  writtenAgree: z.number().int(),
  writtenDisagree: z.number().int(),
  /** The agenda item's version, sent back with written votes. */
  version: z.number().int(),
  /** For the signed-in member: voted already, recused, or may vote. */
  myBallot: z.enum(['voted', 'recused', 'pending']).nullable(),
  /** Stored at close; null while the session is open. */
  tally: Tally.nullable(),
});
export type AgendaItem = z.infer<typeof AgendaItem>;
export const AgendaPage = cursorPageOf(AgendaItem);
export type AgendaPage = z.infer<typeof AgendaPage>;
export const AgendaQuery = CursorQuery;

/** A nominee that may be put on the agenda: appraised, in a tờ trình received by the council's level. */
export const AgendaCandidate = z.object({
  nomineeId: z.string(),
  name: z.string(),
  unitName: z.string(),
  awardCode: AwardCode,
  awardName: z.string(),
  nominationTitle: z.string(),
});
export const AgendaCandidatePage = cursorPageOf(AgendaCandidate);
export type AgendaCandidatePage = z.infer<typeof AgendaCandidatePage>;

/** POST /api/council-sessions/:id/agenda: add appraised nominees (they move to "in council"). */
export const AgendaAddBody = z.strictObject({
  version: RecordVersion,
  nomineeIds: z
    .array(Uuid)
    .min(1, 'Chọn ít nhất một đối tượng')
    .max(AGENDA_ADD_MAX, `Tối đa ${AGENDA_ADD_MAX} đối tượng mỗi lần`),
});
export type AgendaAddBody = z.infer<typeof AgendaAddBody>;

/** DELETE /api/council-sessions/:id/agenda/:nomineeId?version=: the session's version. */
export const VersionQuery = z.object({ version: z.coerce.number().int().min(1, 'Phiên bản không hợp lệ') });

/** PUT /api/council-sessions/:id/attendance/:memberId. */
export const AttendanceBody = z.strictObject({ attendance: Attendance, version: RecordVersion });

/** POST /api/council-sessions/:id/recusals: a member declares a conflict of interest on a nominee. */
export const RecusalBody = z.strictObject({
  memberId: Uuid,
  nomineeId: Uuid,
  note: Text(500).min(3, 'Nêu lý do (ít nhất 3 ký tự)'),
});
export type RecusalBody = z.infer<typeof RecusalBody>;

/** POST /api/council-sessions/:id/ballots: the member's own ballot, one choice per nominee. */
export const BallotBody = z.strictObject({
  choices: z
    .array(z.strictObject({ nomineeId: Uuid, choice: BallotChoice }))
    .min(1, 'Chọn ý kiến cho ít nhất một đối tượng')
    .max(AGENDA_ADD_MAX, `Tối đa ${AGENDA_ADD_MAX} đối tượng mỗi lần`)
    .refine(
      (choices) => new Set(choices.map((choice) => choice.nomineeId)).size === choices.length,
      'Mỗi đối tượng chỉ bỏ một phiếu',
    ),
});
export type BallotBody = z.infer<typeof BallotBody>;
/** Answer to a ballot: how many nominees were voted on (the choices are never echoed). */
export const BallotReceipt = z.object({ voted: z.number().int() });

const Count = z.number().int('Số phiếu phải là số nguyên').min(0, 'Số phiếu không âm').max(10_000);
/** PUT /api/council-sessions/:id/agenda/:nomineeId/written-votes: counts of absent members' written votes. */
export const WrittenVotesBody = z.strictObject({ agree: Count, disagree: Count, version: RecordVersion });
export type WrittenVotesBody = z.infer<typeof WrittenVotesBody>;

/** POST /api/council-sessions/:id/close at the session's version. */
export const SessionCloseBody = z.strictObject({ version: RecordVersion });
