import { z } from 'zod';
import { Role } from './auth.ts';
import {
  Code,
  CursorQuery,
  cursorPageOf,
  endNotBeforeStart,
  IsoDate,
  Name,
  RecordVersion,
  StoredDate,
  Text,
  Uuid,
} from './common.ts';

export { IsoDate } from './common.ts';

/** Kinds of unit (loại đơn vị); any kind may sit at any depth of the tree. */
export const UnitKind = z.enum([
  'central',
  'province',
  'department',
  'mass_organisation',
  'district',
  'commune',
  'agency',
  'public_service',
  'state_enterprise',
  'armed_forces',
  'division',
  'other',
]);
export type UnitKind = z.infer<typeof UnitKind>;

/** Vietnamese names of the unit kinds, for every screen and the import template. */
export const unitKindLabels: Record<UnitKind, string> = {
  central: 'Cơ quan trung ương',
  province: 'Tỉnh, thành phố trực thuộc trung ương',
  department: 'Sở, ban, ngành',
  mass_organisation: 'Đoàn thể, tổ chức chính trị – xã hội',
  district: 'Huyện, thị xã, thành phố thuộc tỉnh',
  commune: 'Xã, phường, đặc khu',
  agency: 'Cơ quan, tổ chức',
  public_service: 'Đơn vị sự nghiệp công lập',
  state_enterprise: 'Doanh nghiệp nhà nước',
  armed_forces: 'Đơn vị lực lượng vũ trang',
  division: 'Phòng, ban chuyên môn (nội bộ)',
  other: 'Khác',
};

/** How a unit ended and passed to its successor(s). */
export const SuccessionKind = z.enum(['merger', 'split', 'rename', 'transfer']);
export type SuccessionKind = z.infer<typeof SuccessionKind>;
export const successionKindLabels: Record<SuccessionKind, string> = {
  merger: 'Hợp nhất, sáp nhập',
  split: 'Chia tách',
  rename: 'Đổi tên',
  transfer: 'Chuyển giao',
};

/** Categories of people (đối tượng). */
export const PersonCategory = z.enum(['cadre', 'civil_servant', 'public_employee', 'worker', 'soldier']);
export type PersonCategory = z.infer<typeof PersonCategory>;
export const personCategoryLabels: Record<PersonCategory, string> = {
  cadre: 'Cán bộ',
  civil_servant: 'Công chức',
  public_employee: 'Viên chức',
  worker: 'Người lao động',
  soldier: 'Chiến sĩ',
};

export const Gender = z.enum(['male', 'female']);
export type Gender = z.infer<typeof Gender>;
export const genderLabels: Record<Gender, string> = { male: 'Nam', female: 'Nữ' };

/** What the signed-in user may do with a record; the UI shows only these buttons. */
export const UnitAction = z.enum(['view', 'edit', 'move', 'create_child', 'end', 'grant']);
export type UnitAction = z.infer<typeof UnitAction>;
export const PersonAction = z.enum(['view', 'view_sensitive', 'edit']);
export type PersonAction = z.infer<typeof PersonAction>;

/* ----------------------------------------------------------------- units */

/** A unit as a table row shows it. */
export const UnitListItem = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  /** Name of the parent unit, for the "thuộc" column. */
  parentName: z.string().nullable(),
  name: z.string(),
  shortName: z.string().nullable(),
  code: z.string(),
  kind: UnitKind,
  isCollegial: z.boolean(),
  validFrom: StoredDate.nullable(),
  validTo: StoredDate.nullable(),
  /** False once the unit's validity ended (validTo before today). */
  isActive: z.boolean(),
  /** Children the same listing returns: active only, or ended too with `includeEnded=true`. */
  childCount: z.number().int(),
  /** Children whose validity ended, whatever `includeEnded` says (closed districts are not leaves). */
  endedChildCount: z.number().int(),
  /** The units that took over this one (from its successions), in alphabetical order. */
  successors: z.array(z.object({ id: z.string(), name: z.string() })),
  actions: z.array(UnitAction),
  /** The record's version; an update sends it back and is refused (409) when it is stale. */
  version: z.number().int(),
});
export type UnitListItem = z.infer<typeof UnitListItem>;
/** A keyset page of units: `next` / `prev` cursors and a total capped at 10,000 unless asked exactly. */
export const UnitPage = cursorPageOf(UnitListItem);

/** A unit linked by succession. */
export const UnitLink = z.object({
  id: z.string(),
  name: z.string(),
  code: z.string(),
  kind: SuccessionKind,
  effectiveDate: StoredDate,
});

