import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { PlanContent, PledgeTarget } from '#contracts/movements.ts';
import { persons, units } from '#server/modules/organisation/organisation.schema.ts';
import { timestamps, versioning } from '#server/platform/db/columns.ts';
import { users } from '#server/platform/db/platform.schema.ts';

/**
 * Emulation movements (phong trào thi đua) of a launching unit, implementing an optional parent
 * movement; `root_movement_id` is the top of the chain (itself for a top movement), so a cascade is
 * one indexed filter whatever the depth.
 */
export const movements = pgTable(
  'movements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    theme: text('theme'),
    kind: text('kind').notNull().default('thematic'),
    status: text('status').notNull().default('draft'),
    periodFrom: integer('period_from').notNull(),
    periodTo: integer('period_to').notNull(),
    launchingUnitId: uuid('launching_unit_id')
      .notNull()
      .references(() => units.id),
    parentMovementId: uuid('parent_movement_id').references((): AnyPgColumn => movements.id),
    rootMovementId: uuid('root_movement_id').references((): AnyPgColumn => movements.id),
    /** Number and symbol of the current plan ("68/KH-UBND"), copied for search and legal-basis links. */
    planNumber: text('plan_number'),
    currentVersion: integer('current_version').notNull().default(1),
    /** Deadline given to subordinate units for their implementing plans. */
    planDeadline: date('plan_deadline'),
    launchedAt: timestamp('launched_at', { withTimezone: true }),
    /** Text of the imported file, shown beside the parsed plan on the review screen. */
    sourceText: text('source_text'),
    /** Set while a launched movement and its plan are published on the public portal. */
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
    ...versioning,
  },
  (table) => [
    index('movements_launching_unit_idx').on(table.launchingUnitId),
    index('movements_parent_idx').on(table.parentMovementId),
    index('movements_root_idx').on(table.rootMovementId),
    index('movements_plan_number_idx').on(table.planNumber),
    // The movement list's keyset order: newest period first, then name and id.
    index('movements_list_idx').on(sql`(-${table.periodFrom})`, table.name, table.id),
    index('movements_name_search_idx').using('gin', sql`f_unaccent(lower(${table.name})) gin_trgm_ops`),
    index('movements_published_idx')
      .on(table.publishedAt, table.id)
      .where(sql`${table.publishedAt} is not null`),
    check('movements_published_check', sql`${table.publishedAt} is null or ${table.status} <> 'draft'`),
  ],
);

