import { eq, sql } from 'drizzle-orm';
import type { VoteRule } from '#contracts/award-rules.ts';
import type { AwardCode } from '#contracts/awards.ts';
import type { Tally } from '#contracts/council-sessions.ts';
import { effectiveRegistry } from '#server/modules/awards/eligibility/effective-rules.ts';
import { procedureOf, ruleSetOn } from '#server/modules/awards/index.ts';
import type { Executor } from '#server/platform/db/client.ts';
import { councilSessionMembers } from '#server/platform/db/schema.ts';
import { type TallyInput, tallyNominee } from './vote-tally.ts';

/** When no rule set is in force on the meeting date: a simple majority of those present. */
const MAJORITY: VoteRule = {
  body: 'Hội đồng Thi đua – Khen thưởng',
  thresholdPercent: 50,
  strictlyAbove: true,
  denominator: 'present',
  absentWrittenVotes: false,
  secretBallot: true,
  quorum: null,
  article: 'Nguyên tắc biểu quyết theo đa số (chưa có bộ quy định áp dụng cho ngày họp)',
  confidence: 'U',
};

/** The vote rule of each award under the rule set in force on the meeting date (admin overrides applied). */
export async function voteRules(db: Executor, meetingDate: string) {
  const ruleSet = ruleSetOn(await effectiveRegistry(db), meetingDate);
  const cache = new Map<string, VoteRule>();
  return (award: AwardCode): VoteRule => {
    let rule = cache.get(award);
    if (!rule) {
      rule = (ruleSet ? procedureOf(ruleSet.data, award).vote : null) ?? MAJORITY;
      cache.set(award, rule);
    }
    return rule;
  };
}

/** Whether a rule admits absent members' written votes (the secretary may record them). */
export const admitsWrittenVotes = (rule: VoteRule) => rule.absentWrittenVotes;

type Row = {
  id: string;
  nomineeId: string;
  awardCode: string;
  agree: number;
  disagree: number;
  writtenAgree: number;
  writtenDisagree: number;
  recused: number;
  recusedPresent: number;
  recusedWritten: number;
};

/**
 * Tallies every agenda item of a session in three queries whatever its size: attendance counts,
 * the items with their counters and recusal counts, and the rules of the meeting date.
 */
export async function tallySession(tx: Executor, sessionId: string, meetingDate: string) {
  const [attendance] = await tx
    .select({
      members: sql<number>`count(*)::int`,
      present: sql<number>`(count(*) filter (where ${councilSessionMembers.attendance} = 'present'))::int`,
      absentWritten: sql<number>`(count(*) filter (where ${councilSessionMembers.attendance} = 'absent_written'))::int`,
    })
    .from(councilSessionMembers)
    .where(eq(councilSessionMembers.sessionId, sessionId));
  const result = (await tx.execute(sql`
    select a.id, a.nominee_id as "nomineeId", n.award_code as "awardCode",
      coalesce(c.agree, 0) as agree, coalesce(c.disagree, 0) as disagree,
      a.written_agree as "writtenAgree", a.written_disagree as "writtenDisagree",
      coalesce(r.recused, 0) as recused, coalesce(r.present, 0) as "recusedPresent",
      coalesce(r.written, 0) as "recusedWritten"
    from council_agenda_items a
    join nominees n on n.id = a.nominee_id
    left join ballot_counts c on c.agenda_item_id = a.id
    left join (
      select x.nominee_id, count(*)::int as recused,
        (count(*) filter (where m.attendance = 'present'))::int as present,
        (count(*) filter (where m.attendance = 'absent_written'))::int as written
      from council_recusals x
      join council_session_members m on m.session_id = x.session_id and m.member_id = x.member_id
      where x.session_id = ${sessionId}
      group by x.nominee_id
    ) r on r.nominee_id = a.nominee_id
    where a.session_id = ${sessionId}
    order by a.position, a.id`)) as unknown as { rows: Row[] };
  const ruleOf = await voteRules(tx, meetingDate);
  const base = {
    members: Number(attendance?.members ?? 0),
    present: Number(attendance?.present ?? 0),
    absentWritten: Number(attendance?.absentWritten ?? 0),
  };
  return result.rows.map((row): { id: string; nomineeId: string; tally: Tally } => {
    const input: TallyInput = {
      ...base,
      recused: Number(row.recused),
      recusedPresent: Number(row.recusedPresent),
      recusedWritten: Number(row.recusedWritten),
      agree: Number(row.agree),
      disagree: Number(row.disagree),
      writtenAgree: Number(row.writtenAgree),
      writtenDisagree: Number(row.writtenDisagree),
    };
    return {
      id: row.id,
      nomineeId: row.nomineeId,
      tally: tallyNominee(ruleOf(row.awardCode as AwardCode), input),
    };
  });
}
