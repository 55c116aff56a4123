import { and, asc, desc, eq, inArray, like, type SQL, sql } from 'drizzle-orm';
import { awardCatalogue } from '#contracts/award-catalogue.ts';
import type {
  Candidate,
  CandidatePage,
  CandidatesQuery,
  EligibilityQuery,
} from '#contracts/award-records.ts';
import type {
  AwardCode,
  AwardSubject,
  EligibilityFacts,
  EligibilityResult,
  Verdict,
} from '#contracts/awards.ts';
import { PERSON_READ_ROLES, resolveScope } from '#server/modules/organisation/organisation.policy.ts';
import type { Database, Executor } from '#server/platform/db/client.ts';
import {
  countCapped,
  decodeCursor,
  encodeCursor,
  type KeyValue,
  keyCompare,
} from '#server/platform/db/keyset.ts';
import { persons, units } from '#server/platform/db/schema.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { assertReadable, type Caller, personSubject, unitSubject } from '../records/subjects.ts';
import { formatDate } from '../rules/cash.ts';
import { checkEligibility } from '../rules/engine.ts';
import { type RuleRegistry, ruleSetOn } from '../rules/registry.ts';
import { EligibilityInputError } from '../rules/rule-data-error.ts';
import { effectiveRegistry } from './effective-rules.ts';
import { eligibilityInput, personFacts, type SubjectFacts, unitFacts } from './record-facts.ts';

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
const defaultDate = (forYear: number) => `${forYear}-12-31`;

/** Throws 400 unless a rule set covers the date (checked once per list, not per person). */
function assertRuleSetOn(registry: RuleRegistry, date: string): void {
  if (!ruleSetOn(registry, date)) {
    const message = `Không có bộ quy tắc khen thưởng nào áp dụng cho ngày ${formatDate(date)}.`;
    throw new AppError('VALIDATION_FAILED', message, [{ path: 'date', message }]);
  }
}

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

