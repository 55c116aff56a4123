import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { timestamps, versioning } from '#server/platform/db/columns.ts';
import { users } from '#server/platform/db/platform.schema.ts';

/**
 * Units of the administrative tree (đơn vị), any depth. Grants cover a unit's whole subtree via
 * `path`. `sort_key` (COLLATE "C", see organisationSortKey) gives Vietnamese alphabetical order in SQL.
 */
export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parentId: uuid('parent_id').references((): AnyPgColumn => units.id),
    /** Materialised path of ids from the root, e.g. `/<root>/<child>/`; a subtree is a prefix match. */
    path: text('path').notNull(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    code: text('code').notNull(),
    kind: text('kind').notNull().default('other'),
    isCollegial: boolean('is_collegial').notNull().default(false),
    validFrom: date('valid_from'),
    validTo: date('valid_to'),
    /** Vietnamese collation key of the name (byte order = alphabetical order). */
    sortKey: text('sort_key').notNull().default(''),
    /**
     * Every prefix of every word of the name, short name and code, lower case without diacritics
     * (`search_prefixes()`), kept by a trigger; a search asks `search_terms @> search_words(q)`.
     */
    searchTerms: text('search_terms').array().notNull().default(sql`'{}'::text[]`),
    ...timestamps,
    ...versioning,
  },
  (table) => [
    uniqueIndex('units_code_key').on(table.code),
    index('units_path_idx').on(table.path),
    index('units_parent_sort_idx').on(table.parentId, table.sortKey),
    index('units_sort_idx').on(table.sortKey, table.id),
    index('units_search_terms_idx').using('gin', table.searchTerms),
  ],
);

/** A unit that ended and the unit(s) that took over its work (merger, split, rename). */
export const unitSuccessions = pgTable(
  'unit_successions',
  {
    predecessorId: uuid('predecessor_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
    successorId: uuid('successor_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    effectiveDate: date('effective_date').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.predecessorId, table.successorId] }),
    index('unit_successions_successor_idx').on(table.successorId),
  ],
);

/** People (cán bộ, công chức, viên chức, người lao động, chiến sĩ); `unit_id` is the current unit. */
export const persons = pgTable(
  'persons',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fullName: text('full_name').notNull(),
    gender: text('gender').notNull(),
    birthDate: date('birth_date'),
    idNumber: text('id_number'),
    category: text('category').notNull(),
    position: text('position'),
    isLeader: boolean('is_leader').notNull().default(false),
    isDirectWorker: boolean('is_direct_worker').notNull().default(false),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    /** The person's own account, so a staff member can see their record. */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    /** Vietnamese collation key: given name first, then family and middle names. */
    sortKey: text('sort_key').notNull().default(''),
    /** Every prefix of every word of the full name, lower case without diacritics, kept by a trigger. */
    searchTerms: text('search_terms').array().notNull().default(sql`'{}'::text[]`),
    ...timestamps,
    ...versioning,
  },
  (table) => [
    uniqueIndex('persons_identity_key').on(
      table.unitId,
      table.fullName,
      sql`coalesce(${table.birthDate}, '0001-01-01'::date)`,
    ),
    uniqueIndex('persons_user_key').on(table.userId),
    uniqueIndex('persons_id_number_key').on(table.idNumber),
    // Id and name after the key: a province's people (a candidates list) come from the index alone.
    index('persons_unit_sort_idx').on(table.unitId, table.sortKey, table.id, table.fullName),
    // What the fairness dashboard counts of a subtree's people, from the index alone.
    index('persons_unit_fairness_idx').on(
      table.unitId,
      table.id,
      table.gender,
      table.isDirectWorker,
      table.isLeader,
    ),
    index('persons_sort_idx').on(table.sortKey, table.id),
    index('persons_search_terms_idx').using('gin', table.searchTerms),
  ],
);

/**
 * The distinct names of people, one row per sort key (a name's key is its letters and word breaks,
 * so names with one key have the same words), with the name's search terms: a search finds the
 * few names that match in a small GIN index, then reads the people of each name, in order, from
 * persons_sort_idx, instead of intersecting posting lists of a million people for "nguyen thi".
 * Kept by a statement trigger on persons (migration person_names); a name nobody bears any more
 * stays (it then finds nobody). Derived data: not backed up, rebuilt as the people are restored.
 */
export const personNames = pgTable(
  'person_names',
  {
    sortKey: text('sort_key').primaryKey(),
    fullName: text('full_name').notNull(),
    searchTerms: text('search_terms').array().notNull(),
  },
  // Written straight into the index (no pending list to scan): names are added rarely, read on every search.
  (table) => [
    index('person_names_search_terms_idx').using('gin', table.searchTerms).with({ fastupdate: false }),
  ],
);

/** Employment history: a person's periods in units over time. */
export const employments = pgTable(
  'employments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    position: text('position'),
    startedOn: date('started_on'),
    endedOn: date('ended_on'),
    ...timestamps,
  },
  (table) => [
    index('employments_person_idx').on(table.personId),
    index('employments_unit_idx').on(table.unitId),
  ],
);

/**
 * The emulation and commendation council (Hội đồng TĐKT) of a unit; at most one per unit. Its
 * members, blocs and bloc members are never removed by a cascade: the delete use cases remove and
 * audit each row, and the foreign keys refuse any other removal.
 */
export const councils = pgTable(
  'councils',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    name: text('name').notNull(),
    /** The unit that serves the council as its standing body (cơ quan thường trực). */
    standingUnitId: uuid('standing_unit_id').references(() => units.id),
    ...timestamps,
    ...versioning,
  },
  (table) => [uniqueIndex('councils_unit_key').on(table.unitId)],
);

/** A council member for a term. */
export const councilMembers = pgTable(
  'council_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    role: text('role').notNull(),
    termFrom: date('term_from').notNull(),
    termTo: date('term_to'),
    ...timestamps,
    ...versioning,
  },
  (table) => [
    uniqueIndex('council_members_person_term_key').on(table.councilId, table.personId, table.termFrom),
    index('council_members_person_idx').on(table.personId),
  ],
);

/** An emulation bloc (khối / cụm thi đua) of a council for one year. */
export const blocs = pgTable(
  'blocs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id),
    year: integer('year').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull().default('sector'),
    supervisorMemberId: uuid('supervisor_member_id').references(() => councilMembers.id),
    ...timestamps,
    ...versioning,
  },
  (table) => [uniqueIndex('blocs_council_year_name_key').on(table.councilId, table.year, table.name)],
);

/** A member unit of a bloc with its role that year and its stable position. */
export const blocMembers = pgTable(
  'bloc_members',
  {
    blocId: uuid('bloc_id')
      .notNull()
      .references(() => blocs.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    role: text('role').notNull().default('member'),
    position: integer('position').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.blocId, table.unitId] }),
    index('bloc_members_unit_idx').on(table.unitId),
  ],
);
