import { sql } from 'drizzle-orm';
import { type AwardCode, awardName } from '#contracts/awards.ts';
import { type Tally, voteResultLabels } from '#contracts/council-sessions.ts';
import type { DocNode, ParsedDocument } from '#contracts/documents.ts';
import { type DocumentTable, renderDocx } from '#server/modules/documents/index.ts';
import type { Executor } from '#server/platform/db/client.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { nomineeJoins, nomineeNameSql } from '../sessions/agenda.repo.ts';
import type { SessionWithCouncil } from '../sessions/sessions.repo.ts';
import { describeThreshold } from '../tally/vote-tally.ts';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const node = (label: string | null, text: string, children: DocNode[] = []): DocNode => ({
  label,
  text,
  lines: [0, 0],
  children,
});
const dmy = (date: string) => date.split('-').reverse().join('/');

/** A moment in Vietnam time (UTC+7, no daylight saving): "HH:mm" and "dd/mm/yyyy". */
export function vietnamClock(at: Date): { time: string; date: string } {
  const local = new Date(at.getTime() + 7 * 3_600_000).toISOString();
  return { time: local.slice(11, 16), date: dmy(local.slice(0, 10)) };
}

/** A member of the session and their attendance. */
type Attendee = { memberId: string; name: string; role: string; attendance: string };

/** One line of the tally table. */
export interface MinutesLine {
  name: string;
  unitName: string;
  awardCode: string;
  tally: Tally;
}

/** Everyone at the session by attendance, and the agenda with its stored tallies, read in two queries. */
export async function readMinutes(db: Executor, sessionId: string) {
  const members = (
    (await db.execute(sql`select m.member_id as "memberId", p.full_name as name, cm.role, m.attendance
      from council_session_members m join council_members cm on cm.id = m.member_id
      join persons p on p.id = cm.person_id where m.session_id = ${sessionId}
      order by p.sort_key, m.member_id`)) as unknown as { rows: Attendee[] }
  ).rows;
  const lines = (
    (await db.execute(sql`select ${nomineeNameSql} as name, pu.name as "unitName", n.award_code as "awardCode", a.tally
      from council_agenda_items a join nominees n on n.id = a.nominee_id join nominations t on t.id = n.nomination_id
      ${nomineeJoins} where a.session_id = ${sessionId} order by a.position, a.id`)) as unknown as {
      rows: MinutesLine[];
    }
  ).rows;
  return { members, lines };
}

/** The tally table of the minutes: one row per nominee with votes, share, threshold and result. */
export function tallyTable(lines: readonly MinutesLine[]): DocumentTable {
  return {
    title: 'KẾT QUẢ BỎ PHIẾU',
    note: '(Kèm theo Biên bản họp Hội đồng Thi đua – Khen thưởng)',
    columns: [
      { title: 'STT', width: 5, align: 'center' },
      { title: 'Họ và tên / Tên tập thể', width: 20 },
      { title: 'Đơn vị', width: 17 },
      { title: 'Danh hiệu, hình thức đề nghị', width: 16 },
      { title: 'Đồng ý', width: 7, align: 'center' },
      { title: 'Không đồng ý', width: 8, align: 'center' },
      { title: 'Tỷ lệ đồng ý', width: 10, align: 'center' },
      { title: 'Yêu cầu', width: 10, align: 'center' },
      { title: 'Kết quả', width: 8, align: 'center' },
    ],
    rows: lines.map((line, index) => [
      String(index + 1),
      line.name,
      line.unitName,
      awardName(line.awardCode as AwardCode),
      String(line.tally.agree),
      String(line.tally.disagree),
      `${line.tally.agree}/${line.tally.denominator} (${line.tally.percent.toLocaleString('vi-VN')}%)`,
      describeThreshold(line.tally),
      voteResultLabels[line.tally.result],
    ]),
  };
}

