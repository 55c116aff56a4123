import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  index,
  inet,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { units } from '#server/modules/organisation/organisation.schema.ts';
import { timestamps, versioning } from './columns.ts';

/** Accounts that sign in; passwords are argon2id hashes. */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull(),
    fullName: text('full_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    /** Where e-mail reminders go when SMTP is configured; null = in-app notifications only. */
    email: text('email'),
    isActive: boolean('is_active').notNull().default(true),
    /** Set by a one-time password: every API call but changing it is refused until the user does. */
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    ...timestamps,
    ...versioning,
  },
  (table) => [uniqueIndex('users_username_key').on(table.username)],
);

/** A role held by a user on a unit and its subtree; a null unit means system-wide. */
export const roleGrants = pgTable(
  'role_grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    unitId: uuid('unit_id').references(() => units.id),
    ...timestamps,
  },
  (table) => [
    index('role_grants_user_idx').on(table.userId),
    // Who holds a role on a unit (the officers a unit's obligation reaches).
    index('role_grants_unit_role_idx').on(table.unitId, table.role),
    uniqueIndex('role_grants_user_role_unit_key').on(
      table.userId,
      table.role,
      sql`coalesce(${table.unitId}::text, '')`,
    ),
  ],
);

/** Server-side sessions, so any server process accepts any session. The cookie holds a token whose hash is the id. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('sessions_user_idx').on(table.userId), index('sessions_expires_idx').on(table.expiresAt)],
);

/** Every login attempt, for throttling by account and by address. */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    username: text('username').notNull(),
    ip: text('ip').notNull(),
    succeeded: boolean('succeeded').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('login_attempts_username_idx').on(table.username, table.createdAt),
    index('login_attempts_ip_idx').on(table.ip, table.createdAt),
  ],
);

/**
 * Append-only audit trail: a trigger rejects UPDATE, DELETE and TRUNCATE, and on PostgreSQL the
 * request role may only INSERT and SELECT. Each event is chained to the one before by a trigger
 * (migration audit_hash_chain): `seq` is gap-free, `hash` = SHA-256 of `prev_hash` and the event's canonical
 * text; `tdkt audit verify` walks the chain.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorUsername: text('actor_username'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    reason: text('reason'),
    requestId: text('request_id'),
    ip: inet('ip'),
    /** Position in the chain, 1, 2, 3… without gaps; assigned by the trigger, never by the caller. */
    seq: bigint('seq', { mode: 'number' }).notNull(),
    /** The previous event's hash (64 zeros for the first), as it was when this event was written. */
    prevHash: text('prev_hash').notNull(),
    /** SHA-256 (hex) of prev_hash, a newline and audit_event_canonical(event). */
    hash: text('hash').notNull(),
  },
  (table) => [
    uniqueIndex('audit_events_seq_key').on(table.seq),
    // The audit list is keyset-paged newest first on (occurred_at, id); each filter leads an index
    // that ends in the key, so every page is one index range scan.
    index('audit_events_occurred_id_idx').on(table.occurredAt, table.id),
    index('audit_events_entity_idx').on(table.entityType, table.entityId, table.occurredAt, table.id),
    index('audit_events_action_idx').on(table.action, table.occurredAt, table.id),
    index('audit_events_actor_idx').on(table.actorId),
  ],
);

/**
 * Idempotency keys of create requests (one per user action, sent by the web client), so a double
 * submission gets the first result instead of a second record. The unique (user, key) decides which
 * request does the work; `status` stays null while it runs. Rows older than 24 hours are ignored and
 * cleaned up.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    /** Method and route pattern, e.g. `POST /api/movements`. */
    route: text('route').notNull(),
    /** SHA-256 of the route, parameters and validated body; a reused key with another body is refused. */
    requestHash: text('request_hash').notNull(),
    /** HTTP status of the stored reply; null while the first request is still running. */
    status: integer('status'),
    /** The stored reply body, exactly as it was sent. */
    response: text('response'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.userId, table.key] }),
    index('idempotency_keys_created_idx').on(table.createdAt),
  ],
);
