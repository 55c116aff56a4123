import type { VoteRule } from '#contracts/award-rules.ts';
import type { Tally, VoteResult } from '#contracts/council-sessions.ts';

/**
 * The quorum when the award's vote rule names none: at least two thirds of the members attend
 * (NĐ 98/2023 Đ47 k4b for the Central Council; Bắc Ninh QĐ 86/2025 Đ8 for a provincial one).
 */
export const DEFAULT_QUORUM = {
  percent: 200 / 3,
  article:
    'Điểm b khoản 4 Điều 47 Nghị định số 98/2023/NĐ-CP; Điều 8 Quyết định số 86/2025/QĐ-UBND tỉnh Bắc Ninh (ít nhất 2/3 thành viên dự họp)',
} as const;

/** The figures of one nominee at one session, as counted from attendance, recusals and ballots. */
export interface TallyInput {
  /** Members of the session (all of the council's members in term on the meeting date). */
  members: number;
  /** Members present at the session. */
  present: number;
  /** Members recused from this nominee, in all and among those present / absent with a written vote. */
  recused: number;
  recusedPresent: number;
  recusedWritten: number;
  /** Members absent who sent a written vote. */
  absentWritten: number;
  /** Electronic ballots (present members). */
  agree: number;
  disagree: number;
  /** Written votes of absent members, recorded by the secretary. */
  writtenAgree: number;
  writtenDisagree: number;
}

/**
 * Tallies one nominee under the award's vote rule (NĐ 98/2023 Đ30 k7: ≥ 90 % or ≥ 80 % "agree" of
 * ALL members of the council, absentees voting in writing; otherwise a majority of those present).
 *
 * - Quorum: members present against all members, at the rule's quorum or else `DEFAULT_QUORUM`;
 *   without it the nominee is `no_quorum` and nothing is decided.
 * - Denominator: `all_members` counts every member not recused from the nominee; `present` counts
 *   the members taking part — present, plus absent members with a written vote when the rule
 *   admits them — recused excluded. A recused member cannot vote, so is never counted against.
 * - Agree: electronic agrees plus, when the rule admits written votes, the written agrees.
 * - Passed when agree / denominator ≥ threshold (or > it for a majority, `strictlyAbove`).
 */
export function tallyNominee(rule: VoteRule, input: TallyInput): Tally {
  const quorum = rule.quorum ?? DEFAULT_QUORUM;
  const quorumMet = input.members > 0 && input.present * 100 >= quorum.percent * input.members - 1e-9;
  const written = rule.absentWrittenVotes;
  const agree = input.agree + (written ? input.writtenAgree : 0);
  const disagree = input.disagree + (written ? input.writtenDisagree : 0);
  const denominator =
    rule.denominator === 'all_members'
      ? input.members - input.recused
      : input.present - input.recusedPresent + (written ? input.absentWritten - input.recusedWritten : 0);
  const percent = denominator > 0 ? Math.round((agree * 10_000) / denominator) / 100 : 0;
  const reached =
    denominator > 0 &&
    (rule.strictlyAbove
      ? agree * 100 > rule.thresholdPercent * denominator
      : agree * 100 >= rule.thresholdPercent * denominator);
  const result: VoteResult = !quorumMet ? 'no_quorum' : reached ? 'passed' : 'failed';
  return {
    result,
    agree,
    disagree,
    denominator: Math.max(denominator, 0),
    allMembers: rule.denominator === 'all_members',
    percent,
    thresholdPercent: rule.thresholdPercent,
    strictlyAbove: rule.strictlyAbove,
    quorumMet,
    article: quorumMet ? rule.article : `${rule.article}; số thành viên dự họp: ${quorum.article}`,
  };
}

/** "≥ 90 % tổng số thành viên" / "> 50 % thành viên tham dự": the rule in words for the minutes. */
export function describeThreshold(tally: Pick<Tally, 'thresholdPercent' | 'strictlyAbove' | 'allMembers'>) {
  const sign = tally.strictlyAbove ? '>' : '≥';
  return `${sign} ${tally.thresholdPercent}% ${tally.allMembers ? 'tổng số thành viên' : 'thành viên tham gia biểu quyết'}`;
}