/** The minutes (biên bản họp Hội đồng TĐKT) of a closed session as a document of the engine. */
export function composeMinutes(
  row: SessionWithCouncil,
  members: Attendee[],
  lines: readonly MinutesLine[],
): ParsedDocument {
  const { session } = row;
  const byAttendance = (value: string) => members.filter((member) => member.attendance === value);
  const names = (list: { name: string }[]) =>
    list.length ? list.map((member) => member.name).join(', ') : 'không';
  const chair = members.find((member) => member.memberId === session.chairMemberId)?.name;
  const secretary = (
    members.find((member) => member.memberId === session.secretaryMemberId) ??
    members.find((member) => member.role === 'secretary')
  )?.name;
  const closed = session.closedAt ? vietnamClock(session.closedAt) : null;
  const count = (result: Tally['result']) => lines.filter((line) => line.tally.result === result).length;
  const articles = [...new Set(lines.map((line) => line.tally.article))];
  const sections = [
    node(
      'I.',
      `Thời gian, địa điểm: ngày ${dmy(session.meetingDate)}, tại ${session.place}.${closed ? ` Bỏ phiếu kín điện tử kết thúc lúc ${closed.time} ngày ${closed.date}.` : ''}`,
    ),
    node('II.', 'Thành phần:', [
      node(
        '1.',
        `Tổng số thành viên Hội đồng: ${members.length}; chủ tọa: ${chair ?? ''}; thư ký: ${secretary ?? ''}.`,
      ),
      node('2.', `Có mặt: ${byAttendance('present').length} (${names(byAttendance('present'))}).`),
      node(
        '3.',
        `Vắng mặt có phiếu bằng văn bản: ${byAttendance('absent_written').length} (${names(byAttendance('absent_written'))}).`,
      ),
      node('4.', `Vắng mặt: ${byAttendance('absent').length} (${names(byAttendance('absent'))}).`),
    ]),
    node(
      'III.',
      `Nội dung: Hội đồng xem xét, bỏ phiếu kín đối với ${lines.length} cá nhân, tập thể được đề nghị khen thưởng. Thành viên là người được đề nghị hoặc có xung đột lợi ích không tham gia biểu quyết đối với trường hợp đó. Tỷ lệ phiếu đồng ý được tính theo ${articles.join('; ') || 'quy định hiện hành'}.`,
    ),
    node(
      'IV.',
      `Kết quả: ${count('passed')} trường hợp đạt, ${count('failed')} trường hợp không đạt${count('no_quorum') ? `, ${count('no_quorum')} trường hợp chưa xét được do không đủ số thành viên dự họp` : ''} (chi tiết tại bảng kết quả kèm theo).`,
    ),
  ];
  return {
    kind: 'BIÊN BẢN',
    type: 'minutes',
    issuer: { parent: null, name: row.councilName.toUpperCase() },
    number: null,
    place: null,
    date: session.meetingDate,
    title: `Họp Hội đồng Thi đua – Khen thưởng: ${session.title}`,
    authority: null,
    incoming: null,
    addressees: [],
    legalBasis: [],
    preamble: [],
    enacting: null,
    movement: { name: null, periodFrom: null, periodTo: null, periodSource: null },
    sections,
    articles: [],
    contents: { collective: [], individual: [] },
    criteria: { collective: [], individual: [] },
    awards: [],
    milestones: [],
    assignments: [],
    funding: null,
    // One signature block in the renderer: the secretary signs and is named first, the chair below.
    signature: {
      authority: ['THƯ KÝ HỘI ĐỒNG', '', '', '', secretary ?? '', ''],
      title: 'CHỦ TỌA',
      name: chair ?? null,
    },
    recipients: [{ text: 'Lưu: hồ sơ khen thưởng', subEntries: [] }],
    attachments: [],
    truncated: false,
    unclassified: [],
  };
}

/** The minutes of a closed session as DOCX (409 while the session is open: the tally is not final). */
export async function minutesDocx(db: Executor, row: SessionWithCouncil) {
  if (row.session.status !== 'closed')
    throw new AppError('CONFLICT', 'Biên bản chỉ có sau khi phiên họp kết thúc và kiểm phiếu.');
  const { members, lines } = await readMinutes(db, row.session.id);
  const buffer = await renderDocx(composeMinutes(row, members, lines), { tables: [tallyTable(lines)] });
  return {
    buffer,
    contentType: DOCX_TYPE,
    fileName: `bien-ban-hop-hoi-dong-${row.session.meetingDate}.docx`,
  };
}
