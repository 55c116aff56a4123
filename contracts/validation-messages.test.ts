import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  type JsonSchema,
  leaves,
  REMOVE,
  resolve,
  sample,
  withValue,
} from '../tests/support/fuzz/json-schema.ts';
import * as audit from './audit.ts';
import * as auth from './auth.ts';
import * as awardRules from './award-rules.ts';
import * as awards from './awards.ts';
import * as common from './common.ts';
import * as councils from './councils.ts';
import * as movementTracking from './movement-tracking.ts';
import * as movements from './movements.ts';
import * as notifications from './notifications.ts';
import * as organisation from './organisation.ts';
import * as users from './users.ts';
import { installVietnameseValidationMessages, vietnameseIssueMessage } from './validation-messages.ts';

installVietnameseValidationMessages();

/** English words and type names a message shown to a person must never hold. */
const english =
  /\b(string|number|int|integer|bigint|boolean|object|array|set|map|date|expected|received|invalid|input|required|too|big|small|must|uuid|email|regex|null|undefined|nan|key|value|union|format)\b|[<>=]/i;

/** Every kind of issue zod raises, with each origin and format it may carry. */
const origins = ['string', 'number', 'int', 'bigint', 'date', 'array', 'set', 'file'];
const formats = [
  'uuid',
  'uuidv4',
  'guid',
  'email',
  'url',
  'date',
  'datetime',
  'time',
  'regex',
  'ipv4',
  'base64',
];
const types = [
  'string',
  'number',
  'int',
  'bigint',
  'boolean',
  'array',
  'object',
  'date',
  'null',
  'undefined',
  'map',
  'set',
  'nan',
];
const rawIssues = [
  ...types.flatMap((expected) => [
    { code: 'invalid_type', expected, input: 5 },
    { code: 'invalid_type', expected, input: null },
    { code: 'invalid_type', expected, input: undefined },
  ]),
  { code: 'invalid_value', values: ['a', 'b'], input: 'c' },
  { code: 'invalid_value', values: ['a'], input: undefined },
  ...origins.flatMap((origin) =>
    [true, false].flatMap((inclusive) => [
      { code: 'too_big', origin, maximum: 500, inclusive, input: 'x' },
      { code: 'too_small', origin, minimum: 1, inclusive, input: '' },
      { code: 'too_small', origin, minimum: 3, inclusive, input: 'x' },
    ]),
  ),
  ...formats.map((format) => ({ code: 'invalid_format', format, input: 'x' })),
  { code: 'not_multiple_of', divisor: 5, input: 3 },
  { code: 'unrecognized_keys', keys: ['extra'], input: {} },
  { code: 'invalid_union', errors: [], input: 1 },
  { code: 'invalid_key', origin: 'record', issues: [], input: 'k' },
  { code: 'invalid_element', origin: 'map', key: 'k', issues: [], input: 1 },
  { code: 'custom', input: 1 },
] as unknown as z.core.$ZodRawIssue[];

/** Request schemas: every `…Body` and `…Query` of the contracts (SavePlanBody holds the whole PlanContent). */
const requestSchemas = Object.entries({
  ...audit,
  ...auth,
  ...common,
  ...councils,
  ...movementTracking,
  ...movements,
  ...notifications,
  ...organisation,
  ...users,
})
  .filter(
    ([name, value]) => value instanceof z.ZodType && (/(Body|Query)$/.test(name) || name === 'CriteriaEdit'),
  )
  .map(([name, value]) => [name, value as z.ZodType] as const);

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

/** Wrong values to feed a leaf of the given JSON type: the other types, null, absent, out of bounds. */
function wrongValuesFor(schema: JsonSchema, value: unknown): unknown[] {
  const wrong: unknown[] = [typeof value === 'string' ? 42 : 'abc', null, REMOVE, { a: 1 }, [1], true];
  if (typeof value === 'string') {
    wrong.push('');
    // Document paragraphs (a million characters) are left to the text builders' own test.
    if (typeof schema.maxLength === 'number' && schema.maxLength <= 10_000)
      wrong.push('á'.repeat(schema.maxLength + 1));
  } else if (typeof value === 'number') {
    wrong.push(1.5, -1e12, 1e12);
  } else if (typeof value === 'boolean') wrong.push('yes', 0);
  return wrong;
}

