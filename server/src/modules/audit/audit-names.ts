import { eq, inArray } from 'drizzle-orm';
import { type AuditReferenceKind, auditReferenceFields } from '#contracts/audit-fields.ts';
import type { Executor } from '#server/platform/db/client.ts';
import {
  blocs,
  councilMembers,
  councils,
  movementAssignments,
  movementMilestones,
  movements,
  persons,
  planObligations,
  registrations,
  units,
  users,
} from '#server/platform/db/schema.ts';

/** What the name lookup needs of an audit row. */
export interface NamedAuditRow {
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

/** Ids found in a page of events, by kind of record. */
type IdsByKind = Map<AuditReferenceKind, Set<string>>;
/** Names found, by kind of record and id. */
export type NamesByKind = Map<AuditReferenceKind, Map<string, string>>;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const entityKinds = new Set<string>([
  'unit',
  'person',
  'user',
  'council',
  'bloc',
  'movement',
  'movement_milestone',
  'movement_assignment',
  'plan_obligation',
  'registration',
]);

function add(ids: IdsByKind, kind: AuditReferenceKind, id: unknown): void {
  if (typeof id !== 'string' || !uuidPattern.test(id)) return;
  const set = ids.get(kind) ?? new Set<string>();
  set.add(id.toLowerCase());
  ids.set(kind, set);
}

/** Walks a before/after value and notes every id held by a reference field (nested members included). */
function collectReferences(value: unknown, ids: IdsByKind, depth = 0): void {
  if (!value || typeof value !== 'object' || depth > 4) return;
  if (Array.isArray(value)) {
    for (const item of value) collectReferences(item, ids, depth + 1);
    return;
  }
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    const kind = auditReferenceFields[key];
    if (kind && Array.isArray(inner)) for (const id of inner) add(ids, kind, id);
    else if (kind) add(ids, kind, inner);
    else collectReferences(inner, ids, depth + 1);
  }
}

/** The kind of record an event is about, when its names can be looked up. */
export function entityKindOf(entityType: string): AuditReferenceKind | null {
  return entityKinds.has(entityType) ? (entityType as AuditReferenceKind) : null;
}

/** Every record id a page of events mentions (its subjects and the ids in before/after), by kind. */
export function collectAuditIds(rows: readonly NamedAuditRow[]): IdsByKind {
  const ids: IdsByKind = new Map();
  for (const row of rows) {
    const kind = entityKindOf(row.entityType);
    if (kind) add(ids, kind, row.entityId);
    collectReferences(row.before, ids);
    collectReferences(row.after, ids);
  }
  return ids;
}

const joinName = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join(' — ');

/** One query per kind of record present on the page: the names of those ids. */
async function lookUp(executor: Executor, kind: AuditReferenceKind, ids: string[]) {
  switch (kind) {
    case 'unit':
      return executor.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, ids));
    case 'person':
      return executor
        .select({ id: persons.id, name: persons.fullName })
        .from(persons)
        .where(inArray(persons.id, ids));
    case 'user': {
      const rows = await executor
        .select({ id: users.id, fullName: users.fullName, username: users.username })
        .from(users)
        .where(inArray(users.id, ids));
      return rows.map((row) => ({ id: row.id, name: `${row.fullName} (${row.username})` }));
    }
    case 'council':
      return executor
        .select({ id: councils.id, name: councils.name })
        .from(councils)
        .where(inArray(councils.id, ids));
    case 'council_member':
      return executor
        .select({ id: councilMembers.id, name: persons.fullName })
        .from(councilMembers)
        .innerJoin(persons, eq(persons.id, councilMembers.personId))
        .where(inArray(councilMembers.id, ids));
    case 'bloc': {
      const rows = await executor
        .select({ id: blocs.id, name: blocs.name, year: blocs.year })
        .from(blocs)
        .where(inArray(blocs.id, ids));
      return rows.map((row) => ({ id: row.id, name: `${row.name} (năm ${row.year})` }));
    }
    case 'movement':
      return executor
        .select({ id: movements.id, name: movements.name })
        .from(movements)
        .where(inArray(movements.id, ids));
    case 'movement_milestone':
      return executor
        .select({ id: movementMilestones.id, name: movementMilestones.title })
        .from(movementMilestones)
        .where(inArray(movementMilestones.id, ids));
    case 'movement_assignment':
      return executor
        .select({ id: movementAssignments.id, name: movementAssignments.task })
        .from(movementAssignments)
        .where(inArray(movementAssignments.id, ids));
    case 'plan_obligation': {
      const rows = await executor
        .select({ id: planObligations.id, unit: units.name, movement: movements.name })
        .from(planObligations)
        .innerJoin(units, eq(units.id, planObligations.unitId))
        .innerJoin(movements, eq(movements.id, planObligations.movementId))
        .where(inArray(planObligations.id, ids));
      return rows.map((row) => ({ id: row.id, name: joinName(row.unit, row.movement) }));
    }
    case 'registration': {
      const rows = await executor
        .select({
          id: registrations.id,
          unit: units.name,
          person: persons.fullName,
          movement: movements.name,
        })
        .from(registrations)
        .innerJoin(units, eq(units.id, registrations.unitId))
        .innerJoin(movements, eq(movements.id, registrations.movementId))
        .leftJoin(persons, eq(persons.id, registrations.personId))
        .where(inArray(registrations.id, ids));
      return rows.map((row) => ({ id: row.id, name: joinName(row.person ?? row.unit, row.movement) }));
    }
  }
}

/**
 * The names of every record a page of audit events mentions: one query per kind of record present
 * (at most eleven, whatever the page size), never one per row.
 */
export async function resolveAuditNames(
  executor: Executor,
  rows: readonly NamedAuditRow[],
): Promise<NamesByKind> {
  const ids = collectAuditIds(rows);
  const found = await Promise.all(
    [...ids].map(async ([kind, set]) => [kind, await lookUp(executor, kind, [...set])] as const),
  );
  return new Map(found.map(([kind, list]) => [kind, new Map(list.map((row) => [row.id, row.name]))]));
}

/** The name a record had in the event itself (a deleted council keeps its name in `before`). */
function nameInSnapshot(row: NamedAuditRow): string | null {
  for (const value of [row.after, row.before]) {
    if (!value || typeof value !== 'object' || Array.isArray(value)) continue;
    const record = value as Record<string, unknown>;
    if (row.entityType === 'council' && 'personId' in record) continue; // a member row, not the council
    for (const key of ['name', 'fullName', 'title', 'task']) {
      if (typeof record[key] === 'string' && record[key]) return record[key] as string;
    }
  }
  return null;
}

/** An event's subject by name, and the names of the ids in its before/after. */
export function namesForEvent(row: NamedAuditRow, names: NamesByKind) {
  const kind = entityKindOf(row.entityType);
  const entityName =
    (kind && row.entityId ? names.get(kind)?.get(row.entityId.toLowerCase()) : undefined) ??
    nameInSnapshot(row);
  const own = collectAuditIds([{ ...row, entityId: null }]);
  const referenced: Record<string, string> = {};
  for (const [refKind, set] of own) {
    for (const id of set) {
      const name = names.get(refKind)?.get(id);
      if (name) referenced[id] = name;
    }
  }
  return { entityName: entityName ?? null, names: referenced };
}
