import type { AuthorityGrant } from '#contracts/award-rules.ts';
import {
  type AwardCode,
  type Confidence,
  type DeciderKind,
  type EligibilityResult,
  stateAuthorityLabels,
} from '#contracts/awards.ts';
import { type UnitKind, unitKindLabels } from '#contracts/organisation.ts';
import { type CompiledRuleSet, grantsFor } from './registry.ts';

/** Vietnamese name of a kind of decider. */
export function deciderLabel(kind: DeciderKind): string {
  return kind in stateAuthorityLabels
    ? stateAuthorityLabels[kind as keyof typeof stateAuthorityLabels]
    : unitKindLabels[kind as UnitKind];
}

const rank: Record<Confidence, number> = { C: 0, S: 1, U: 2 };
const best = (grants: AuthorityGrant[]): Confidence =>
  grants.reduce<Confidence>(
    (found, grant) => (rank[grant.confidence] < rank[found] ? grant.confidence : found),
    'U',
  );
const articles = (grants: AuthorityGrant[]) => [...new Set(grants.map((grant) => grant.article))].join('; ');

/**
 * Whether a kind of decider may decide an award in a rule set. Competent when a confirmed (C/S) grant
 * names it; not competent when confirmed grants name others only; unknown (null) otherwise.
 */
export function decideAuthority(
  ruleSet: CompiledRuleSet,
  award: AwardCode,
  kind: DeciderKind,
): NonNullable<EligibilityResult['authority']> {
  const name = ruleSet.context.name(award);
  const who = deciderLabel(kind);
  const extra = ruleSet.data.meta.deciderNotes[kind];
  const withExtra = (text: string) => (extra ? `${text} ${extra}` : text);
  const mine = grantsFor(ruleSet, award, kind);
  const confirmed = mine.filter((grant) => grant.confidence !== 'U');
  if (confirmed.length) {
    const note = confirmed.find((grant) => grant.note)?.note;
    return {
      competent: true,
      article: articles(confirmed),
      confidence: best(confirmed),
      message: `${who}: có thẩm quyền quyết định tặng ${name}.${note ? ` ${note}` : ''}`,
    };
  }
  const others = grantsFor(ruleSet, award).filter((grant) => grant.confidence !== 'U');
  if (others.length) {
    const holders = [...new Set(others.flatMap((grant) => grant.kinds))].map(deciderLabel).join('; ');
    return {
      competent: false,
      article: articles(others),
      confidence: best(others),
      message: withExtra(
        `${who}: không có thẩm quyền quyết định tặng ${name}; thẩm quyền thuộc: ${holders}.`,
      ),
    };
  }
  const note = mine.find((grant) => grant.note)?.note;
  return {
    competent: null,
    article: articles(mine.length ? mine : grantsFor(ruleSet, award)) || ruleSet.data.meta.name,
    confidence: 'U',
    message: withExtra(
      `Chưa xác nhận được thẩm quyền của ${who} đối với ${name}.${note ? ` ${note}` : ''} Cần cán bộ kiểm tra.`,
    ),
  };
}
