import { type SQL, sql } from 'drizzle-orm';
import type { Role } from '#contracts/auth.ts';
import type { InspectionAction, InspectionStatus } from '#contracts/inspections.ts';
import {
  inScope,
  READ_ROLES,
  resolveScope,
  type Scope,
  WRITE_ROLES,
} from '#server/modules/organisation/organisation.policy.ts';
import type { Principal } from '#server/platform/auth/policy.ts';
import type { Executor } from '#server/platform/db/client.ts';
import { AppError } from '#server/platform/http/app-error.ts';

export type { Caller } from '#server/modules/organisation/units/units.service.ts';

/** Who reports a unit's follow-up: its emulation officer or its head (and those above them). */
export const FOLLOW_UP_ROLES: readonly Role[] = ['tdkt_officer', 'unit_head'];

/** Where a plan sits: its council's unit and standing body, its year and state. */
export interface PlanPlace {
  planId: string;
  councilId: string;
  year: number;
  status: InspectionStatus;
  unitPath: string;
  standingPath: string | null;
}

const covers = (scope: Scope, place: PlanPlace) =>
  inScope(scope, place.unitPath) || (place.standingPath !== null && inScope(scope, place.standingPath));

const rows = <T>(result: unknown) => (result as { rows: T[] }).rows;

/**
 * The user's ties to a plan in one query: sits on its council, supervises a bloc (of the plan's
 * year) that holds one of its targets, or is on its team.
 */
async function tiesOf(db: Executor, userId: string, place: PlanPlace) {
  const [row] = rows<{ seated: boolean; supervises: boolean; team: boolean }>(
    await db.execute(sql`select
      exists (select 1 from council_members m join persons p on p.id = m.person_id
        where m.council_id = ${place.councilId} and p.user_id = ${userId}) as seated,
      exists (select 1 from inspection_targets t join bloc_members bm on bm.unit_id = t.unit_id
        join blocs b on b.id = bm.bloc_id and b.year = ${place.year}
        join council_members m on m.id = b.supervisor_member_id join persons p on p.id = m.person_id
        where t.plan_id = ${place.planId} and p.user_id = ${userId}) as supervises,
      exists (select 1 from inspection_team_members tm join persons p on p.id = tm.person_id
        where tm.plan_id = ${place.planId} and p.user_id = ${userId}) as team`),
  );
  return { seated: !!row?.seated, supervises: !!row?.supervises, team: !!row?.team };
}

/**
 * Who does what with a plan: the emulation officers of the council's unit or its standing body
 * manage it (edit and approve a draft, record findings and complete an approved one); its team
 * records findings; readers over the council, its members and the supervisors of a bloc holding a
 * target read it whole.
 */
export async function planAccess(db: Executor, principal: Principal, place: PlanPlace) {
  const [writeScope, readScope, ties] = await Promise.all([
    resolveScope(db, principal, WRITE_ROLES),
    resolveScope(db, principal, READ_ROLES),
    tiesOf(db, principal.id, place),
  ]);
  // The council's own level manages its plans (its unit, or within its standing body); levels above read them.
  const isOfficer =
    writeScope === null ||
    principal.scopedGrants.some(
      (grant) =>
        WRITE_ROLES.includes(grant.role) &&
        grant.unitPath !== null &&
        (grant.unitPath === place.unitPath ||
          (place.standingPath !== null && grant.unitPath.startsWith(place.standingPath))),
    );
  const isFullView = isOfficer || covers(readScope, place) || ties.seated || ties.supervises || ties.team;
  const actions: InspectionAction[] = [];
  if (place.status === 'draft' && isOfficer) actions.push('edit', 'approve');
  if (place.status === 'approved' && (isOfficer || ties.team)) actions.push('record');
  if (place.status === 'approved' && isOfficer) actions.push('complete');
  return { isOfficer, isFullView, isTeam: ties.team, readScope, actions };
}
export type PlanAccess = Awaited<ReturnType<typeof planAccess>>;

