import { describe, expect, it } from 'vitest';
import {
  type AwardCode,
  type AwardSubject,
  DisciplineLevel,
  type EligibilityFacts,
  type EligibilityInput,
  FormCode,
  InitiativeScope,
  Rating,
  RewardType,
  TitleCode,
} from '#contracts/awards.ts';
import { checkEligibility } from './engine.ts';
import { type FactNeeds, factNeeds } from './fact-needs.ts';
import { parseEligibilityInput } from './input.ts';
import { getShippedRegistry, ruleSetOn } from './registry.ts';

/** A small repeatable random source (mulberry32). */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  return { next, pick, chance: (share: number) => next() < share };
}

type Random = ReturnType<typeof random>;

/** Codes a record of the history draws from: mostly those the award's rule names, some others. */
function records<T extends string>(rng: Random, codes: readonly T[], named: readonly string[]) {
  const pool = codes.filter((code) => named.includes(code));
  const list: (T | { code: T; rewardType: RewardType })[] = [];
  const count = rng.pick([0, 0, 1, 1, 2, 3]);
  for (let index = 0; index < count; index += 1) {
    const code = pool.length && rng.chance(0.8) ? rng.pick(pool) : rng.pick(codes);
    const rewardType = rng.chance(0.7) ? 'thuong_xuyen' : rng.pick(RewardType.options);
    if (list.some((item) => (typeof item === 'string' ? item : item.code) === code)) continue;
    list.push(rewardType === 'thuong_xuyen' ? code : { code, rewardType });
  }
  return list;
}

/** A random history of 14 years up to the year of achievement, with members and open matters. */
function randomInput(
  rng: Random,
  award: AwardCode,
  subject: AwardSubject,
  date: string,
  forYear: number,
  named: readonly string[],
): EligibilityInput {
  const history: NonNullable<EligibilityInput['history']> = [];
  for (let year = forYear - 13; year <= forYear; year += 1) {
    if (rng.chance(0.1)) continue;
    history.push({
      year,
      ...(rng.chance(0.9) ? { rating: rng.pick(Rating.options) } : {}),
      titles: records(rng, TitleCode.options, named),
      awards: records(rng, FormCode.options, named),
      initiatives: Array.from({ length: rng.pick([0, 0, 1, 2]) }, () => ({
        scope: rng.pick(InitiativeScope.options),
        ...(rng.chance(0.3)
          ? { usedFor: { award: rng.chance(0.5) ? award : rng.pick(named as AwardCode[]), forYear } }
          : {}),
      })),
      discipline: rng.chance(0.85) ? 'none' : rng.pick(DisciplineLevel.options),
    });
  }
  const total = 1 + Math.floor(rng.next() * 30);
  const share = () => Math.floor(rng.next() * (total + 1));
  return {
    award,
    date,
    forYear,
    subject,
    history,
    ...(rng.chance(0.2) ? { pending: { discipline: true } } : {}),
    ...(subject === 'collective'
      ? {
          members: {
            total,
            completedDuties: Math.max(share(), Math.floor(total * 0.7)),
            ldtt: share(),
            cstdcs: Math.min(share(), 2),
            disciplinedWarningOrAbove: rng.chance(0.8) ? 0 : share(),
          },
        }
      : {}),
  };
}

/** The input with only what `needs` says the rule reads (what a list loads from the records). */
function trimmed(input: EligibilityFacts, needs: FactNeeds): EligibilityFacts {
  const within = (from: number | null, year: number) => from !== null && year >= from;
  const keep = <T>(list: readonly T[]) =>
    list.filter((item) =>
      needs.awardCodes.includes(
        (typeof item === 'string' ? item : (item as { code: string }).code) as AwardCode,
      ),
    );
  const { pending: _pending, members: _members, ...rest } = input;
  return {
    ...rest,
    ...(needs.pending && input.pending ? { pending: input.pending } : {}),
    ...(needs.members && input.members ? { members: input.members } : {}),
    history: input.history.map((year) => ({
      year: year.year,
      ...(within(needs.ratingsFrom, year.year) && year.rating ? { rating: year.rating } : {}),
      titles: within(needs.awardsFrom, year.year) ? keep(year.titles) : [],
      awards: within(needs.awardsFrom, year.year) ? keep(year.awards) : [],
      initiatives: within(needs.initiativesFrom, year.year) ? year.initiatives : [],
      discipline: within(needs.disciplineFrom, year.year) ? year.discipline : 'none',
    })),
  };
}

describe('the facts a rule reads (lists load only those)', () => {
  const registry = getShippedRegistry();
  const cases = registry.ruleSets.flatMap((ruleSet) =>
    [...ruleSet.rules.entries()].flatMap(([award, bySubject]) =>
      (Object.keys(bySubject) as AwardSubject[]).map((subject) => ({ ruleSet, award, subject })),
    ),
  );

  it('gives every award of every rule set the same verdict, checks and warnings on the trimmed facts', () => {
    const rng = random(20251215);
    let compared = 0;
    const verdicts = new Set<string>();
    for (const { ruleSet, award, subject } of cases) {
      const date = ruleSet.data.meta.effectiveFrom;
      const forYear = Number(date.slice(0, 4)) - (rng.chance(0.5) ? 0 : 1);
      expect(ruleSetOn(registry, date)).toBe(ruleSet);
      const needs = factNeeds(ruleSet, award, subject, forYear);
      const named = needs.awardCodes;
      for (let round = 0; round < 25; round += 1) {
        const input = parseEligibilityInput(randomInput(rng, award, subject, date, forYear, named));
        const full = checkEligibility(registry, input);
        const less = checkEligibility(registry, trimmed(input, needs));
        expect(
          { verdict: less.verdict, checks: less.checks, warnings: less.warnings },
          `${ruleSet.data.meta.id} ${award} ${subject}`,
        ).toEqual({ verdict: full.verdict, checks: full.checks, warnings: full.warnings });
        verdicts.add(full.verdict);
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(500);
    expect([...verdicts].sort()).toEqual(['eligible', 'needs_review', 'not_eligible']);
  }, 60_000);

  it('reads only the year of achievement for CSTĐCS and every earlier year for a chain after an award', () => {
    const ruleSet = ruleSetOn(registry, '2025-12-31');
    if (!ruleSet) throw new Error('no rule set');
    expect(factNeeds(ruleSet, 'CSTDCS', 'individual', 2025)).toEqual({
      ratingsFrom: 2025,
      awardsFrom: 2025,
      awardCodes: ['CSTDCS', 'CSTT', 'LDTT'],
      initiativesFrom: 2025,
      disciplineFrom: 2025,
      pending: true,
      members: false,
      bloc: false,
    });
    expect(factNeeds(ruleSet, 'CO_BO_TINH', 'collective', 2025).bloc).toBe(true);
    const chains = cases.filter(({ ruleSet: set, award, subject }) =>
      JSON.stringify(set.rules.get(award)?.[subject]?.criteria.rule).includes('after_award_chain'),
    );
    expect(chains.length).toBeGreaterThan(0);
    for (const { ruleSet: set, award, subject } of chains)
      expect(factNeeds(set, award, subject, 2025).awardsFrom).toBe(Number.NEGATIVE_INFINITY);
    expect(factNeeds(ruleSet, 'TTLDTT', 'individual', 2025).ratingsFrom).toBeNull();
  });
});
