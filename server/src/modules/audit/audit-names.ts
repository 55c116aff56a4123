import { type SQL, sql } from 'drizzle-orm';
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

/** The id and name columns of one kind of record, and what to read them from. */
function nameSource(kind: AuditReferenceKind): { id: SQL; name: SQL; from: SQL } {
  switch (kind) {
    case 'unit':
      return { id: sql`${units.id}`, name: sql`${units.name}`, from: sql`${units}` };
    case 'person':
      return { id: sql`${persons.id}`, name: sql`${persons.fullName}`, from: sql`${persons}` };
    case 'user':
      return {
        id: sql`${users.id}`,
        name: sql`${users.fullName} || ' (' || ${users.username} || ')'`,
        from: sql`${users}`,
      };
    case 'council':
      return { id: sql`${councils.id}`, name: sql`${councils.name}`, from: sql`${councils}` };
    case 'council_member':
      return {
        id: sql`${councilMembers.id}`,
        name: sql`${persons.fullName}`,
        from: sql`${councilMembers} join ${persons} on ${persons.id} = ${councilMembers.personId}`,
      };
    case 'bloc':
      return {
        id: sql`${blocs.id}`,
        name: sql`${blocs.name} || ' (năm ' || ${blocs.year}::text || ')'`,
        from: sql`${blocs}`,
      };
    case 'movement':
      return { id: sql`${movements.id}`, name: sql`${movements.name}`, from: sql`${movements}` };
    case 'movement_milestone':
      return {
        id: sql`${movementMilestones.id}`,
        name: sql`${movementMilestones.title}`,
        from: sql`${movementMilestones}`,
      };
    case 'movement_assignment':
      return {
        id: sql`${movementAssignments.id}`,
        name: sql`${movementAssignments.task}`,
        from: sql`${movementAssignments}`,
      };
    case 'plan_obligation':
      return {
        id: sql`${planObligations.id}`,
        name: sql`concat_ws(' — ', ${units.name}, ${movements.name})`,
        from: sql`${planObligations} join ${units} on ${units.id} = ${planObligations.unitId}
                  join ${movements} on ${movements.id} = ${planObligations.movementId}`,
      };
    case 'registration':
      return {
        id: sql`${registrations.id}`,
        name: sql`concat_ws(' — ', coalesce(${persons.fullName}, ${units.name}), ${movements.name})`,
        from: sql`${registrations} join ${units} on ${units.id} = ${registrations.unitId}
                  join ${movements} on ${movements.id} = ${registrations.movementId}
                  left join ${persons} on ${persons.id} = ${registrations.personId}`,
      };
  }
}

/**
 * The names of every record a page of audit events mentions: ONE query whatever the page holds
 * (a part per kind of record present, joined with UNION ALL), never one per row.
 */
export async function resolveAuditNames(
  executor: Executor,
  rows: readonly NamedAuditRow[],
): Promise<NamesByKind> {
  const ids = collectAuditIds(rows);
  const names: NamesByKind = new Map();
  if (!ids.size) return names;
  const parts = [...ids].map(([kind, set]) => {
    const source = nameSource(kind);
    // The ids are checked UUIDs (lower case), passed as one array literal.
    return sql`(select ${kind}::text as kind, ${source.id}::text as id, ${source.name} as name
                  from ${source.from} where ${source.id} = any(${`{${[...set].join(',')}}`}::uuid[]))`;
  });
  const found = (await executor.execute(sql.join(parts, sql` union all `))) as unknown as {
    rows: { kind: AuditReferenceKind; id: string; name: string }[];
  };
  for (const row of found.rows) {
    const byId = names.get(row.kind) ?? new Map<string, string>();
    byId.set(row.id, row.name);
    names.set(row.kind, byId);
  }
  return names;
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
