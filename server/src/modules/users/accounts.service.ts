import { and, eq, isNull } from 'drizzle-orm';
import type {
  Account,
  AccountActiveBody,
  AccountGrantBody,
  AccountPersonBody,
  AccountQuery,
  CreateAccountBody,
} from '#contracts/accounts.ts';
import type { Role } from '#contracts/auth.ts';
import { type ActorContext, recordAudit } from '#server/platform/audit/audit.ts';
import { generatePassword, hashPassword } from '#server/platform/auth/password.ts';
import { isAdmin, type Principal } from '#server/platform/auth/policy.ts';
import { forgetUserSessions } from '#server/platform/auth/session-cache.ts';
import type { Database, Executor } from '#server/platform/db/client.ts';
import { persons, roleGrants, sessions, users } from '#server/platform/db/schema.ts';
import { atVersion, nextVersion, versionedRow } from '#server/platform/db/versioning.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { accountScope, mayGrant, mayManage } from './accounts.policy.ts';
import {
  type AccountRow,
  findAccount,
  findPersonForLink,
  findUnitWithPath,
  listAccounts,
  loadAccountGrants,
  loadAccountPersons,
} from './accounts.repo.ts';
import { grantRole } from './users.service.ts';

/** Who calls: the principal for the policy, the actor for the audit trail. */
export interface AccountCaller {
  principal: Principal;
  actor: ActorContext;
}

const ACCOUNT = { subject: 'Tài khoản này', notFound: 'Không tìm thấy tài khoản.' };
const notFound = () => new AppError('NOT_FOUND', ACCOUNT.notFound);
const outOfScope = (message: string) => new AppError('OUT_OF_SCOPE', message);

/** Accounts with their grants and people, as the page shows them to this caller. */
async function present(executor: Executor, principal: Principal, rows: AccountRow[]): Promise<Account[]> {
  const ids = rows.map((row) => row.id);
  const [grants, linked] = await Promise.all([
    loadAccountGrants(executor, ids),
    loadAccountPersons(executor, ids),
  ]);
  return rows.map((row) => {
    const own = grants.filter((grant) => grant.userId === row.id);
    const person = linked.find((candidate) => candidate.userId === row.id);
    return {
      ...row,
      createdAt: row.createdAt.toISOString(),
      grants: own.map(({ role, unitId, unitName }) => ({ role, unitId, unitName })),
      person: person ? { id: person.id, fullName: person.fullName, unitName: person.unitName } : null,
      canManage: mayManage(principal, { id: row.id, grants: own }),
    };
  });
}

/** One account as presented to the caller. */
export async function accountFor(executor: Executor, principal: Principal, id: string): Promise<Account> {
  const row = await findAccount(executor, id);
  if (!row) throw notFound();
  const [account] = await present(executor, principal, [row]);
  return account as Account;
}

/** A page of the accounts the caller may see: every account for an administrator, their subtree's for an officer. */
export async function listAccountsFor(db: Database, principal: Principal, query: AccountQuery) {
  const page = await listAccounts(db, query, accountScope(principal));
  return {
    items: await present(db, principal, page.rows),
    next: page.next,
    prev: page.prev,
    total: page.total,
  };
}

/** The account with its grants, refused unless the caller may manage it. */
async function loadManaged(executor: Executor, principal: Principal, id: string) {
  const account = await findAccount(executor, id);
  if (!account) throw notFound();
  const grants = await loadAccountGrants(executor, [id]);
  if (!mayManage(principal, { id, grants })) {
    throw outOfScope(
      account.id === principal.id
        ? 'Bạn không thể tự thay đổi quyền hay trạng thái tài khoản của mình.'
        : 'Tài khoản này có vai trò ngang hoặc cao hơn bạn, hoặc ở ngoài phạm vi đơn vị bạn quản lý.',
    );
  }
  return { account, grants };
}

/** The unit of a grant (null for the system-wide admin role), refused unless the caller may grant the role there. */
async function grantableUnit(executor: Executor, principal: Principal, role: Role, unitId: string | null) {
  const unit = unitId ? await findUnitWithPath(executor, unitId) : null;
  if (unitId && !unit) {
    throw new AppError('VALIDATION_FAILED', 'Đơn vị không tồn tại.', [
      { path: 'unitId', message: 'Đơn vị không tồn tại' },
    ]);
  }
  if (!mayGrant(principal, role, unit?.path ?? null)) {
    throw outOfScope(
      role === 'admin'
        ? 'Chỉ quản trị hệ thống mới cấp được quyền quản trị.'
        : 'Bạn chỉ cấp được vai trò thấp hơn vai trò của mình, trên đơn vị thuộc phạm vi bạn quản lý.',
    );
  }
  return unit;
}

