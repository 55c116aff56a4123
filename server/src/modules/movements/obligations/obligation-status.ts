import type { ObligationStatus } from '#contracts/movements.ts';

/** What the dashboard needs of an obligation to tell its status. */
export interface ObligationFacts {
  state: 'pending' | 'issued' | 'not_applicable';
  dueOn: string | null;
  /** ISO date (YYYY-MM-DD) the implementing plan was issued. */
  issuedOn: string | null;
}

/**
 * The dashboard status of an obligation on `today` (YYYY-MM-DD): issued on time or late against its
 * deadline, still pending before the deadline, missing after it, or not applicable.
 * The same rule is written in SQL in cascade.repo.ts; the unit tests keep the two in step.
 */
export function obligationStatus(facts: ObligationFacts | null, today: string): ObligationStatus {
  if (!facts) return 'none';
  if (facts.state === 'not_applicable') return 'not_applicable';
  if (facts.state === 'issued') {
    return facts.dueOn && facts.issuedOn && facts.issuedOn > facts.dueOn ? 'late' : 'on_time';
  }
  return facts.dueOn && facts.dueOn < today ? 'missing' : 'pending';
}

/** Zero counts for every status, to fill in. */
export function emptyCounts(): Record<ObligationStatus, number> {
  return { on_time: 0, late: 0, pending: 0, missing: 0, not_applicable: 0, none: 0 };
}

/** The default deadline of implementing plans: 30 days after the launch. */
export function defaultPlanDeadline(launchedOn: string): string {
  const date = new Date(`${launchedOn}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 30);
  return date.toISOString().slice(0, 10);
}
