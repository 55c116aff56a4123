import type { AwardCode, AwardSubject } from '#contracts/awards.ts';
import type { AppraisalEligibility } from '#contracts/nomination-appraisal.ts';
import {
  effectiveRegistry,
  eligibilityInput,
  personFacts,
  reasonOf,
  runCheck,
  unitFacts,
} from '#server/modules/awards/index.ts';
import type { Executor } from '#server/platform/db/client.ts';
import type { nominees } from '#server/platform/db/schema.ts';
import { AppError } from '#server/platform/http/app-error.ts';

type Row = typeof nominees.$inferSelect;

/** The decision date a round's verdicts are computed on: its deadline, else 31/12 of its year. */
export function appraisalDate(round: { year: number; deadline: string | null }): string {
  return round.deadline ?? `${round.year}-12-31`;
}

/** The verdict of one nominee, or why there is none. */
export type NomineeVerdict = { eligibility: AppraisalEligibility | null; error: string | null };

/**
 * The eligibility engine's verdict for each nominee's proposed award, for the last year of its
 * period, on the round's date (on 31/12 of that year when the round's date is earlier), from the
 * award records: the facts of all people and of all units read in one batch per kind of record.
 */
export async function nomineeVerdicts(
  db: Executor,
  rows: readonly Row[],
  date: string,
): Promise<Map<string, NomineeVerdict>> {
  const registry = await effectiveRegistry(db);
  const years = [...new Set(rows.map((row) => row.periodTo))];
  const facts = new Map<string, Awaited<ReturnType<typeof personFacts>>>();
  for (const year of years) {
    const ofYear = rows.filter((row) => row.periodTo === year);
    const personIds = ofYear.flatMap((row) => (row.personId ? [row.personId] : []));
    const unitIds = ofYear.flatMap((row) => (row.unitId ? [row.unitId] : []));
    const [people, collectives] = await Promise.all([
      personFacts(db, [...new Set(personIds)], year),
      unitFacts(db, [...new Set(unitIds)], year),
    ]);
    facts.set(String(year), new Map([...people, ...collectives]));
  }
  const result = new Map<string, NomineeVerdict>();
  for (const row of rows) {
    const on = Number(date.slice(0, 4)) < row.periodTo ? `${row.periodTo}-12-31` : date;
    const subjectId = row.personId ?? row.unitId;
    const subjectFacts = subjectId ? facts.get(String(row.periodTo))?.get(subjectId) : undefined;
    try {
      const input = eligibilityInput(
        row.awardCode as AwardCode,
        row.subject as AwardSubject,
        on,
        row.periodTo,
        subjectFacts,
      );
      const checked = runCheck(registry, input);
      result.set(row.id, {
        eligibility: {
          verdict: checked.verdict,
          ruleSetName: checked.ruleSetName,
          date: on,
          forYear: row.periodTo,
          reason: reasonOf(checked).reason,
          checks: checked.checks,
          warnings: checked.warnings,
          notes: checked.notes,
        },
        error: null,
      });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      result.set(row.id, { eligibility: null, error: error.message });
    }
  }
  return result;
}
