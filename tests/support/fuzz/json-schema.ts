/** The parts of a JSON Schema (as OpenAPI 3.0 or zod's toJSONSchema writes it) the fuzzer reads. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema | JsonSchema[];
  prefixItems?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  nullable?: boolean;
  default?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
}

/** Finds the schema a `$ref` names (`#/components/schemas/x`, `#/$defs/x`). */
export type RefResolver = (ref: string) => JsonSchema | undefined;

/** Ids of existing records, by field name; the sampler uses them so valid requests reach the handlers. */
export type IdFor = (field: string) => string | undefined;

/** Values that satisfy the patterns the contracts use (unit codes, identity numbers, usernames, dates). */
const patternCandidates = ['2024-05-15', 'FUZZ.01', '012345678901', 'can.bo.fuzz', 'abc', '1'];

/** The schema without its `$ref`, `allOf` or nullable wrapper (`anyOf: [x, {type: null}]`). */
export function resolve(schema: JsonSchema, resolveRef: RefResolver, depth = 0): JsonSchema {
  if (depth > 20) return schema;
  if (schema.$ref) return resolve(resolveRef(schema.$ref) ?? {}, resolveRef, depth + 1);
  if (schema.allOf?.length === 1) return resolve(schema.allOf[0] as JsonSchema, resolveRef, depth + 1);
  const options = schema.anyOf ?? schema.oneOf;
  if (options) {
    const real = options.filter((option) => option.type !== 'null');
    if (real.length === 1)
      return { ...resolve(real[0] as JsonSchema, resolveRef, depth + 1), nullable: true };
  }
  return schema;
}

const typeOf = (schema: JsonSchema) =>
  Array.isArray(schema.type) ? schema.type.find((type) => type !== 'null') : schema.type;

/** A text that fits the length bounds: Vietnamese words, padded to the minimum. */
function sampleText(schema: JsonSchema): string {
  const max = schema.maxLength ?? 60;
  let text = 'Nội dung thử nghiệm';
  while (text.length < (schema.minLength ?? 0)) text += ' thêm';
  return text.slice(0, Math.max(max, schema.minLength ?? 0));
}

/** A year for fields named like one, otherwise the smallest allowed positive number. */
function sampleNumber(field: string, schema: JsonSchema): number {
  if (/year|period/i.test(field)) return /to$/i.test(field) ? 2025 : 2024;
  const min = schema.minimum ?? 1;
  return Math.min(Math.max(min, 1), schema.maximum ?? Number.MAX_SAFE_INTEGER);
}

/**
 * A valid value for a schema: every property present, the first choice of an enum or union, ids of
 * records that exist for fields named `…Id`. Best effort: the contracts' refinements are not in the
 * schema, so a sample may still be refused — the fuzzer only needs most of them to reach handlers.
 */
export function sample(
  schema: JsonSchema,
  resolveRef: RefResolver,
  idFor: IdFor,
  field = '',
  depth = 0,
): unknown {
  const resolved = resolve(schema, resolveRef);
  if (resolved.const !== undefined) return resolved.const;
  if (resolved.enum?.length) return resolved.enum[0];
  const options = resolved.oneOf ?? resolved.anyOf;
  if (options?.length) return sample(options[0] as JsonSchema, resolveRef, idFor, field, depth + 1);
  switch (typeOf(resolved)) {
    case 'object': {
      const result: Record<string, unknown> = {};
      for (const [key, property] of Object.entries(resolved.properties ?? {})) {
        if (depth > 6 && !resolved.required?.includes(key)) continue;
        result[key] = sample(property, resolveRef, idFor, key, depth + 1);
      }
      return result;
    }
    case 'array': {
      if (Array.isArray(resolved.items) || resolved.prefixItems) {
        const items = (resolved.prefixItems ?? resolved.items) as JsonSchema[];
        return items.map((item) => sample(item, resolveRef, idFor, field, depth + 1));
      }
      const count = Math.max(resolved.minItems ?? 0, depth > 4 ? 0 : 1);
      const item = (resolved.items ?? {}) as JsonSchema;
      const values = Array.from({ length: count }, () => sample(item, resolveRef, idFor, field, depth + 1));
      return /Ids$/.test(field) ? values.map(() => idFor(field.replace(/s$/, '')) ?? values[0]) : values;
    }
    case 'integer':
    case 'number':
      return sampleNumber(field, resolved);
    case 'boolean':
      return false;
    case 'string': {
      if (resolved.format === 'uuid' || /Id$/.test(field)) return idFor(field) ?? crypto.randomUUID();
      if (resolved.format === 'email') return 'can.bo@example.gov.vn';
      if (resolved.format === 'date' || /date|From$|To$|On$/i.test(field)) {
        if (!resolved.pattern || new RegExp(resolved.pattern).test('2024-05-15')) return '2024-05-15';
      }
      if (resolved.pattern) {
        const pattern = new RegExp(resolved.pattern);
        return patternCandidates.find((candidate) => pattern.test(candidate)) ?? sampleText(resolved);
      }
      return sampleText(resolved);
    }
    default:
      return resolved.nullable ? null : 'x';
  }
}

/** One value inside a request part: its path (keys and indexes) and the schema it follows. */
export interface Leaf {
  path: (string | number)[];
  value: unknown;
  schema: JsonSchema;
}

/** Every leaf (string, number, boolean, null) of a sampled value, with its schema, objects and arrays too. */
export function leaves(
  value: unknown,
  schema: JsonSchema,
  resolveRef: RefResolver,
  path: Leaf['path'] = [],
): Leaf[] {
  const resolved = resolve(schema, resolveRef);
  const here: Leaf = { path, value, schema: resolved };
  if (Array.isArray(value)) {
    const item = Array.isArray(resolved.items) ? undefined : resolved.items;
    return [
      here,
      ...value.flatMap((element, index) => {
        const elementSchema = Array.isArray(resolved.items) ? resolved.items[index] : item;
        return leaves(element, elementSchema ?? {}, resolveRef, [...path, index]);
      }),
    ];
  }
  if (value && typeof value === 'object') {
    const options = resolved.oneOf ?? resolved.anyOf;
    const objectSchema = options ? resolve(options[0] as JsonSchema, resolveRef) : resolved;
    return [
      here,
      ...Object.entries(value).flatMap(([key, element]) =>
        leaves(element, objectSchema.properties?.[key] ?? {}, resolveRef, [...path, key]),
      ),
    ];
  }
  return [here];
}

/** A deep copy of `root` with the value at `path` replaced (or removed when `value` is `REMOVE`). */
export const REMOVE = Symbol('remove');
export function withValue(root: unknown, path: Leaf['path'], value: unknown): unknown {
  if (!path.length) return value === REMOVE ? undefined : value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (value === REMOVE) {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else parent[last] = value;
  return copy;
}
