import type { EligibilityResult } from '#contracts/awards.ts';

/** The first check that is not met (or cannot be decided), as the reason shown in a list. */
export function reasonOf(result: Pick<EligibilityResult, 'verdict' | 'checks' | 'warnings' | 'awardName'>): {
  reason: string;
  article: string;
} {
  const failing =
    result.verdict === 'not_eligible'
      ? result.checks.find((check) => check.met === false)
      : result.checks.find((check) => check.met === null);
  if (failing) return { reason: failing.message, article: failing.article };
  if (result.verdict === 'needs_review' && result.warnings[0])
    return { reason: result.warnings[0], article: result.checks[0]?.article ?? '' };
  return {
    reason: `Đáp ứng ${result.checks.length} điều kiện của ${result.awardName}.`,
    article: result.checks[0]?.article ?? '',
  };
}
