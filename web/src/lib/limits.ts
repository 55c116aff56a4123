import { z } from 'zod';

/** The schema under optional / nullable / default wrappers. */
function unwrap(schema: z.ZodType): z.ZodType {
  let inner: z.ZodType = schema;
  for (let depth = 0; depth < 5; depth += 1) {
    if (inner instanceof z.ZodOptional || inner instanceof z.ZodNullable) inner = inner.unwrap() as z.ZodType;
    else if (inner instanceof z.ZodDefault) inner = inner.unwrap() as z.ZodType;
    else break;
  }
  return inner;
}

/** The longest text a contract field accepts, read from the schema the server checks with. */
export function textLimit(schema: z.ZodType): number | undefined {
  const inner = unwrap(schema);
  return inner instanceof z.ZodString && inner.maxLength !== null ? inner.maxLength : undefined;
}

/**
 * Props for an antd Input / TextArea: the contract's limit as `maxLength` and a character counter,
 * so the limit is seen while typing instead of refused after sending.
 */
export function limitProps(schema: z.ZodType): { maxLength?: number; showCount?: boolean } {
  const max = textLimit(schema);
  return max === undefined ? {} : { maxLength: max, showCount: true };
}

/** `limitProps` of one field of an object contract (a body), by name. */
export function fieldLimitProps(body: z.ZodType, field: string) {
  const shape = (unwrap(body) as z.ZodObject).shape as Record<string, z.ZodType> | undefined;
  const schema = shape?.[field];
  return schema ? limitProps(schema) : {};
}
