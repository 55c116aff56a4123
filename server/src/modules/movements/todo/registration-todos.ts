import { sql } from 'drizzle-orm';
import { grantedUnitIds } from '#server/platform/auth/policy.ts';
import { type SortColumns, sqlTodoProvider, uuidList } from '#server/platform/todo/sql-provider.ts';
import { REVIEW_ROLES } from '../registrations/registrations.policy.ts';
import { UNIT_WORK_ROLES } from './obligation-todos.ts';

const registrationsLink = (movementId: string) => `/phong-trao/${movementId}?tab=dang-ky`;

interface RegistrationRow extends SortColumns {
  kind: 'unit' | 'person' | 'consolidated';
  movement_id: string;
  movement_name: string;
  unit_id: string;
  unit_name: string;
  person_name: string | null;
  status: 'draft' | 'returned' | 'submitted';
  return_reason: string | null;
}

/** Whose registration it is, as a title ends: the person's name, or the unit's. */
const subjectOf = (row: RegistrationRow) =>
  row.kind === 'person' ? (row.person_name ?? row.unit_name) : row.unit_name;

/**
 * Submitted registrations waiting at a unit the user is an officer or head of: the reviewing unit of
 * registrations.policy.ts (a person's own unit; the unit above a unit's registration, or the launching
 * unit itself), its internal divisions (phòng, ban) counting as the unit. Officers higher up may also
 * act on them, but they do not wait for them. Candidates are the registrations of the reviewing units
 * and their children, read through the index of submitted registrations per unit.
 */
export const registrationReviewTodos = sqlTodoProvider<RegistrationRow>({
  source: 'movements.registration-reviews',
  kind: 'registration_review',
  select(principal) {
    const unitIds = grantedUnitIds(principal, REVIEW_ROLES);
    if (!unitIds.length) return null;
    const mine = uuidList(unitIds);
    return sql`select null::date as sort_due, r.submitted_at as sort_at, r.id as sort_id,
        r.kind, m.id as movement_id, m.name as movement_name, u.id as unit_id, u.name as unit_name,
        p.full_name as person_name, r.status, r.return_reason
      from registrations r
      join units u on u.id = r.unit_id
      join movements m on m.id = r.movement_id
      left join persons p on p.id = r.person_id
      where r.status = 'submitted'
        and r.unit_id in (
          select c.id from units c where c.id in ${mine} or c.parent_id in ${mine}
          union all
          select c.id from units c join units d on c.parent_id = d.id
          where d.parent_id in ${mine} and d.kind = 'division')
        and (
          case when r.kind = 'person' or r.unit_id = m.launching_unit_id then r.unit_id else u.parent_id end
        ) in (
          select d.id from units d where d.id in ${mine} or (d.parent_id in ${mine} and d.kind = 'division'))`;
  },
  toDraft(row) {
    return {
      key: row.sort_id,
      kind: 'registration_review',
      title:
        row.kind === 'consolidated'
          ? `Duyệt bản đăng ký tổng hợp của ${subjectOf(row)}`
          : `Duyệt bản đăng ký thi đua của ${subjectOf(row)}`,
      detail: row.movement_name,
      unit: { id: row.unit_id, name: row.unit_name },
      dueOn: null,
      link: registrationsLink(row.movement_id),
      actionLabel: 'Xem và duyệt',
    };
  },
});

/**
 * The user's own registrations still to send: their personal ones (through their person record)
 * and those of the units they are an officer or head of, in draft or returned for correction,
 * for movements still running.
 */
export const registrationFixTodos = sqlTodoProvider<RegistrationRow>({
  source: 'movements.registration-fixes',
  kind: 'registration_fix',
  select(principal) {
    const unitIds = grantedUnitIds(principal, UNIT_WORK_ROLES);
    const ownUnits = unitIds.length
      ? sql`(r.kind <> 'person' and r.unit_id in ${uuidList(unitIds)})`
      : sql`false`;
    return sql`select null::date as sort_due, coalesce(r.submitted_at, r.created_at) as sort_at,
        r.id as sort_id, r.kind, m.id as movement_id, m.name as movement_name,
        u.id as unit_id, u.name as unit_name, p.full_name as person_name, r.status, r.return_reason
      from registrations r
      join units u on u.id = r.unit_id
      join movements m on m.id = r.movement_id
      left join persons p on p.id = r.person_id
      where r.status in ('draft', 'returned') and m.status = 'launched'
        and (r.person_id = (select me.id from persons me where me.user_id = ${principal.id}::uuid) or ${ownUnits})`;
  },
  toDraft(row) {
    const isReturned = row.status === 'returned';
    const whose =
      row.kind === 'person' ? 'bản đăng ký thi đua của anh/chị' : `bản đăng ký của ${row.unit_name}`;
    return {
      key: row.sort_id,
      kind: 'registration_fix',
      title: isReturned ? `Sửa và gửi lại ${whose}` : `Hoàn thiện và gửi ${whose}`,
      detail:
        isReturned && row.return_reason
          ? `${row.movement_name} — Lý do trả lại: ${row.return_reason}`
          : row.movement_name,
      unit: { id: row.unit_id, name: row.unit_name },
      dueOn: null,
      link: registrationsLink(row.movement_id),
      actionLabel: 'Mở bản đăng ký',
    };
  },
});