/** GET /api/units/:id: the unit, its ancestors (breadcrumb, root first) and its succession links. */
export const UnitDetail = UnitListItem.extend({
  ancestors: z.array(z.object({ id: z.string(), name: z.string() })),
  predecessors: z.array(UnitLink),
  successors: z.array(UnitLink),
});
export type UnitDetail = z.infer<typeof UnitDetail>;

/** The letters a list can jump to: the Vietnamese alphabet (with F, J, W, Z for foreign names). */
export const ALPHABET_LETTERS = [...'AĂÂBCDĐEÊFGHIJKLMNOÔƠPQRSTUƯVWXYZ'] as const;

/**
 * Start a list at a letter ("nhảy tới chữ"): the first name (for people, the given name) beginning
 * with it or a later letter. Ignored when a cursor is given.
 */
const Letter = z
  .string()
  .max(1, 'Chỉ một chữ cái')
  .refine((value) => (ALPHABET_LETTERS as readonly string[]).includes(value.toUpperCase()), {
    message: 'Chữ cái không hợp lệ',
  });

/** Filters of the unit list (and of its export). `q`: words of the name, short name or code, any order, without diacritics. */
export const UnitFilterQuery = z.object({
  q: Text(100).optional(),
  kind: UnitKind.optional(),
  /** Include units whose validity has ended (default: only active units). */
  includeEnded: z.enum(['true', 'false']).optional(),
});
export type UnitFilterQuery = z.infer<typeof UnitFilterQuery>;

export const UnitQuery = CursorQuery.extend({ ...UnitFilterQuery.shape, letter: Letter.optional() });
export type UnitQuery = z.infer<typeof UnitQuery>;

export const UnitChildrenQuery = CursorQuery.extend({ includeEnded: z.enum(['true', 'false']).optional() });
export type UnitChildrenQuery = z.infer<typeof UnitChildrenQuery>;

/** GET /api/units/roots: `includeEnded=true` makes `childCount` count ended children too. */
export const UnitRootsQuery = z.object({ includeEnded: z.enum(['true', 'false']).optional() });

/** Fields of a unit without defaults, so that a PATCH changes only what it sends. */
const unitFields = {
  name: Name,
  shortName: Text(50).nullable(),
  code: Code(
    /^[A-Za-z0-9._-]{1,64}$/,
    'Mã đơn vị chỉ gồm chữ không dấu, số, dấu chấm, gạch (tối đa 64 ký tự)',
  ),
  kind: UnitKind,
  isCollegial: z.boolean(),
  validFrom: IsoDate.nullable(),
  validTo: IsoDate.nullable(),
};

/** A unit's validity may not end before it starts. */
export const VALIDITY_ORDER_MESSAGE = 'Ngày hết hiệu lực không được trước ngày bắt đầu hiệu lực';
const validityInOrder = endNotBeforeStart('validFrom', 'validTo', VALIDITY_ORDER_MESSAGE);

export const CreateUnitBody = z
  .object({
    ...unitFields,
    parentId: Uuid.nullable().default(null),
    shortName: unitFields.shortName.default(null),
    kind: UnitKind.default('other'),
    isCollegial: z.boolean().default(false),
    validFrom: IsoDate.nullable().default(null),
    validTo: IsoDate.nullable().default(null),
  })
  .superRefine(validityInOrder);
export type CreateUnitBody = z.infer<typeof CreateUnitBody>;

/** PATCH /api/units/:id: the fields to change and the version the form loaded. */
export const UpdateUnitBody = z
  .object(unitFields)
  .partial()
  .extend({ version: RecordVersion })
  .superRefine(validityInOrder);
export type UpdateUnitBody = z.infer<typeof UpdateUnitBody>;

export const MoveUnitBody = z.object({ parentId: Uuid, version: RecordVersion });
export type MoveUnitBody = z.infer<typeof MoveUnitBody>;

/** POST /api/units/:id/successions: the unit ends the day before `effectiveDate`; its work passes on. */
export const EndUnitBody = z.object({
  successorIds: z.array(Uuid).min(1, 'Chọn ít nhất một đơn vị kế thừa').max(50),
  kind: SuccessionKind,
  effectiveDate: IsoDate,
  /** The version of the unit the dialog loaded. */
  version: RecordVersion,
});
export type EndUnitBody = z.infer<typeof EndUnitBody>;

export const GrantUnitRoleBody = z.object({ userId: Uuid, role: Role });
export type GrantUnitRoleBody = z.infer<typeof GrantUnitRoleBody>;

/* ---------------------------------------------------------------- people */