/** A person the caller may link an account to: in their scope and not linked to another account. */
async function linkablePerson(
  executor: Executor,
  principal: Principal,
  personId: string,
  userId: string | null,
) {
  const person = await findPersonForLink(executor, personId);
  if (!person) {
    throw new AppError('VALIDATION_FAILED', 'Không tìm thấy cán bộ.', [
      { path: 'personId', message: 'Không tìm thấy cán bộ' },
    ]);
  }
  const scope = accountScope(principal);
  if (scope !== null && !scope.some((path) => person.unitPath.startsWith(path))) {
    throw outOfScope('Cán bộ này ở ngoài phạm vi đơn vị bạn quản lý.');
  }
  if (person.userId && person.userId !== userId) {
    throw new AppError('CONFLICT', `Cán bộ ${person.fullName} đã được gắn với một tài khoản khác.`, [
      { path: 'personId', message: 'Cán bộ đã được gắn với tài khoản khác' },
    ]);
  }
  return person;
}

/** Moves the account's version on (409 when the form's version is stale), recording who changed it. */
async function bumpVersion(tx: Executor, actor: ActorContext, id: string, version: number, set = {}) {
  const updated = await tx
    .update(users)
    .set({ ...set, ...nextVersion(users, actor) })
    .where(atVersion(users, id, version))
    .returning({ id: users.id });
  await versionedRow(tx, updated, users, id, ACCOUNT);
}

/** Links the person to the account (unlinking the one it had), audited; returns the person ids before and after. */
async function linkPersonInTx(
  tx: Executor,
  actor: ActorContext,
  userId: string,
  person: { id: string; fullName: string } | null,
) {
  const [previous] = await tx
    .select({ id: persons.id, fullName: persons.fullName })
    .from(persons)
    .where(eq(persons.userId, userId));
  if ((previous?.id ?? null) === (person?.id ?? null)) return;
  if (previous) {
    await tx
      .update(persons)
      .set({ userId: null, ...nextVersion(persons, actor) })
      .where(eq(persons.id, previous.id));
  }
  if (person) {
    const linked = await tx
      .update(persons)
      .set({ userId, ...nextVersion(persons, actor) })
      .where(and(eq(persons.id, person.id), isNull(persons.userId)))
      .returning({ id: persons.id });
    if (!linked.length)
      throw new AppError('CONFLICT', `Cán bộ ${person.fullName} vừa được gắn với tài khoản khác.`);
  }
  await recordAudit(tx, actor, {
    action: 'user.link_person',
    entityType: 'user',
    entityId: userId,
    before: { personId: previous?.id ?? null, personName: previous?.fullName ?? null },
    after: { personId: person?.id ?? null, personName: person?.fullName ?? null },
  });
}

/**
 * Creates an account with its first role (and optionally its person). It has no usable password
 * until one is issued (a one-time password, changed at the first sign-in).
 */
export async function createAccount(db: Database, caller: AccountCaller, input: CreateAccountBody) {
  await grantableUnit(db, caller.principal, input.role, input.unitId);
  const person = input.personId ? await linkablePerson(db, caller.principal, input.personId, null) : null;
  // A random secret nobody knows: the account signs in only after a one-time password is issued.
  const passwordHash = await hashPassword(generatePassword(32));
  const id = await db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.username, input.username));
    if (taken) {
      throw new AppError('CONFLICT', `Tên đăng nhập "${input.username}" đã được sử dụng.`, [
        { path: 'username', message: 'Tên đăng nhập đã được sử dụng' },
      ]);
    }
    const [user] = await tx
      .insert(users)
      .values({
        username: input.username,
        fullName: input.fullName,
        email: input.email ?? null,
        passwordHash,
        mustChangePassword: true,
        updatedBy: caller.actor.userId,
      })
      .returning({ id: users.id });
    if (!user) throw new Error('insert returned no row');
    await recordAudit(tx, caller.actor, {
      action: 'user.create',
      entityType: 'user',
      entityId: user.id,
      after: {
        username: input.username,
        fullName: input.fullName,
        email: input.email ?? null,
        role: input.role,
        unitId: input.unitId,
      },
    });
    await grantRole(tx, caller.actor, { userId: user.id, role: input.role, unitId: input.unitId });
    if (person) await linkPersonInTx(tx, caller.actor, user.id, person);
    return user.id;
  });
  return accountFor(db, caller.principal, id);
}

/** Grants a role on a unit to an account the caller manages; the same grant twice is a 409. */
export async function grantAccountRole(
  db: Database,
  caller: AccountCaller,
  id: string,
  input: AccountGrantBody,
) {
  const { grants } = await loadManaged(db, caller.principal, id);
  await grantableUnit(db, caller.principal, input.role, input.unitId);
  if (grants.some((grant) => grant.role === input.role && grant.unitId === input.unitId)) {
    throw new AppError('CONFLICT', 'Tài khoản đã có vai trò này trên đơn vị này.');
  }
  await db.transaction(async (tx) => {
    await bumpVersion(tx, caller.actor, id, input.version);
    await grantRole(tx, caller.actor, { userId: id, role: input.role, unitId: input.unitId });
  });
  forgetUserSessions(id);
  return accountFor(db, caller.principal, id);
}

