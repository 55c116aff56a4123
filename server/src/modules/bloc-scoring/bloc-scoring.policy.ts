import { type SQL, sql } from 'drizzle-orm';
import type { Role } from '#contracts/auth.ts';
import type { ScoringTableAction, SheetAction, SheetStatus } from '#contracts/bloc-scoring.ts';
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
import type { TableBlocRow, TableRow } from './bloc-scoring.repo.ts';

export type { Caller } from '#server/modules/organisation/units/units.service.ts';

/** Who acts for a member unit (self-assessment, explanation) or for the head unit (review): its officer or head. */
export const UNIT_ROLES: readonly Role[] = ['tdkt_officer', 'unit_head'];

const isAdmin = (principal: Principal) => principal.scopedGrants.some((grant) => grant.role === 'admin');

/** True when the user acts for exactly this unit (a grant on the unit itself, not on a level above). */
export const actsFor = (principal: Principal, unitPath: string | null) =>
  unitPath !== null &&
  principal.scopedGrants.some((grant) => UNIT_ROLES.includes(grant.role) && grant.unitPath === unitPath);

/**
 * A table's managers: the emulation officers of the council's own unit or of its standing body
 * (and administrators). They draft, open and set targets; they see every bloc's sheets and results.
 */
export function isTableManager(
  principal: Principal,
  row: { unitPath: string; standingPath: string | null },
): boolean {
  if (isAdmin(principal)) return true;
  return principal.scopedGrants.some(
    (grant) =>
      WRITE_ROLES.includes(grant.role) &&
      grant.unitPath !== null &&
      (grant.unitPath === row.unitPath ||
        (row.standingPath !== null && grant.unitPath.startsWith(row.standingPath))),
  );
}

/** The user's part in one bloc: head (acts for the head unit), supervising council member, or member (acts for a member unit). */
export interface BlocPart {
  isHead: boolean;
  isSupervisor: boolean;
  /** The member units of the bloc the user acts for. */
  memberUnitIds: string[];
}

/** The user's part in each bloc of a table, with one query for the member units. */
export async function blocParts(
  db: Executor,
  principal: Principal,
  blocs: readonly TableBlocRow[],
): Promise<Map<string, BlocPart>> {
  const paths = principal.scopedGrants
    .filter((grant) => UNIT_ROLES.includes(grant.role) && grant.unitPath)
    .map((grant) => grant.unitPath as string);
  const members =
    paths.length && blocs.length
      ? (
          (await db.execute(sql`select m.bloc_id as "blocId", m.unit_id as "unitId" from bloc_members m
          join units u on u.id = m.unit_id
          where m.bloc_id = any(${`{${blocs.map((bloc) => bloc.blocId).join(',')}}`}::uuid[])
            and u.path = any(${`{${paths.map((path) => `"${path}"`).join(',')}}`}::text[])`)) as unknown as {
            rows: { blocId: string; unitId: string }[];
          }
        ).rows
      : [];
  const parts = new Map<string, BlocPart>();
  for (const bloc of blocs)
    parts.set(bloc.blocId, {
      isHead: actsFor(principal, bloc.headUnitPath),
      isSupervisor: bloc.supervisorUserId !== null && bloc.supervisorUserId === principal.id,
      memberUnitIds: members.filter((row) => row.blocId === bloc.blocId).map((row) => row.unitId),
    });
  return parts;
}

/** Whether the user reads the whole table: a manager, a reader over the council, or anyone with a part in one of its blocs. */
export async function tableAccess(
  db: Executor,
  principal: Principal,
  row: TableRow,
  blocs: readonly TableBlocRow[],
) {
  const isManager = isTableManager(principal, row);
  const readScope: Scope = await resolveScope(db, principal, READ_ROLES);
  const parts = await blocParts(db, principal, blocs);
  const hasPart = [...parts.values()].some(
    (part) => part.isHead || part.isSupervisor || part.memberUnitIds.length > 0,
  );
  const canRead = isManager || inScope(readScope, row.unitPath) || hasPart;
  const actions: ScoringTableAction[] = [];
  if (isManager && row.status === 'draft') actions.push('edit', 'open', 'set_targets');
  if (isManager && row.status === 'open') actions.push('rename', 'set_targets');
  const canPublish = isManager || [...parts.values()].some((part) => part.isHead);
  if (canPublish && row.status === 'open') actions.push('publish');
  return { isManager, canRead, parts, actions };
}
export type TableAccess = Awaited<ReturnType<typeof tableAccess>>;