/** Every version of a movement's plan; the movement's `current_version` points at one. */
export const planVersions = pgTable(
  'plan_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    movementId: uuid('movement_id')
      .notNull()
      .references(() => movements.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    content: jsonb('content').$type<PlanContent>().notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (table) => [uniqueIndex('plan_versions_movement_version_key').on(table.movementId, table.version)],
);

/**
 * A subordinate unit's obligation to issue its implementing plan for a launched movement, by a
 * deadline: pending, issued (with the implementing movement) or not applicable (with a reason).
 */
export const planObligations = pgTable(
  'plan_obligations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    movementId: uuid('movement_id')
      .notNull()
      .references(() => movements.id, { onDelete: 'cascade' }),
    rootMovementId: uuid('root_movement_id')
      .notNull()
      .references(() => movements.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    state: text('state').notNull().default('pending'),
    dueOn: date('due_on'),
    issuedAt: timestamp('issued_at', { withTimezone: true }),
    implementingMovementId: uuid('implementing_movement_id').references(() => movements.id, {
      onDelete: 'set null',
    }),
    reason: text('reason'),
    ...timestamps,
  },
  (table) => [
    uniqueIndex('plan_obligations_movement_unit_key').on(table.movementId, table.unitId),
    index('plan_obligations_root_unit_idx').on(table.rootMovementId, table.unitId),
    index('plan_obligations_unit_idx').on(table.unitId),
    // The to-do list: overdue obligations of a movement, and every pending one by deadline.
    index('plan_obligations_pending_movement_due_idx')
      .on(table.movementId, table.dueOn)
      .where(sql`${table.state} = 'pending'`),
    index('plan_obligations_pending_due_idx')
      .on(table.dueOn, table.id)
      .where(sql`${table.state} = 'pending'`),
  ],
);

/**
 * Registrations (đăng ký thi đua) of a unit or a person with pledges; a consolidated registration
 * gathers a unit's approved registrations (`included_ids`) and is sent upward.
 */
export const registrations = pgTable(
  'registrations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    movementId: uuid('movement_id')
      .notNull()
      .references(() => movements.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    personId: uuid('person_id').references(() => persons.id),
    status: text('status').notNull().default('draft'),
    pledge: text('pledge').notNull(),
    targets: jsonb('targets').$type<PledgeTarget[]>().notNull().default([]),
    includedIds: jsonb('included_ids').$type<string[]>().notNull().default([]),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    returnReason: text('return_reason'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
    ...versioning,
  },
  (table) => [
    uniqueIndex('registrations_subject_key').on(
      table.movementId,
      table.kind,
      table.unitId,
      sql`coalesce(${table.personId}::text, '')`,
    ),
    index('registrations_unit_idx').on(table.unitId),
    // The to-do list: registrations waiting for review at a unit, and a person's own registrations.
    index('registrations_submitted_unit_idx')
      .on(table.unitId, table.submittedAt)
      .where(sql`${table.status} = 'submitted'`),
    index('registrations_person_idx').on(table.personId),
  ],
);

/** Milestones (tiến độ) of a movement on its timeline. */
export const movementMilestones = pgTable(
  'movement_milestones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    movementId: uuid('movement_id')
      .notNull()
      .references(() => movements.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull().default('other'),
    title: text('title').notNull(),
    dueOn: date('due_on').notNull(),
    doneAt: timestamp('done_at', { withTimezone: true }),
    ...timestamps,
    ...versioning,
  },
  (table) => [index('movement_milestones_movement_idx').on(table.movementId, table.dueOn)],
);

/** Assignments (nhiệm vụ được giao) of a movement to a unit, once or every year. */
export const movementAssignments = pgTable(
  'movement_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    movementId: uuid('movement_id')
      .notNull()
      .references(() => movements.id, { onDelete: 'cascade' }),
    assigneeUnitId: uuid('assignee_unit_id')
      .notNull()
      .references(() => units.id),
    task: text('task').notNull(),
    dueOn: date('due_on'),
    recurrence: text('recurrence').notNull().default('once'),
    status: text('status').notNull().default('open'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    ...timestamps,
    ...versioning,
  },
  (table) => [
    index('movement_assignments_movement_idx').on(table.movementId),
    index('movement_assignments_unit_idx').on(table.assigneeUnitId),
  ],
);

/**
 * Obligations of a movement chain counted under every ancestor of their unit, kept by triggers on
 * plan_obligations and units (migration cascade_counts) in the transaction that changes them, so the
 * cascade dashboard of any unit reads a few hundred rows instead of every obligation below it.
 * `child_id` is the ancestor's direct subordinate the obligation falls under, `depth` how far below
 * the ancestor its unit is (1 = the child itself), `bucket` pending / on_time / late /
 * not_applicable; pending rows keep their deadline (`infinity` when none), so "missing" (pending
 * past the deadline) is decided when read. Rows may reach n = 0; readers skip them. Derived data:
 * not backed up, rebuilt by the triggers as the obligations are restored.
 */
export const cascadeCounts = pgTable(
  'cascade_counts',
  {
    rootMovementId: uuid('root_movement_id')
      .notNull()
      .references(() => movements.id, { onDelete: 'cascade' }),
    ancestorId: uuid('ancestor_id').notNull(),
    childId: uuid('child_id').notNull(),
    depth: integer('depth').notNull(),
    bucket: text('bucket').notNull(),
    dueOn: date('due_on').notNull(),
    n: integer('n').notNull(),
  },
  (table) => [
    primaryKey({
      columns: [
        table.rootMovementId,
        table.ancestorId,
        table.childId,
        table.depth,
        table.bucket,
        table.dueOn,
      ],
    }),
  ],
);
