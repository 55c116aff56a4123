import { z } from 'zod';

/** Limits shared by every paged list. */
export const PAGE_SIZE_DEFAULT = 20;
export const PAGE_SIZE_MAX = 200;

/** Query string of a paged list: 1-based page and a bounded page size. */
export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(PAGE_SIZE_DEFAULT),
});
export type PageQuery = z.infer<typeof PageQuery>;

/** A page of a list: the items shown and the total matching the filter. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int() });

/** One field that failed validation, with a Vietnamese message. */
export const FieldError = z.object({ path: z.string(), message: z.string() });
export type FieldError = z.infer<typeof FieldError>;

/** The version of an editable record: 1 when created, one more at every change (optimistic locking). */
export const RecordVersion = z.number().int().min(1, 'Phiên bản không hợp lệ');

/** A body without its `version` (distributive over unions): the change itself, before the version is added. */
export type WithoutVersion<T> = T extends unknown ? Omit<T, 'version'> : never;

/**
 * What a 409 VERSION_CONFLICT carries: the version the record has now, when and by whom it was last
 * changed, and the record as its read route presents it, so the form can show what changed.
 */
export const VersionConflict = z.object({
  version: z.number().int(),
  updatedAt: z.string(),
  /** Full name of the user who made the last change; null when unknown (system, import). */
  updatedBy: z.string().nullable(),
  current: z.unknown().optional(),
});
export type VersionConflict = z.infer<typeof VersionConflict>;

/** Every error reply of the API has this shape; the web switches on `code`. */
export const ErrorResponse = z.object({
  code: z.string(),
  message: z.string(),
  requestId: z.string().optional(),
  fields: z.array(FieldError).optional(),
  conflict: VersionConflict.optional(),
});
export type ErrorResponse = z.infer<typeof ErrorResponse>;

/** Reply of a mutation that returns nothing but success. */
export const OkResponse = z.object({ ok: z.literal(true) });

/** A date as `YYYY-MM-DD` (ISO, the API's only date format; files and screens use dd/mm/yyyy). */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày không hợp lệ (YYYY-MM-DD)');
/** A record id. */
export const Uuid = z.string().uuid('Mã không hợp lệ');
/** A required name of a record. */
export const Name = z.string().trim().min(1, 'Vui lòng nhập tên').max(300);

/** Above this many rows a list's total is shown as "hơn 10.000" unless the user asks for the exact figure. */
export const TOTAL_CAP = 10_000;

/** An opaque position in a keyset-paged list (base64url of the sort key of a row). */
export const Cursor = z.string().regex(/^[A-Za-z0-9_-]{1,2000}$/, 'Vị trí trang không hợp lệ');

/**
 * Query of a keyset-paged list: the rows after (or before) a cursor, a bounded page size, and
 * `exactTotal=true` when the user asks for the exact total of a large list. Giving both `after`
 * and `before` is refused by the server (400).
 */
export const CursorQuery = z.object({
  after: Cursor.optional(),
  before: Cursor.optional(),
  limit: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(PAGE_SIZE_DEFAULT),
  exactTotal: z.enum(['true', 'false']).optional(),
});
export type CursorQuery = z.infer<typeof CursorQuery>;

/** A list's total: exact, or `TOTAL_CAP` with `exact: false` meaning "more than that". */
export const ListTotal = z.object({ value: z.number().int(), exact: z.boolean() });
export type ListTotal = z.infer<typeof ListTotal>;

/** A keyset page: the rows, cursors to the next and previous pages (null at either end), the total. */
export const cursorPageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), next: Cursor.nullable(), prev: Cursor.nullable(), total: ListTotal });