/** Takes a role on a unit away from an account the caller manages. */
export async function revokeAccountRole(
  db: Database,
  caller: AccountCaller,
  id: string,
  input: AccountGrantBody,
) {
  const { grants } = await loadManaged(db, caller.principal, id);
  const grant = grants.find(
    (candidate) => candidate.role === input.role && candidate.unitId === input.unitId,
  );
  if (!grant) throw new AppError('NOT_FOUND', 'Tài khoản không có vai trò này trên đơn vị này.');
  await grantableUnit(db, caller.principal, input.role, input.unitId);
  if (id === caller.principal.id && input.role === 'admin') {
    throw new AppError('CONFLICT', 'Bạn không thể tự thu hồi quyền quản trị của mình.');
  }
  if (!isAdmin(caller.principal) && grants.length === 1) {
    throw new AppError(
      'CONFLICT',
      'Đây là vai trò cuối cùng của tài khoản. Nếu tài khoản không còn dùng, hãy khoá tài khoản.',
    );
  }
  await db.transaction(async (tx) => {
    await bumpVersion(tx, caller.actor, id, input.version);
    await tx
      .delete(roleGrants)
      .where(
        and(
          eq(roleGrants.userId, id),
          eq(roleGrants.role, input.role),
          input.unitId ? eq(roleGrants.unitId, input.unitId) : isNull(roleGrants.unitId),
        ),
      );
    await recordAudit(tx, caller.actor, {
      action: 'user.revoke',
      entityType: 'user',
      entityId: id,
      before: { userId: id, role: grant.role, unitId: grant.unitId, unitName: grant.unitName },
    });
  });
  forgetUserSessions(id);
  return accountFor(db, caller.principal, id);
}

/** Disables an account (it cannot sign in; its sessions end) or enables it again. */
export async function setAccountActive(
  db: Database,
  caller: AccountCaller,
  id: string,
  input: AccountActiveBody,
) {
  const { account } = await loadManaged(db, caller.principal, id);
  if (id === caller.principal.id) throw new AppError('CONFLICT', 'Bạn không thể tự khoá tài khoản của mình.');
  if (account.isActive === input.isActive) {
    throw new AppError('CONFLICT', input.isActive ? 'Tài khoản đang hoạt động.' : 'Tài khoản đã bị khoá.');
  }
  await db.transaction(async (tx) => {
    await bumpVersion(tx, caller.actor, id, input.version, { isActive: input.isActive });
    if (!input.isActive) await tx.delete(sessions).where(eq(sessions.userId, id));
    await recordAudit(tx, caller.actor, {
      action: input.isActive ? 'user.enable' : 'user.disable',
      entityType: 'user',
      entityId: id,
      before: { isActive: account.isActive },
      after: { isActive: input.isActive },
    });
  });
  forgetUserSessions(id);
  return accountFor(db, caller.principal, id);
}

/** Links an account the caller manages to a person in their scope, or unlinks it (null). */
export async function linkAccountPerson(
  db: Database,
  caller: AccountCaller,
  id: string,
  input: AccountPersonBody,
) {
  await loadManaged(db, caller.principal, id);
  const person = input.personId ? await linkablePerson(db, caller.principal, input.personId, id) : null;
  await db.transaction(async (tx) => {
    await bumpVersion(tx, caller.actor, id, input.version);
    await linkPersonInTx(tx, caller.actor, id, person);
  });
  return accountFor(db, caller.principal, id);
}

/**
 * Issues a one-time password: replaces the account's password, ends its sessions and makes its
 * owner choose a new one at the next sign-in. The password is returned once and stored only hashed.
 */
export async function issueOneTimePassword(db: Database, caller: AccountCaller, id: string, version: number) {
  await loadManaged(db, caller.principal, id);
  if (id === caller.principal.id) {
    throw new AppError('CONFLICT', 'Để đổi mật khẩu của chính mình, hãy dùng mục “Đổi mật khẩu”.');
  }
  const oneTimePassword = generatePassword(12);
  const passwordHash = await hashPassword(oneTimePassword);
  await db.transaction(async (tx) => {
    await bumpVersion(tx, caller.actor, id, version, { passwordHash, mustChangePassword: true });
    await tx.delete(sessions).where(eq(sessions.userId, id));
    await recordAudit(tx, caller.actor, { action: 'user.password_reset', entityType: 'user', entityId: id });
  });
  forgetUserSessions(id);
  return { account: await accountFor(db, caller.principal, id), oneTimePassword };
}
