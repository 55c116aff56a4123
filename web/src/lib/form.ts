import type { FormInstance, FormRule } from 'antd';
import type { z } from 'zod';
import { ApiError } from './api-client.ts';

/** Turns an API field path (`members.0.name`) into an antd name path (`['members', 0, 'name']`). */
export function toNamePath(path: string): (string | number)[] {
  return path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Puts the server's field errors (`fields[]` of a VALIDATION_FAILED reply) under the matching form fields.
 * Returns true when at least one field of the form received a message.
 */
export function applyFieldErrors(form: FormInstance, error: unknown): boolean {
  if (!(error instanceof ApiError) || error.fields.length === 0) return false;
  const known = new Set(Object.keys(form.getFieldsValue(true)));
  const fields = error.fields
    .map((field) => ({ name: toNamePath(field.path), errors: [field.message] }))
    .filter((field) => known.has(String(field.name[0])));
  form.setFields(fields);
  return fields.length > 0;
}

/** An antd form rule that checks a value with the same zod schema the server uses. */
export function zodRule(schema: z.ZodType): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      const result = schema.safeParse(value ?? '');
      if (!result.success) throw new Error(result.error.issues[0]?.message ?? 'Giá trị không hợp lệ');
    },
  };
}