/** The first check that is not met (or cannot be decided), as the reason shown in a list. */
export function reasonOf(result: EligibilityResult): { reason: string; article: string } {
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

interface ListRow {
  id: string;
  name: string;
  sortKey: string;
  unitName: string;
}

const KINDS = ['string', 'uuid'] as const;

/** The list a candidate search walks: the unit's subtree, within the caller's scope. */
async function listContext(db: Database, caller: Caller, unitId: string) {
  const subject = await unitSubject(db, unitId, 'id');
  await assertReadable(db, caller, subject);
  const scope = await resolveScope(db, caller.principal, PERSON_READ_ROLES);
  if (scope !== null && !scope.some((prefix) => subject.path.startsWith(prefix)))
    throw new AppError('OUT_OF_SCOPE');
  return { path: subject.path };
}

/** Reads a slice of the subtree's people or units in key order. */
function sliceReader(db: Executor, subject: AwardSubject, path: string) {
  return async (where: SQL | undefined, descending: boolean, limit: number): Promise<ListRow[]> => {
    const order = descending ? desc : asc;
    if (subject === 'individual') {
      return db
        .select({ id: persons.id, name: persons.fullName, sortKey: persons.sortKey, unitName: units.name })
        .from(persons)
        .innerJoin(units, eq(units.id, persons.unitId))
        .where(and(like(units.path, `${path}%`), where))
        .orderBy(order(persons.sortKey), order(persons.id))
        .limit(limit);
    }
    const parents = sql`(select p.name from units p where p.id = ${units.parentId})`;
    return db
      .select({
        id: units.id,
        name: units.name,
        sortKey: units.sortKey,
        unitName: sql<string>`coalesce(${parents}, '')`,
      })
      .from(units)
      .where(and(like(units.path, `${path}%`), where))
      .orderBy(order(units.sortKey), order(units.id))
      .limit(limit);
  };
}

/** Examines a batch of people or units and returns each as a candidate with the verdict and reason. */
async function examine(
  db: Executor,
  registry: RuleRegistry,
  rows: ListRow[],
  award: AwardCode,
  subject: AwardSubject,
  date: string,
  year: number,
): Promise<Candidate[]> {
  const ids = rows.map((row) => row.id);
  const facts: Map<string, SubjectFacts> =
    subject === 'individual' ? await personFacts(db, ids, year) : await unitFacts(db, ids, year);
  return rows.map((row) => {
    const result = checkEligibility(
      registry,
      eligibilityInput(award, subject, date, year, facts.get(row.id)),
    );
    return {
      subject,
      id: row.id,
      name: row.name,
      unitName: row.unitName,
      verdict: result.verdict,
      ...reasonOf(result),
    };
  });
}

const shown = (show: CandidatesQuery['show'], verdict: Verdict) =>
  show === 'all' || verdict !== 'not_eligible';

/** How many people or units one round of a candidate search reads. */
const ROUND = 500;

/**
 * One keyset page of the candidates of a unit's subtree: people (or collectives, for collective
 * awards) read in name order in rounds, each round's facts loaded with one query per kind of record,
 * until the page is full. The cursor is the key of the last candidate shown.
 */
export async function candidatePage(
  db: Database,
  caller: Caller,
  unitId: string,
  query: CandidatesQuery,
): Promise<CandidatePage> {
  const { path } = await listContext(db, caller, unitId);
  const registry = await effectiveRegistry(db);
  const date = query.date ?? defaultDate(query.year);
  assertRuleSetOn(registry, date);
  const subject = listSubject(query.award);
  const read = sliceReader(db, subject, path);
  const columns = subject === 'individual' ? [persons.sortKey, persons.id] : [units.sortKey, units.id];
  if (query.after && query.before) throw new AppError('VALIDATION_FAILED', 'Vị trí trang không hợp lệ.');
  const descending = Boolean(query.before);
  const cursor = query.after ?? query.before;
  let key: KeyValue[] | null = cursor ? decodeCursor(cursor, KINDS, query.before ? 'before' : 'after') : null;
  const found: (Candidate & { sortKey: string })[] = [];
  let examined = 0;
  let more = false;
  for (;;) {
    const rows = await read(
      key ? keyCompare(columns, descending ? '<' : '>', key) : undefined,
      descending,
      ROUND,
    );
    examined += rows.length;
    const candidates = await examine(db, registry, rows, query.award, subject, date, query.year);
    for (const [index, candidate] of candidates.entries()) {
      if (!shown(query.show, candidate.verdict)) continue;
      if (found.length === query.limit) {
        more = true;
        break;
      }
      found.push({ ...candidate, sortKey: (rows[index] as ListRow).sortKey });
    }
    if (more || rows.length < ROUND) break;
    const last = rows[rows.length - 1] as ListRow;
    key = [last.sortKey, last.id];
  }
  if (descending) found.reverse();
  const keyOf = (row: { sortKey: string; id: string }) => encodeCursor([row.sortKey, row.id]);
  const first = found[0];
  const lastFound = found[found.length - 1];
  const hasBefore = descending ? more : Boolean(cursor);
  const hasAfter = descending ? true : more;
  const countSelect =
    subject === 'individual'
      ? sql`select 1 from persons p join units u on u.id = p.unit_id where u.path like ${`${path}%`}`
      : sql`select 1 from units u where u.path like ${`${path}%`}`;
  return {
    items: found.map(({ sortKey: _, ...candidate }) => candidate),
    next: hasAfter && lastFound ? keyOf(lastFound) : null,
    prev: hasBefore && first ? keyOf(first) : null,
    total: await countCapped(db, countSelect, query.exactTotal === 'true'),
    examined,
  };
}

/** How many units one round of a whole-subtree walk reads the people of. */
const UNIT_ROUND = 100;

/**
 * Every candidate of the subtree at `path`, unit by unit in tree order and by name within a unit (no
 * scope check: callers do it). The subtree's units are read once; their people are read a round of
 * units at a time through the people-by-unit index, so a province costs a few dozen small queries.
 */
export async function* candidatesOfPath(
  db: Executor,
  registry: RuleRegistry,
  path: string,
  query: Omit<CandidatesQuery, 'after' | 'before' | 'limit' | 'exactTotal'>,
): AsyncGenerator<Candidate[]> {
  const date = query.date ?? defaultDate(query.year);
  assertRuleSetOn(registry, date);
  const subject = listSubject(query.award);
  const subtree = await db
    .select({ id: units.id, name: units.name, sortKey: units.sortKey, parentId: units.parentId })
    .from(units)
    .where(like(units.path, `${path}%`))
    .orderBy(asc(units.path));
  if (subject !== 'individual') {
    const names = new Map(subtree.map((unit) => [unit.id, unit.name]));
    for (let start = 0; start < subtree.length || start === 0; start += 2000) {
      const rows = subtree.slice(start, start + 2000).map((unit) => ({
        id: unit.id,
        name: unit.name,
        sortKey: unit.sortKey,
        unitName: (unit.parentId && names.get(unit.parentId)) || '',
      }));
      const candidates = await examine(db, registry, rows, query.award, subject, date, query.year);
      yield candidates.filter((candidate) => shown(query.show, candidate.verdict));
      if (start + 2000 >= subtree.length) return;
    }
    return;
  }
  let yielded = false;
  for (let start = 0; start < subtree.length; start += UNIT_ROUND) {
    const round = subtree.slice(start, start + UNIT_ROUND);
    const names = new Map(round.map((unit) => [unit.id, unit.name]));
    const people = await db
      .select({ id: persons.id, name: persons.fullName, sortKey: persons.sortKey, unitId: persons.unitId })
      .from(persons)
      .where(
        inArray(
          persons.unitId,
          round.map((unit) => unit.id),
        ),
      );
    if (!people.length) continue;
    const order = new Map(round.map((unit, index) => [unit.id, index]));
    people.sort(
      (a, b) =>
        (order.get(a.unitId) ?? 0) - (order.get(b.unitId) ?? 0) ||
        (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : a.id < b.id ? -1 : 1),
    );
    const rows = people.map((person) => ({ ...person, unitName: names.get(person.unitId) ?? '' }));
    const candidates = await examine(db, registry, rows, query.award, subject, date, query.year);
    yielded = true;
    yield candidates.filter((candidate) => shown(query.show, candidate.verdict));
  }
  if (!yielded) yield [];
}

/** Every candidate of the subtree, in batches, for the XLSX export (the first batch before the reply). */
export async function* allCandidates(
  db: Database,
  caller: Caller,
  unitId: string,
  query: Omit<CandidatesQuery, 'after' | 'before' | 'limit' | 'exactTotal'>,
): AsyncGenerator<Candidate[]> {
  const { path } = await listContext(db, caller, unitId);
  yield* candidatesOfPath(db, await effectiveRegistry(db), path, query);
}