/** A target's access: the plan's, plus the inspected unit's readers (their own target) and its follow-up. */
export async function targetAccess(db: Executor, principal: Principal, place: PlanPlace, unitPath: string) {
  const plan = await planAccess(db, principal, place);
  const canRead = plan.isFullView || inScope(plan.readScope, unitPath);
  // A draft's targets are edited (their day) as the plan is; an approved plan's are recorded.
  const actions: InspectionAction[] = plan.actions.filter(
    (action) => action === 'record' || action === 'edit',
  );
  // The inspected unit (or a level between it and the council) reports; the council's level does not.
  const canFollowUp = principal.scopedGrants.some(
    (grant) =>
      FOLLOW_UP_ROLES.includes(grant.role) &&
      grant.unitPath !== null &&
      unitPath.startsWith(grant.unitPath) &&
      !place.unitPath.startsWith(grant.unitPath),
  );
  if (place.status !== 'draft' && canFollowUp) actions.push('follow_up');
  // The council's officers issue the conclusion notice once the plan is approved (also after it ends).
  if (place.status !== 'draft' && plan.isOfficer) actions.push('issue_notice');
  return { ...plan, canRead, canFollowUp, actions };
}
export type TargetAccess = Awaited<ReturnType<typeof targetAccess>>;

const stateMessages: Record<InspectionAction, string> = {
  edit: 'Kế hoạch kiểm tra đã được phê duyệt; không sửa được nữa.',
  approve: 'Chỉ phê duyệt được kế hoạch đang dự thảo.',
  record: 'Chỉ ghi kết quả kiểm tra khi kế hoạch đã được phê duyệt và chưa kết thúc.',
  complete: 'Chỉ kết thúc được kế hoạch đã được phê duyệt.',
  follow_up: 'Chỉ báo cáo khắc phục sau khi kế hoạch kiểm tra đã được phê duyệt.',
  issue_notice: 'Chỉ ban hành thông báo kết luận sau khi kế hoạch kiểm tra đã được phê duyệt.',
};

/**
 * Throws unless the access allows the action: 403 OUT_OF_SCOPE when the user may not read the
 * record or the action is never theirs, 409 when it is theirs but not in the plan's state.
 */
export function assertAllowed(
  access: {
    canRead?: boolean;
    isFullView: boolean;
    isOfficer: boolean;
    isTeam: boolean;
    canFollowUp?: boolean;
    actions: InspectionAction[];
  },
  action: InspectionAction | 'read',
): void {
  if (!(access.canRead ?? access.isFullView)) throw new AppError('OUT_OF_SCOPE');
  if (action === 'read' || access.actions.includes(action)) return;
  const isTheirs =
    action === 'record'
      ? access.isOfficer || access.isTeam
      : action === 'follow_up'
        ? !!access.canFollowUp
        : access.isOfficer;
  if (isTheirs) throw new AppError('CONFLICT', stateMessages[action]);
  throw new AppError('OUT_OF_SCOPE');
}

/**
 * SQL over `inspection_plans p` joined to the council `c` and its unit `cu` (and standing body `su`):
 * plans the reader sees — whole (scope over the council, a seat, a supervised bloc, the team) or
 * through a target of a unit in their scope.
 */
export function planVisibleSql(scope: Scope, userId: string): SQL | undefined {
  if (scope === null) return undefined;
  const paths = (column: SQL) =>
    scope.length
      ? sql.join(
          scope.map((prefix) => sql`${column} like ${`${prefix}%`}`),
          sql` or `,
        )
      : sql`false`;
  return sql`(${paths(sql`cu.path`)} or ${paths(sql`coalesce(su.path, '')`)}
    or exists (select 1 from council_members m join persons pe on pe.id = m.person_id
      where m.council_id = p.council_id and pe.user_id = ${userId})
    or exists (select 1 from inspection_team_members tm join persons pe on pe.id = tm.person_id
      where tm.plan_id = p.id and pe.user_id = ${userId})
    or exists (select 1 from inspection_targets t join bloc_members bm on bm.unit_id = t.unit_id
      join blocs b on b.id = bm.bloc_id and b.year = p.year
      join council_members m on m.id = b.supervisor_member_id join persons pe on pe.id = m.person_id
      where t.plan_id = p.id and pe.user_id = ${userId})
    or exists (select 1 from inspection_targets t join units tu on tu.id = t.unit_id
      where t.plan_id = p.id and (${paths(sql`tu.path`)})))`;
}

/** SQL over `inspection_targets t` joined to its unit `tu`: the targets a partial reader sees (own units). */
export function targetVisibleSql(scope: Scope): SQL | undefined {
  if (scope === null) return undefined;
  if (!scope.length) return sql`false`;
  return sql`(${sql.join(
    scope.map((prefix) => sql`tu.path like ${`${prefix}%`}`),
    sql` or `,
  )})`;
}
