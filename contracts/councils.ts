import { z } from 'zod';
import {
  endNotBeforeStart,
  IsoDate,
  Name,
  PageQuery,
  pageOf,
  RecordVersion,
  StoredDate,
  Uuid,
} from './common.ts';

/** Councils (Hội đồng Thi đua – Khen thưởng) and blocs (khối / cụm thi đua): contracts shared by server and web. */

/** What the signed-in user may do with a council or bloc; the UI shows only these buttons. */
export const RecordAction = z.enum(['view', 'edit', 'delete']);
export type RecordAction = z.infer<typeof RecordAction>;

/** Roles in a council (Hội đồng TĐKT). */
export const CouncilRole = z.enum(['chair', 'vice_chair', 'standing_member', 'member', 'secretary']);
export type CouncilRole = z.infer<typeof CouncilRole>;
export const councilRoleLabels: Record<CouncilRole, string> = {
  chair: 'Chủ tịch Hội đồng',
  vice_chair: 'Phó Chủ tịch Hội đồng',
  standing_member: 'Ủy viên thường trực',
  member: 'Ủy viên',
  secretary: 'Thư ký',
};

/** Kind of bloc: khối (same sector) or cụm (same area). */
export const BlocKind = z.enum(['sector', 'area']);
export type BlocKind = z.infer<typeof BlocKind>;
export const blocKindLabels: Record<BlocKind, string> = { sector: 'Khối thi đua', area: 'Cụm thi đua' };

/** A member unit's role in a bloc for one year. */
export const BlocMemberRole = z.enum(['head', 'deputy', 'member']);
export type BlocMemberRole = z.infer<typeof BlocMemberRole>;
export const blocMemberRoleLabels: Record<BlocMemberRole, string> = {
  head: 'Trưởng khối/cụm',
  deputy: 'Phó trưởng khối/cụm',
  member: 'Thành viên',
};

/* -------------------------------------------------------------- councils */

export const CouncilMember = z.object({
  id: z.string(),
  personId: z.string(),
  personName: z.string(),
  position: z.string().nullable(),
  role: CouncilRole,
  termFrom: StoredDate,
  termTo: StoredDate.nullable(),
  /** The member's version; an update sends it back and is refused (409) when it is stale. */
  version: z.number().int(),
});
export type CouncilMember = z.infer<typeof CouncilMember>;

export const CouncilListItem = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  name: z.string(),
  standingUnitId: z.string().nullable(),
  standingUnitName: z.string().nullable(),
  memberCount: z.number().int(),
  actions: z.array(RecordAction),
  /** The council's version; an update sends it back and is refused (409) when it is stale. */
  version: z.number().int(),
});
export const CouncilDetail = CouncilListItem.extend({ members: z.array(CouncilMember) });
export type CouncilDetail = z.infer<typeof CouncilDetail>;
export const CouncilPage = pageOf(CouncilListItem);
export const CouncilQuery = PageQuery.extend({ unitId: Uuid.optional() });

export const CreateCouncilBody = z.object({
  unitId: Uuid,
  name: Name,
  standingUnitId: Uuid.nullable().default(null),
});
export type CreateCouncilBody = z.infer<typeof CreateCouncilBody>;
export const UpdateCouncilBody = z
  .object({ name: Name, standingUnitId: Uuid.nullable() })
  .partial()
  .extend({ version: RecordVersion });
export type UpdateCouncilBody = z.infer<typeof UpdateCouncilBody>;

/** A member's term may not end before it starts. */
export const TERM_ORDER_MESSAGE = 'Ngày kết thúc nhiệm kỳ không được trước ngày bắt đầu';
const termInOrder = endNotBeforeStart('termFrom', 'termTo', TERM_ORDER_MESSAGE);

export const CouncilMemberBody = z
  .object({
    personId: Uuid,
    role: CouncilRole,
    termFrom: IsoDate,
    termTo: IsoDate.nullable().default(null),
  })
  .superRefine(termInOrder);
export type CouncilMemberBody = z.infer<typeof CouncilMemberBody>;
export const UpdateCouncilMemberBody = z
  .object({ role: CouncilRole, termFrom: IsoDate, termTo: IsoDate.nullable() })
  .partial()
  .extend({ version: RecordVersion })
  .superRefine(termInOrder);
export type UpdateCouncilMemberBody = z.infer<typeof UpdateCouncilMemberBody>;

/* ----------------------------------------------------------------- blocs */

export const BlocMember = z.object({
  unitId: z.string(),
  unitName: z.string(),
  role: BlocMemberRole,
  /** Stable order of members; the head rotates along it year after year. */
  position: z.number().int(),
});
export type BlocMember = z.infer<typeof BlocMember>;

export const BlocListItem = z.object({
  id: z.string(),
  councilId: z.string(),
  year: z.number().int(),
  name: z.string(),
  kind: BlocKind,
  headUnitName: z.string().nullable(),
  /** Names of the deputy units (phó trưởng khối/cụm), in the members' stable order. */
  deputyUnitNames: z.array(z.string()),
  supervisorMemberId: z.string().nullable(),
  supervisorName: z.string().nullable(),
  memberCount: z.number().int(),
  actions: z.array(RecordAction),
  /** The bloc's version (members included); an update sends it back and is refused (409) when stale. */
  version: z.number().int(),
});
export const BlocDetail = BlocListItem.extend({ members: z.array(BlocMember) });
export type BlocDetail = z.infer<typeof BlocDetail>;
export const BlocPage = pageOf(BlocListItem);
export const BlocQuery = PageQuery.extend({
  councilId: Uuid.optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  /** Only the blocs this unit belongs to (as head, deputy or member). */
  unitId: Uuid.optional(),
});

/** GET /api/blocs/years: the years that have blocs in the user's scope, latest first. */
export const BlocYearsQuery = z.object({ councilId: Uuid.optional() });
export const BlocYears = z.object({ years: z.array(z.number().int()) });

const BlocMemberInput = z.object({ unitId: Uuid, role: BlocMemberRole.default('member') });
export const CreateBlocBody = z.object({
  councilId: Uuid,
  year: z.number().int().min(1990).max(2100),
  name: Name,
  kind: BlocKind.default('sector'),
  supervisorMemberId: Uuid.nullable().default(null),
  /** Members in their stable order; exactly one head at most. */
  members: z.array(BlocMemberInput).max(500).default([]),
});
export type CreateBlocBody = z.infer<typeof CreateBlocBody>;
export const UpdateBlocBody = z
  .object({
    name: Name,
    kind: BlocKind,
    supervisorMemberId: Uuid.nullable(),
    members: z.array(BlocMemberInput).max(500),
  })
  .partial()
  .extend({ version: RecordVersion });
export type UpdateBlocBody = z.infer<typeof UpdateBlocBody>;

/** POST /api/blocs/copy-year: copies a council's blocs of `fromYear` to the next year, rotating heads. */
export const CopyBlocYearBody = z.object({ councilId: Uuid, fromYear: z.number().int().min(1990).max(2099) });
export const CopyBlocYearResult = z.object({ year: z.number().int(), copied: z.number().int() });
