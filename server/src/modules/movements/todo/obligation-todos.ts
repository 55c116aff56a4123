import { sql } from 'drizzle-orm';
import type { Role } from '#contracts/auth.ts';
import { grantedUnitIds, isAdmin } from '#server/platform/auth/policy.ts';
import {
  type SortColumns,
  sqlTodoProvider,
  TODO_COUNT_CAP,
  uuidList,
} from '#server/platform/todo/sql-provider.ts';
import { MANAGE_ROLES } from '../movements.policy.ts';

/** Who answers for a unit's own work: its emulation officers prepare it, its head signs it. */
export const UNIT_WORK_ROLES: readonly Role[] = [...MANAGE_ROLES, 'unit_head'];
const movementLink = (id: string, tab?: string) => `/phong-trao/${id}${tab ? `?tab=${tab}` : ''}`;
const activeOn = (today: string) => sql`(u.valid_to is null or u.valid_to >= ${today}::date)`;

interface ObligationRow extends SortColumns {
  movement_id: string;
  movement_name: string;
  unit_id: string;
  unit_name: string;
  due_on: string | null;
  draft_id: string | null;
}

/**
 * The implementing plans the user's own units still have to issue (plan_obligations_unit_idx):
 * an officer is sent to the movement to draft it (or to the draft already started), a head to read it.
 */
export const planObligationTodos = sqlTodoProvider<ObligationRow>({
  source: 'movements.plan-obligations',
  kind: 'plan_obligation',
  select(principal, today) {
    const unitIds = grantedUnitIds(principal, UNIT_WORK_ROLES);
    if (!unitIds.length) return null;
    return sql`select o.due_on as sort_due, null::timestamptz as sort_at, o.id as sort_id,
        m.id as movement_id, m.name as movement_name, u.id as unit_id, u.name as unit_name,
        o.due_on::text as due_on,
        (select d.id from movements d
          where d.parent_movement_id = o.movement_id and d.launching_unit_id = o.unit_id and d.status = 'draft'
          order by d.created_at desc limit 1) as draft_id
      from plan_obligations o
      join movements m on m.id = o.movement_id
      join units u on u.id = o.unit_id
      where o.unit_id in ${uuidList(unitIds)} and o.state = 'pending' and m.status = 'launched'
        and ${activeOn(today)}`;
  },
  toDraft(row, principal) {
    const isOfficer = grantedUnitIds(principal, MANAGE_ROLES).includes(row.unit_id);
    return {
      key: row.sort_id,
      kind: 'plan_obligation',
      title: row.draft_id
        ? 'Hoàn thiện và ban hành kế hoạch triển khai (đã có dự thảo)'
        : 'Xây dựng, ban hành kế hoạch triển khai phong trào',
      detail: row.movement_name,
      unit: { id: row.unit_id, name: row.unit_name },
      dueOn: row.due_on,
      link: movementLink(row.draft_id ?? row.movement_id),
      actionLabel: !isOfficer ? 'Xem phong trào' : row.draft_id ? 'Mở dự thảo' : 'Xây dựng kế hoạch',
    };
  },
});

interface FollowUpRow extends SortColumns {
  movement_id: string;
  movement_name: string;
  unit_id: string;
  unit_name: string;
  first_due: string;
  overdue: number;
}

/**
 * For the officers of a launching unit: each launched movement of theirs whose active subordinate
 * units missed the deadline of their implementing plans, with how many (counted up to the cap,
 * on the pending-obligations index of the movement).
 */
export const planFollowUpTodos = sqlTodoProvider<FollowUpRow>({
  source: 'movements.plan-follow-up',
  kind: 'plan_follow_up',
  select(principal, today) {
    const unitIds = grantedUnitIds(principal, MANAGE_ROLES);
    if (!unitIds.length) return null;
    return sql`select f.first_due as sort_due, null::timestamptz as sort_at, m.id as sort_id,
        m.id as movement_id, m.name as movement_name, lu.id as unit_id, lu.name as unit_name,
        f.first_due::text as first_due, f.overdue
      from movements m
      join units lu on lu.id = m.launching_unit_id
      cross join lateral (
        select count(*)::int as overdue, min(x.due_on) as first_due from (
          select o.due_on from plan_obligations o join units u on u.id = o.unit_id
          where o.movement_id = m.id and o.state = 'pending' and o.due_on < ${today}::date and ${activeOn(today)}
          order by o.due_on limit ${TODO_COUNT_CAP}
        ) x
      ) f
      where m.launching_unit_id in ${uuidList(unitIds)} and m.status = 'launched' and f.overdue > 0`;
  },
  toDraft(row) {
    const count = Number(row.overdue);
    const many = count >= TODO_COUNT_CAP ? `Hơn ${TODO_COUNT_CAP.toLocaleString('vi-VN')}` : String(count);
    return {
      key: row.sort_id,
      kind: 'plan_follow_up',
      title: `Đôn đốc ${many} đơn vị chưa ban hành kế hoạch triển khai`,
      detail: row.movement_name,
      unit: { id: row.unit_id, name: row.unit_name },
      dueOn: row.first_due,
      link: movementLink(row.movement_id, 'trien-khai'),
      actionLabel: 'Xem tình hình triển khai',
    };
  },
});

interface UnattendedRow extends SortColumns {
  movement_id: string;
  movement_name: string;
  unit_id: string;
  unit_name: string;
  due_on: string | null;
}

/**
 * For administrators: active units that owe an implementing plan but have no active emulation
 * officer account, so nobody receives the obligation (walks the pending obligations by deadline).
 */
export const unitWithoutOfficerTodos = sqlTodoProvider<UnattendedRow>({
  source: 'movements.units-without-officer',
  kind: 'unit_without_officer',
  select(principal, today) {
    if (!isAdmin(principal)) return null;
    return sql`select o.due_on as sort_due, null::timestamptz as sort_at, o.id as sort_id,
        m.id as movement_id, m.name as movement_name, u.id as unit_id, u.name as unit_name,
        o.due_on::text as due_on
      from plan_obligations o
      join movements m on m.id = o.movement_id
      join units u on u.id = o.unit_id
      where o.state = 'pending' and m.status = 'launched' and ${activeOn(today)}
        and not exists (
          select 1 from role_grants g join users a on a.id = g.user_id and a.is_active
          where g.unit_id = o.unit_id and g.role = 'tdkt_officer')`;
  },
  toDraft(row) {
    return {
      key: row.sort_id,
      kind: 'unit_without_officer',
      title: `Phân quyền cán bộ TĐKT cho ${row.unit_name}`,
      detail: `Đơn vị chưa có ai nhận việc ban hành kế hoạch triển khai phong trào “${row.movement_name}”`,
      unit: { id: row.unit_id, name: row.unit_name },
      dueOn: row.due_on,
      link: `/to-chuc/don-vi/${row.unit_id}`,
      actionLabel: 'Mở đơn vị',
    };
  },
});
