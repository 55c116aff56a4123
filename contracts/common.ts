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
export const RecordVersion = z
  .number()
  .int()
  .min(1, 'Phiên bản không hợp lệ')
  .max(2_147_483_647, 'Phiên bản không hợp lệ');

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

/* ------------------------------------------------------------ text and dates */

/** Field error for text holding a control character (NUL, escape, …): never stored, never shown. */
export const CONTROL_CHARACTER_MESSAGE = 'Không được chứa ký tự điều khiển';
/** Field error for text holding half of a UTF-16 surrogate pair (not a character at all). */
export const BROKEN_CHARACTER_MESSAGE = 'Có ký tự không hợp lệ (lỗi mã hóa)';
/** Field error for text longer than its limit, in plain Vietnamese. */
export const maxLengthMessage = (max: number) => `Tối đa ${max} ký tự`;

/**
 * The first character a text field may not hold: a C0 or C1 control character (NUL included, and
 * DEL), except tab and line feed when `allowLineBreaks`, or an unpaired surrogate. Null when clean.
 */
export function findForbiddenCharacter(text: string, allowLineBreaks = false): 'control' | 'broken' | null {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) {
      if (!(allowLineBreaks && (code === 0x09 || code === 0x0a))) return 'control';
    } else if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(index + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return 'broken';
      index += 1;
    } else if (code >= 0xdc00 && code <= 0xdfff) return 'broken';
  }
  return null;
}

/** Adds the refusal of control characters and broken characters to a string schema. */
const refuseForbidden = (schema: z.ZodString, allowLineBreaks: boolean) =>
  schema.superRefine((text, context) => {
    const found = findForbiddenCharacter(text, allowLineBreaks);
    if (found) {
      const message = found === 'control' ? CONTROL_CHARACTER_MESSAGE : BROKEN_CHARACTER_MESSAGE;
      context.addIssue({ code: 'custom', message, input: text });
    }
  });

/** One-line text typed by a user (names, titles, search words): trimmed, at most `max` characters, no control characters. */
export const Text = (max: number) =>
  refuseForbidden(z.string().trim().max(max, maxLengthMessage(max)), false);

/** Text of several lines (a pledge, a reason): trimmed; line feeds and tabs allowed, no other control character. */
export const MultilineText = (max: number) =>
  refuseForbidden(z.string().trim().max(max, maxLengthMessage(max)), true);

/** The longest text a document (an imported plan) may have; no paragraph of it can be longer. */
export const DOCUMENT_TEXT_MAX = 1_000_000;

/** Text kept exactly as written (document paragraphs): not trimmed; line feeds and tabs allowed. */
export const DocumentText = (max = DOCUMENT_TEXT_MAX) =>
  refuseForbidden(z.string().max(max, maxLengthMessage(max)), true);

/** A code of a fixed form (unit code, username, number): trimmed, then matched against `pattern`. */
export const Code = (pattern: RegExp, message: string) =>
  refuseForbidden(z.string().trim().regex(pattern, message), false);

/** A password as typed: never trimmed (spaces count), bounded, no control characters. */
export const Password = (min: number, max: number, minMessage: string) =>
  refuseForbidden(z.string().min(min, minMessage).max(max, maxLengthMessage(max)), false);

/** Years a date of the system may fall in: PostgreSQL refuses year 0, and no record predates 1900. */
export const DATE_YEAR_MIN = 1900;
export const DATE_YEAR_MAX = 2999;

/** True when `YYYY-MM-DD` names a day of the calendar (2024-02-29 yes, 2025-02-29 and 2026-13-01 no). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < DATE_YEAR_MIN || year > DATE_YEAR_MAX || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A date as `YYYY-MM-DD` (ISO, the API's only date format; files and screens use dd/mm/yyyy), a real calendar day. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày không hợp lệ (viết theo dạng năm-tháng-ngày)')
  .refine(isCalendarDate, `Ngày không có trên lịch (năm từ ${DATE_YEAR_MIN} đến ${DATE_YEAR_MAX})`);

/** A date read from the database, for replies: shown as stored, never refused (requests use IsoDate). */
export const StoredDate = z.string().describe('YYYY-MM-DD');

/**
 * A check for an object with a start and an end (dates as `YYYY-MM-DD` or years): when both are
 * given, the end may not come before the start; the error sits on the end field.
 */
export function endNotBeforeStart<K extends string>(start: K, end: K, message: string) {
  return (value: Partial<Record<K, unknown>>, context: z.RefinementCtx) => {
    const [from, to] = [value[start], value[end]];
    if (from === null || from === undefined || to === null || to === undefined) return;
    if ((typeof from === 'number' || typeof from === 'string') && typeof to === typeof from && to < from) {
      context.addIssue({ code: 'custom', path: [end], message, input: to });
    }
  };
}

/** A record id. */
export const Uuid = z.string().uuid('Mã không hợp lệ');
/** A required name of a record. */
export const Name = Text(300).min(1, 'Vui lòng nhập tên');

/** Above this many rows a list's total is shown as "hơn 10.000" unless the user asks for the exact figure. */
export const TOTAL_CAP = 10_000;

/**
 * A search over units counts its matches only up to this many unless asked: past it, the official
 * narrows the search rather than reads on ("Hơn 1.000 đơn vị"), and counting more rows than a page
 * shows was most of a common word's cost at national size.
 */
export const SEARCH_TOTAL_CAP = 1_000;

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