/** A person as a table row shows it; sensitive fields are null unless `view_sensitive` is allowed. */
export const PersonListItem = z.object({
  id: z.string(),
  fullName: z.string(),
  gender: Gender,
  birthDate: StoredDate.nullable(),
  idNumber: z.string().nullable(),
  category: PersonCategory,
  position: z.string().nullable(),
  isLeader: z.boolean(),
  isDirectWorker: z.boolean(),
  unitId: z.string(),
  unitName: z.string(),
  userId: z.string().nullable(),
  actions: z.array(PersonAction),
  /** The record's version; an update sends it back and is refused (409) when it is stale. */
  version: z.number().int(),
});
export type PersonListItem = z.infer<typeof PersonListItem>;
/** A keyset page of people: `next` / `prev` cursors and a total capped at 10,000 unless asked exactly. */
export const PersonPage = cursorPageOf(PersonListItem);

/** One period of work in a unit. */
export const Employment = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  position: z.string().nullable(),
  startedOn: StoredDate.nullable(),
  endedOn: StoredDate.nullable(),
});
export const PersonDetail = PersonListItem.extend({ employments: z.array(Employment) });
export type PersonDetail = z.infer<typeof PersonDetail>;

/** The example the people search box shows; the demo data has people it finds (a demo test checks). */
export const PERSON_SEARCH_EXAMPLE = 'lo thi hoa';

/**
 * Filters of the people list (and of its export). `q`: words of the full name in any order, each the
 * start of a word, with or without diacritics ("an nguyen" finds "Nguyễn Văn An").
 */
export const PersonFilterQuery = z.object({
  q: Text(100).optional(),
  /** People of this unit's subtree, and of the units it succeeded. */
  unitId: Uuid.optional(),
  category: PersonCategory.optional(),
  isLeader: z.enum(['true', 'false']).optional(),
  isDirectWorker: z.enum(['true', 'false']).optional(),
});
export type PersonFilterQuery = z.infer<typeof PersonFilterQuery>;

export const PersonQuery = CursorQuery.extend({ ...PersonFilterQuery.shape, letter: Letter.optional() });
export type PersonQuery = z.infer<typeof PersonQuery>;

/** Fields of a person without defaults, so that a PATCH changes only what it sends. */
const personFields = {
  fullName: Text(200).min(2, 'Vui lòng nhập họ và tên'),
  gender: Gender,
  birthDate: IsoDate.nullable(),
  idNumber: Code(/^\d{9}(\d{3})?$/, 'Số định danh gồm 12 chữ số (hoặc CMND 9 chữ số)').nullable(),
  category: PersonCategory,
  position: Text(200).nullable(),
  isLeader: z.boolean(),
  isDirectWorker: z.boolean(),
  unitId: Uuid,
  /** When the person started in the unit (employment history); on a change of unit, the change date. */
  startedOn: IsoDate.nullable(),
  /** The account of this person (administrators only), so a staff member sees their own record. */
  userId: Uuid.nullable(),
};

export const CreatePersonBody = z.object({
  ...personFields,
  birthDate: personFields.birthDate.default(null),
  idNumber: personFields.idNumber.default(null),
  position: personFields.position.default(null),
  isLeader: z.boolean().default(false),
  isDirectWorker: z.boolean().default(false),
  startedOn: personFields.startedOn.default(null),
  userId: personFields.userId.default(null),
});
export type CreatePersonBody = z.infer<typeof CreatePersonBody>;

/** PATCH /api/persons/:id; changing `unitId` closes the current employment and opens a new one. */
export const UpdatePersonBody = z.object(personFields).partial().extend({ version: RecordVersion });
export type UpdatePersonBody = z.infer<typeof UpdatePersonBody>;

/**
 * POST /api/persons/:id/transfer: the person starts at `unitId` on `startedOn`; their current
 * employment ends the day before. `position`/`isLeader` are those at the new unit (omitted: kept).
 */
export const TransferPersonBody = z.object({
  unitId: Uuid,
  startedOn: IsoDate,
  position: Text(200).nullable().optional(),
  isLeader: z.boolean().optional(),
  version: RecordVersion,
});
export type TransferPersonBody = z.infer<typeof TransferPersonBody>;

/* ----------------------------------------------------------- import/export */

export const FileFormat = z.enum(['xlsx', 'csv']);
export const TemplateQuery = z.object({ format: FileFormat.default('xlsx') });

/** One problem in an imported file: 1-based row as the spreadsheet shows it, the column header. */
export const ImportRowError = z.object({ row: z.number().int(), column: z.string(), message: z.string() });
export type ImportRowError = z.infer<typeof ImportRowError>;
/** 422 reply of an import: nothing was imported. */
export const ImportErrorResponse = z.object({
  code: z.literal('IMPORT_INVALID'),
  message: z.string(),
  errors: z.array(ImportRowError),
});
export const ImportResult = z.object({ imported: z.number().int() });

// Councils and blocs live in their own file; re-exported so callers keep one import path.
export * from './councils.ts';
