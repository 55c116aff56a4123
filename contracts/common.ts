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

/** Every error reply of the API has this shape; the web switches on `code`. */
export const ErrorResponse = z.object({
  code: z.string(),
  message: z.string(),
  requestId: z.string().optional(),
  fields: z.array(FieldError).optional(),
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