describe('Vietnamese validation messages', () => {
  it('answer every kind of issue zod raises without an English word or a type name', () => {
    for (const issue of rawIssues) {
      const message = vietnameseIssueMessage(issue);
      expect(message, JSON.stringify(issue)).toBeTruthy();
      expect(message, JSON.stringify(issue)).not.toMatch(english);
    }
  });

  it('say the limit of a too long name in plain Vietnamese', () => {
    const result = movements.CreateMovementBody.safeParse({
      name: 'Thi đua '.repeat(250),
      launchingUnitId: '0b4f2f6e-8f1e-4c3a-9d57-5a3f1c2b7e10',
      periodFrom: 2025,
      periodTo: 2030,
    });
    expect(result.error?.issues.map((issue) => issue.message)).toEqual(['Tối đa 500 ký tự']);
  });

  it.each(requestSchemas)(
    '%s answers wrong, missing and overlong values in Vietnamese',
    (_name, schema) => {
      for (const { json, resolveRef, payload } of payloadsOf(schema)) {
        const seen = new Set<string>();
        const big = JSON.stringify(payload).length > 2_000;
        for (const leaf of leaves(payload, json, resolveRef)) {
          // One element of each list stands for the others: the same field is fed once.
          const field = leaf.path.map((part) => (typeof part === 'number' ? '#' : part)).join('.');
          if (leaf.path.length === 0 || seen.has(field)) continue;
          seen.add(field);
          // A whole plan takes milliseconds to check: there each field gets the wrong type and null only.
          const values = wrongValuesFor(leaf.schema, leaf.value);
          for (const wrong of big ? values.slice(0, 2) : values) {
            const result = schema.safeParse(withValue(payload, leaf.path, wrong));
            for (const issue of result.error?.issues ?? []) {
              expect(issue.message, `${leaf.path.join('.')} = ${String(wrong).slice(0, 20)}`).not.toMatch(
                english,
              );
            }
          }
        }
      }
    },
    30_000,
  );

  it('check every start/end pair of the request contracts, end before start refused', () => {
    const id = '0b4f2f6e-8f1e-4c3a-9d57-5a3f1c2b7e10';
    const cases: [z.ZodType, object, string][] = [
      [
        councils.CouncilMemberBody,
        { personId: id, role: 'member', termFrom: '2026-01-01', termTo: '2025-12-31' },
        'termTo',
      ],
      [
        councils.UpdateCouncilMemberBody,
        { version: 1, termFrom: '2026-01-01', termTo: '2025-12-31' },
        'termTo',
      ],
      [
        organisation.CreateUnitBody,
        { name: 'Xã A', code: 'XA', validFrom: '2025-07-01', validTo: '2025-06-30' },
        'validTo',
      ],
      [
        organisation.UpdateUnitBody,
        { version: 1, validFrom: '2025-07-01', validTo: '2025-06-30' },
        'validTo',
      ],
      [
        movements.CreateMovementBody,
        { name: 'Phong trào', launchingUnitId: id, periodFrom: 2026, periodTo: 2025 },
        'periodTo',
      ],
      [movements.UpdateMovementBody, { version: 1, periodFrom: 2026, periodTo: 2025 }, 'periodTo'],
      [audit.AuditQuery, { from: '2026-02-01', to: '2026-01-31' }, 'to'],
    ];
    for (const [schema, value, field] of cases) {
      const issues = schema.safeParse(value).error?.issues ?? [];
      expect(
        issues.map((issue) => issue.path.join('.')),
        field,
      ).toEqual([field]);
      expect(issues[0]?.message).toMatch(/không được trước/);
    }
    const rule = {
      kind: 'no_discipline',
      atLeast: 'reprimand',
      fromYear: 0,
      toYear: -2,
      article: 'Điều 24',
      confidence: awards.Confidence.options[0],
    };
    expect(JSON.stringify(awardRules.RuleNode.safeParse(rule).error?.issues ?? [])).toMatch(
      /không được trước/,
    );
  });
});