const tableMessages: Record<ScoringTableAction, string> = {
  edit: 'Bảng tiêu chí đã mở chấm điểm; chỉ sửa được tên bảng, không sửa tiêu chí, thứ tự xét bằng điểm hay số đơn vị dẫn đầu.',
  rename: 'Bảng tiêu chí đã công bố kết quả; không sửa tên được nữa.',
  open: 'Chỉ mở chấm điểm được bảng tiêu chí đang dự thảo.',
  set_targets: 'Bảng tiêu chí đã công bố kết quả; không giao chỉ tiêu được nữa.',
  publish: 'Chỉ công bố được kết quả khi bảng tiêu chí đang chấm điểm.',
};

/** 403 unless the user reads the table and the action is theirs; 409 when theirs but not in this state. */
export function assertTableAllowed(
  access: TableAccess,
  action: ScoringTableAction | 'read',
  isTheirs: boolean,
) {
  if (!access.canRead) throw new AppError('OUT_OF_SCOPE');
  if (action === 'read' || access.actions.includes(action)) return;
  if (isTheirs) throw new AppError('CONFLICT', tableMessages[action]);
  throw new AppError('OUT_OF_SCOPE');
}

/** The sheet actions by state: the unit self-assesses and explains, the head reviews twice. */
const unitActions: Partial<Record<SheetStatus, SheetAction[]>> = {
  self_assessment: ['self_assess', 'submit'],
  reviewed: ['explain', 'finish_explanation'],
};
const headActions: Partial<Record<SheetStatus, SheetAction[]>> = {
  submitted: ['review', 'finish_review'],
  explained: ['review', 'finalize'],
};

/** What a user may do with one unit's sheet: read it, and which step they may take now. */
export function sheetAccess(
  access: TableAccess,
  sheet: { blocId: string; unitId: string; status: SheetStatus },
  tableOpen: boolean,
  published: boolean,
) {
  const part = access.parts.get(sheet.blocId);
  const isOwn = !!part?.memberUnitIds.includes(sheet.unitId);
  const isHead = !!part?.isHead;
  const seesAll = access.isManager || isHead || !!part?.isSupervisor;
  const canRead = seesAll || isOwn || (published && !!part?.memberUnitIds.length);
  const actions: SheetAction[] = [];
  if (tableOpen && !published) {
    if (isOwn) actions.push(...(unitActions[sheet.status] ?? []));
    if (isHead) actions.push(...(headActions[sheet.status] ?? []));
  }
  return { canRead, isOwn, isHead, seesAll, actions };
}
export type SheetAccess = ReturnType<typeof sheetAccess>;

/** 403 unless the user reads the sheet and the step is theirs; 409 when theirs but not at this state. */
export function assertSheetAllowed(access: SheetAccess, action: SheetAction | 'read') {
  if (!access.canRead) throw new AppError('OUT_OF_SCOPE');
  if (action === 'read' || access.actions.includes(action)) return;
  const isUnitStep = ['self_assess', 'submit', 'explain', 'finish_explanation'].includes(action);
  if ((isUnitStep && access.isOwn) || (!isUnitStep && access.isHead))
    throw new AppError('CONFLICT', 'Bảng điểm không ở bước cho phép thao tác này.');
  throw new AppError('OUT_OF_SCOPE');
}

/** SQL over `scoring_tables t` joined to council `c`, its unit `cu` and standing body `su`: the tables a user sees. */
export function tableVisibleSql(scope: Scope, principal: Principal): SQL | undefined {
  if (scope === null) return undefined;
  const paths = principal.scopedGrants
    .filter((grant) => grant.unitPath)
    .map((grant) => grant.unitPath as string);
  const prefixes = (column: SQL) =>
    scope.length
      ? sql.join(
          scope.map((prefix) => sql`${column} like ${`${prefix}%`}`),
          sql` or `,
        )
      : sql`false`;
  const blocsOf = sql`(t.bloc_id is null and b.council_id = t.council_id and b.year = t.year) or b.id = t.bloc_id`;
  return sql`(${prefixes(sql`cu.path`)} or ${prefixes(sql`coalesce(su.path, '')`)}
    or exists (select 1 from blocs b join bloc_members m on m.bloc_id = b.id join units mu on mu.id = m.unit_id
      where (${blocsOf}) and mu.path = any(${`{${paths.map((path) => `"${path}"`).join(',')}}`}::text[]))
    or exists (select 1 from blocs b join council_members cm on cm.id = b.supervisor_member_id
      join persons pe on pe.id = cm.person_id where (${blocsOf}) and pe.user_id = ${principal.id}))`;
}
