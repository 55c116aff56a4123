import { and, asc, desc, eq, like, type SQL, sql } from 'drizzle-orm';
import type { Candidate, CandidatePage, CandidatesQuery } from '#contracts/award-eligibility.ts';
import type { AwardSubject, Verdict } from '#contracts/awards.ts';
import { PERSON_READ_ROLES, resolveScope } from '#server/modules/organisation/organisation.policy.ts';
import { selectRows } from '#server/modules/organisation/sql-rows.ts';
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
import { assertReadable, type Caller, unitSubject } from '../records/subjects.ts';
import type { RuleRegistry } from '../rules/registry.ts';
import { effectiveRegistry } from './effective-rules.ts';
import { defaultDate, listSubject } from './eligibility.service.ts';
import { idArray } from './fact-drafts.ts';
import { type CheckList, listChecker } from './list-check.ts';
import { personFacts } from './record-facts.ts';
import { unitFacts } from './unit-facts.ts';

interface ListRow {
  id: string;
  name: string;
  sortKey: string;
  unitName: string;
}

type ListQuery = Omit<CandidatesQuery, 'after' | 'before' | 'limit' | 'exactTotal'>;

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

/** The check of every subject of one list: the rule set, the compiled rule and what facts it reads. */
function listCheck(registry: RuleRegistry, query: ListQuery): CheckList {
  const subject = listSubject(query.award);
  return listChecker(registry, query.award, subject, query.date ?? defaultDate(query.year), query.year);
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
  check: CheckList,
  rows: ListRow[],
  year: number,
  wholeUnits?: string[],
): Promise<Candidate[]> {
  const ids = rows.map((row) => row.id);
  const subject = check.subject;
  const facts =
    subject === 'individual'
      ? await personFacts(db, ids, year, check.needs, wholeUnits)
      : await unitFacts(db, ids, year, check.needs);
  return rows.map((row) => {
    const { verdict, reason, article } = check.run(facts.get(row.id));
    return { subject, id: row.id, name: row.name, unitName: row.unitName, verdict, reason, article };
  });
}

const shown = (show: CandidatesQuery['show'], verdict: Verdict) =>
  show === 'all' || verdict !== 'not_eligible';

/** How many people or units one round of a candidate search reads. */
const ROUND = 500;

/**
 * One keyset page of the candidates of a unit's subtree: people (or collectives, for collective
 * awards) read in name order in rounds, each round's facts loaded with one query per kind of record
 * the award's rule reads, until the page is full. The cursor is the key of the last candidate shown.
 */
export async function candidatePage(
  db: Database,
  caller: Caller,
  unitId: string,
  query: CandidatesQuery,
): Promise<CandidatePage> {
  const { path } = await listContext(db, caller, unitId);
  const check = listCheck(await effectiveRegistry(db), query);
  const subject = check.subject;
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
    const candidates = await examine(db, check, rows, query.year);
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

/** About how many people one round of a whole-subtree walk examines (whole units are taken). */
const PEOPLE_ROUND = 20_000;
/** How many units the first round of a walk takes, before the rounds are sized by what it found. */
const FIRST_ROUND_UNITS = 400;

/**
 * Every candidate of the subtree at `path`, unit by unit in tree order and by name within a unit (no
 * scope check: callers do it). The subtree's units are read once; their people are read a round of
 * units at a time through the people-by-unit index (each round sized from the people per unit seen
 * so far, about PEOPLE_ROUND people, without counting every unit's people first), with the facts the
 * award's rule reads by the units' records (one index range per unit and kind of record), so a
 * province costs a few dozen small queries. The rule is compiled and its needs worked out once for
 * the whole walk.
 */
export async function* candidatesOfPath(
  db: Executor,
  registry: RuleRegistry,
  path: string,
  query: ListQuery,
): AsyncGenerator<Candidate[]> {
  const check = listCheck(registry, query);
  if (check.subject !== 'individual') {
    const subtree = await selectRows<{
      id: string;
      name: string;
      sortKey: string;
      parentName: string | null;
    }>(
      db,
      sql`select u.id, u.name, u.sort_key as "sortKey", p.name as "parentName"
          from units u left join units p on p.id = u.parent_id
          where u.path like ${`${path}%`} order by u.path`,
    );
    for (let start = 0; start < subtree.length || start === 0; start += PEOPLE_ROUND) {
      const rows = subtree.slice(start, start + PEOPLE_ROUND).map((unit) => ({
        id: unit.id,
        name: unit.name,
        sortKey: unit.sortKey,
        unitName: unit.parentName ?? '',
      }));
      const candidates = await examine(db, check, rows, query.year);
      yield candidates.filter((candidate) => shown(query.show, candidate.verdict));
      if (start + PEOPLE_ROUND >= subtree.length) return;
    }
    return;
  }
  const subtree = await selectRows<{ id: string; name: string }>(
    db,
    sql`select u.id, u.name from units u where u.path like ${`${path}%`} order by u.path`,
  );
  let yielded = false;
  let unitsSeen = 0;
  let peopleSeen = 0;
  for (let start = 0; start < subtree.length; ) {
    // Never more than ten times the first round: units without people so far say little of the rest.
    const take = unitsSeen
      ? Math.min(
          FIRST_ROUND_UNITS * 10,
          Math.max(1, Math.round((PEOPLE_ROUND * unitsSeen) / Math.max(1, peopleSeen))),
        )
      : FIRST_ROUND_UNITS;
    const round = subtree.slice(start, start + take);
    start += round.length;
    const names = new Map(round.map((unit) => [unit.id, unit.name]));
    const rows = await selectRows<ListRow & { unitId: string }>(
      db,
      sql`select p.id, p.full_name as name, p.sort_key as "sortKey", p.unit_id as "unitId"
          from unnest(${idArray(round.map((unit) => unit.id))}::uuid[]) with ordinality as r(unit_id, n)
          join persons p on p.unit_id = r.unit_id
          order by r.n, p.sort_key, p.id`,
    );
    unitsSeen += round.length;
    peopleSeen += rows.length;
    if (!rows.length) continue;
    for (const row of rows) row.unitName = names.get(row.unitId) ?? '';
    const candidates = await examine(
      db,
      check,
      rows,
      query.year,
      round.map((unit) => unit.id),
    );
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
  query: ListQuery,
): AsyncGenerator<Candidate[]> {
  const { path } = await listContext(db, caller, unitId);
  yield* candidatesOfPath(db, await effectiveRegistry(db), path, query);
}
