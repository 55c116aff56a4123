import { eq } from 'drizzle-orm';
import type { Role } from '#contracts/auth.ts';
import type { CreateUserBody } from '#contracts/users.ts';
import { type ActorContext, recordAudit } from '#server/platform/audit/audit.ts';
import { hashPassword } from '#server/platform/auth/password.ts';
import type { Database, Executor } from '#server/platform/db/client.ts';
import { roleGrants, users } from '#server/platform/db/schema.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { findUnit } from './users.repo.ts';

/** Creates an account with one grant, audited in the same transaction. Refuses a taken username. */
export async function createUser(db: Database, input: CreateUserBody, actor: ActorContext) {
  if (input.unitId && !(await findUnit(db, input.unitId))) {
    throw new AppError('VALIDATION_FAILED', 'Đơn vị không tồn tại.', [
      { path: 'unitId', message: 'Đơn vị không tồn tại' },
    ]);
  }
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(users.username, input.username));
    if (existing) {
      throw new AppError('CONFLICT', `Tên đăng nhập "${input.username}" đã được sử dụng.`, [
        { path: 'username', message: 'Tên đăng nhập đã được sử dụng' },
      ]);
    }
    const [user] = await tx
      .insert(users)
      .values({
        username: input.username,
        fullName: input.fullName,
        passwordHash,
        email: input.email ?? null,
      })
      .returning({
        id: users.id,
        username: users.username,
        fullName: users.fullName,
        createdAt: users.createdAt,
      });
    if (!user) throw new Error('insert returned no row');
    await grantRole(tx, actor, { userId: user.id, role: input.role, unitId: input.unitId });
    await recordAudit(tx, actor, {
      action: 'user.create',
      entityType: 'user',
      entityId: user.id,
      after: {
        username: user.username,
        fullName: user.fullName,
        role: input.role,
        unitId: input.unitId,
        email: input.email ?? null,
      },
    });
    return user;
  });
}

/** Grants a role on a unit (or system-wide), audited; granting the same thing twice changes nothing. */
export async function grantRole(
  executor: Executor,
  actor: ActorContext,
  grant: { userId: string; role: Role; unitId: string | null },
): Promise<void> {
  const inserted = await executor
    .insert(roleGrants)
    .values(grant)
    .onConflictDoNothing()
    .returning({ id: roleGrants.id });
  if (inserted.length) {
    await recordAudit(executor, actor, {
      action: 'user.grant',
      entityType: 'user',
      entityId: grant.userId,
      after: grant,
    });
  }
}
