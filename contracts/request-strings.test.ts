import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type JsonSchema, leaves, resolve, sample, withValue } from '../tests/support/fuzz/json-schema.ts';
import * as audit from './audit.ts';
import * as auth from './auth.ts';
import * as common from './common.ts';
import * as movements from './movements.ts';
import * as notifications from './notifications.ts';
import * as organisation from './organisation.ts';
import * as users from './users.ts';
import { installVietnameseValidationMessages } from './validation-messages.ts';

installVietnameseValidationMessages();

/** Request schemas: every `…Body` and `…Query` of the contracts, and the bodies named otherwise. */
const requestSchemas = Object.entries({
  ...audit,
  ...auth,
  ...common,
  ...movements,
  ...notifications,
  ...organisation,
  ...users,
})
  .filter(
    ([name, value]) =>
      value instanceof z.ZodType &&
      (/(Body|Query)$/.test(name) || ['PlanContent', 'CriteriaEdit'].includes(name)),
  )
  .map(([name, value]) => [name, value as z.ZodType] as const);

/** English words a field error must never show (zod's defaults and type names). */
const english = /\b(string|number|boolean|object|array|expected|received|invalid|input|required|too|must)\b/i;

/** One valid-shaped payload per branch of the schema (each option of a union gets its own). */
function payloadsOf(schema: z.ZodType) {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema & {
    $defs?: Record<string, JsonSchema>;
  };
  const resolveRef = (ref: string) => json.$defs?.[ref.split('/').pop() ?? ''];
  const root = resolve(json, resolveRef);
  const branches = root.oneOf ?? root.anyOf ?? [root];
  const idFor = () => '0b4f2f6e-8f1e-4c3a-9d57-5a3f1c2b7e10';
  return branches.map((branch) => ({ json: branch, resolveRef, payload: sample(branch, resolveRef, idFor) }));
}

describe('request contracts', () => {
  it('cover every request schema of the API', () => {
    expect(requestSchemas.length).toBeGreaterThan(45);
  });

  it.each(requestSchemas)(
    '%s refuses NUL in every one of its string fields, in Vietnamese',
    (_name, schema) => {
      let checked = 0;
      for (const { json, resolveRef, payload } of payloadsOf(schema)) {
        for (const leaf of leaves(payload, json, resolveRef)) {
          if (typeof leaf.value !== 'string') continue;
          checked += 1;
          const result = schema.safeParse(withValue(payload, leaf.path, `${leaf.value}\u0000`));
          const where = leaf.path.join('.');
          expect(result.success, `${where} accepted NUL`).toBe(false);
          const issues = result.error?.issues ?? [];
          expect(
            issues.some(
              (issue) =>
                issue.path.join('.') === where ||
                (issue.code === 'invalid_union' && issue.path.length < leaf.path.length),
            ),
            `${where}: ${JSON.stringify(issues)}`,
          ).toBe(true);
          for (const issue of issues) expect(issue.message, where).not.toMatch(english);
        }
      }
      const hasStrings = JSON.stringify(
        z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }),
      ).includes('"string"');
      if (hasStrings) expect(checked).toBeGreaterThan(0);
    },
  );

  it.each(requestSchemas)(
    '%s bounds every string field (a length limit, a pattern, a format or a list)',
    (_name, schema) => {
      for (const { json, resolveRef, payload } of payloadsOf(schema)) {
        for (const leaf of leaves(payload, json, resolveRef)) {
          if (typeof leaf.value !== 'string') continue;
          const field = leaf.schema;
          const bounded =
            field.maxLength !== undefined ||
            field.pattern ||
            field.format ||
            field.enum ||
            field.const !== undefined;
          expect(bounded, `${leaf.path.join('.')} is a plain unrestricted string`).toBeTruthy();
        }
      }
    },
  );
});
