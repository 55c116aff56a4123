import { awardCatalogue } from '#contracts/award-catalogue.ts';
import type { EligibilityQuery } from '#contracts/award-eligibility.ts';
import type { AwardCode, AwardSubject, EligibilityFacts, EligibilityResult } from '#contracts/awards.ts';
import type { Database } from '#server/platform/db/client.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { assertReadable, type Caller, personSubject, unitSubject } from '../records/subjects.ts';
import { checkEligibility } from '../rules/engine.ts';
import type { RuleRegistry } from '../rules/registry.ts';
import { EligibilityInputError } from '../rules/rule-data-error.ts';
import { effectiveRegistry } from './effective-rules.ts';
import { eligibilityInput, personFacts } from './record-facts.ts';
import { unitFacts } from './unit-facts.ts';

/** Runs the engine, turning "no rule set on this date" into a Vietnamese 400 naming the field. */
export function runCheck(registry: RuleRegistry, input: EligibilityFacts): EligibilityResult {
  try {
    return checkEligibility(registry, input);
  } catch (error) {
    if (error instanceof EligibilityInputError)
      throw new AppError('VALIDATION_FAILED', error.message, [{ path: error.field, message: error.message }]);
    throw error;
  }
}

/** POST /api/eligibility/check: the engine on the facts given, with the rules in force (overrides included). */
export async function checkGiven(db: Database, input: EligibilityFacts): Promise<EligibilityResult> {
  return runCheck(await effectiveRegistry(db), input);
}

/** The decision date when none is given: the last day of the year of achievement. */
export const defaultDate = (forYear: number) => `${forYear}-12-31`;

/** The subject an award is examined for in a list: people for individual awards, units otherwise. */
export function listSubject(award: AwardCode): AwardSubject {
  return awardCatalogue[award].subjects.includes('individual') ? 'individual' : 'collective';
}

/** One person's eligibility from their records, with the facts read. */
export async function personEligibility(
  db: Database,
  caller: Caller,
  personId: string,
  query: EligibilityQuery,
) {
  await assertReadable(db, caller, await personSubject(db, personId, 'id'));
  const registry = await effectiveRegistry(db);
  const facts = (await personFacts(db, [personId], query.forYear)).get(personId);
  const input = eligibilityInput(
    query.award,
    'individual',
    query.date ?? defaultDate(query.forYear),
    query.forYear,
    facts,
  );
  return { ...runCheck(registry, input), facts: input };
}

/** One unit's eligibility (as a collective) from its records and its members' records. */
export async function unitEligibility(db: Database, caller: Caller, unitId: string, query: EligibilityQuery) {
  await assertReadable(db, caller, await unitSubject(db, unitId, 'id'));
  const registry = await effectiveRegistry(db);
  const facts = (await unitFacts(db, [unitId], query.forYear)).get(unitId);
  const input = eligibilityInput(
    query.award,
    'collective',
    query.date ?? defaultDate(query.forYear),
    query.forYear,
    facts,
  );
  return { ...runCheck(registry, input), facts: input };
}
