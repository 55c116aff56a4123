import { createHash } from 'node:crypto';
import type pg from 'pg';
import { AppError } from '../http/app-error.ts';

/**
 * The role requests run as on PostgreSQL: `<database>_app` (`tdkt_app` for a database named
 * `tdkt`), one per database so that two installations on one cluster never share it.
 */
export function appRoleName(database: string): string {
  const name = `${database}_app`;
  if (Buffer.byteLength(name) <= 63) return name;
  return `tdkt_app_${createHash('sha256').update(database).digest('hex').slice(0, 20)}`;
}

/** What `prepareRequestRole` arranged: the role to switch to, or why none could be prepared. */
export type RequestRole = { role: string; problem: null } | { role: null; problem: string };

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** True when the login may switch to the role: a superuser, or a member of it. */
async function canSwitchTo(owner: pg.ClientBase, login: string, role: string): Promise<boolean> {
  const { rows } = await owner.query<{ member: boolean }>(
    `select rolsuper or pg_has_role($1, $2, 'MEMBER') as member from pg_roles where rolname = $1`,
    [login, role],
  );
  return rows[0]?.member ?? false;
}

/**
 * Makes the login a member of the role. Granted again even when already a member: on PostgreSQL 16+
 * the creator of a role is a member that may not switch to it until granted plainly.
 */
async function grantMembership(owner: pg.ClientBase, login: string, role: string): Promise<boolean> {
  const { rows } = await owner.query<{ superuser: boolean }>(
    'select rolsuper as superuser from pg_roles where rolname = $1',
    [login],
  );
  if (rows[0]?.superuser) return true;
  try {
    await owner.query(`grant ${quote(role)} to ${quote(login)}`);
    return true;
  } catch {
    // Without the right to grant, a membership a PostgreSQL administrator gave is enough.
    return canSwitchTo(owner, login, role);
  }
}

/**
 * Run by the owner under the migration lock, after the migrations: creates the request role
 * (NOLOGIN) when missing, lets the request login switch to it, and grants it ordinary DML on every
 * table but only SELECT and INSERT on `audit_events`. Every statement is idempotent; the lock keeps
 * concurrent starts from granting at the same moment. `requestLogin` is the role DATABASE_URL
 * signs in as when it differs from the owner's.
 */
export async function prepareRequestRole(
  owner: pg.ClientBase,
  requestLogin: string | null,
): Promise<RequestRole> {
  const { rows } = await owner.query<{ database: string; me: string; can_create: boolean }>(
    `select current_database() as database, current_user as me, rolsuper or rolcreaterole as can_create
       from pg_roles where rolname = current_user`,
  );
  const {
    database,
    me,
    can_create: canCreate,
  } = rows[0] as { database: string; me: string; can_create: boolean };
  const role = appRoleName(database);
  const login = requestLogin ?? me;
  const fix = `CREATE ROLE ${quote(role)} NOLOGIN; GRANT ${quote(role)} TO ${quote(login)};`;
  const exists = (await owner.query('select 1 from pg_roles where rolname = $1', [role])).rowCount;
  if (!exists) {
    if (!canCreate) return { role: null, problem: fix };
    // The name is per database and the migration lock is held, so this never races for the same name.
    await owner.query(`create role ${quote(role)} nologin`);
  }
  if (!(await grantMembership(owner, login, role))) {
    return { role: null, problem: `GRANT ${quote(role)} TO ${quote(login)};` };
  }
  const grantee = quote(role);
  await owner.query('begin');
  try {
    await owner.query(`grant usage on schema public to ${grantee}`);
    await owner.query(`grant select, insert, update, delete on all tables in schema public to ${grantee}`);
    await owner.query(`revoke truncate, references, trigger on all tables in schema public from ${grantee}`);
    await owner.query(`revoke all on audit_events from ${grantee}`);
    await owner.query(`grant select, insert on audit_events to ${grantee}`);
    await owner.query(`grant usage, select on all sequences in schema public to ${grantee}`);
    await owner.query('commit');
  } catch (error) {
    await owner.query('rollback');
    throw error;
  }
  return { role, problem: null };
}

/** The role a connection signs in as. */
export async function loginName(client: pg.ClientBase): Promise<string> {
  const { rows } = await client.query<{ name: string }>('select current_user as name');
  return (rows[0] as { name: string }).name;
}

/**
 * Refuses to serve requests through a connection that could rewrite the audit trail: its role must
 * not own `audit_events` nor hold UPDATE, DELETE or TRUNCATE on it.
 */
export async function assertCannotRewriteAudit(client: { query(text: string): Promise<unknown[]> }) {
  const [row] = (await client.query(
    `select current_user as name,
            pg_has_role(current_user, c.relowner, 'USAGE')
              or has_table_privilege('audit_events', 'UPDATE')
              or has_table_privilege('audit_events', 'DELETE')
              or has_table_privilege('audit_events', 'TRUNCATE') as can_rewrite
       from pg_class c where c.oid = 'audit_events'::regclass`,
  )) as { name: string; can_rewrite: boolean }[];
  if (row?.can_rewrite) {
    throw new AppError(
      'FORBIDDEN',
      `Vai trò CSDL "${row.name}" dùng để phục vụ yêu cầu có thể sửa hoặc xóa nhật ký (audit_events); máy chủ không khởi động. / The request role "${row.name}" could rewrite audit_events; refusing to start.`,
    );
  }
}
