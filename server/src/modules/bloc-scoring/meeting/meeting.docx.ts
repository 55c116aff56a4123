import { sql } from 'drizzle-orm';
import { renderDocx } from '#server/modules/documents/index.ts';
import { selectRows } from '#server/modules/organisation/sql-rows.ts';
import type { Executor } from '#server/platform/db/client.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import type { Caller } from '../bloc-scoring.policy.ts';
import { blocFor } from '../ranking/ranking.service.ts';
import { readMeeting } from './meeting.service.ts';
import {
  composeBlocMinutes,
  composeBlocProposal,
  type MeetingFacts,
  proposalTable,
  rankingTable,
} from './meeting-docs.ts';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The published meeting's facts; 403 unless the head, the supervising member or a manager; 409 before publication. */
async function meetingFacts(
  db: Executor,
  caller: Caller,
  tableId: string,
  blocId: string,
): Promise<MeetingFacts> {
  const { table, bloc, access, canPublish } = await blocFor(db, caller, tableId, blocId);
  if (!(canPublish || access.parts.get(blocId)?.isSupervisor)) throw new AppError('OUT_OF_SCOPE');
  const { publication, members } = await readMeeting(db, tableId, blocId);
  if (!publication)
    throw new AppError('CONFLICT', 'Biên bản và tờ trình chỉ có sau khi khối/cụm công bố kết quả xếp hạng.');
  const results = await selectRows<MeetingFacts['results'][number]>(
    db,
    sql`select r.unit_id as "unitId", u.name as "unitName", r.total, r.rank, r.is_leading as "isLeading"
      from scoring_results r join units u on u.id = r.unit_id
      where r.publication_id = ${publication.id} order by r.rank, u.name`,
  );
  const name = (id: string | null) => members.find((member) => member.unitId === id)?.unitName ?? null;
  return {
    councilName: table.councilName,
    tableName: table.table.name,
    year: table.table.year,
    blocName: bloc.name,
    headUnitName: bloc.headUnitName,
    date: publication.publishedAt.toISOString().slice(0, 10),
    note: publication.note,
    members,
    present: publication.presentUnitIds,
    results: results.map((row) => ({ ...row, total: Number(row.total), rank: Number(row.rank) })),
    votes: publication.votes,
    proposals: publication.proposals,
    nextHeadName: name(publication.nextHeadUnitId),
    nextDeputyName: name(publication.nextDeputyUnitId),
  };
}

/** The minutes of the bloc meeting as NĐ 30 DOCX, with the ranking table and the proposals attached. */
export async function blocMinutesDocx(db: Executor, caller: Caller, tableId: string, blocId: string) {
  const facts = await meetingFacts(db, caller, tableId, blocId);
  const tables = [rankingTable(facts)];
  if (facts.proposals.length)
    tables.push(proposalTable(facts, `(Kèm theo Biên bản họp ${facts.blocName} năm ${facts.year})`));
  return {
    buffer: await renderDocx(composeBlocMinutes(facts), { tables }),
    contentType: DOCX_TYPE,
    fileName: `bien-ban-hop-khoi-${facts.year}.docx`,
  };
}

/** The proposal (tờ trình) for the awards the meeting proposed, as NĐ 30 DOCX with the list; 409 without proposals. */
export async function blocProposalDocx(db: Executor, caller: Caller, tableId: string, blocId: string) {
  const facts = await meetingFacts(db, caller, tableId, blocId);
  if (!facts.proposals.length)
    throw new AppError(
      'CONFLICT',
      'Hội nghị khối/cụm không đề nghị khen thưởng đơn vị nào; không có tờ trình.',
    );
  return {
    buffer: await renderDocx(composeBlocProposal(facts), {
      tables: [proposalTable(facts, `(Kèm theo Tờ trình của ${facts.headUnitName ?? facts.blocName})`)],
    }),
    contentType: DOCX_TYPE,
    fileName: `to-trinh-de-nghi-khen-thuong-khoi-${facts.year}.docx`,
  };
}
