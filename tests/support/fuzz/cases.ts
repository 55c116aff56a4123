import {
  impossibleDates,
  longString,
  malformedJson,
  malformedUploads,
  nastyNumbers,
  nastyStrings,
  pathValues,
  rawQueries,
  type UploadFile,
  wrongTypes,
} from './attacks.ts';
import {
  type JsonSchema,
  type Leaf,
  leaves,
  REMOVE,
  type RefResolver,
  resolve,
  sample,
  withValue,
} from './json-schema.ts';
import type { Random } from './random.ts';

/** One operation of the OpenAPI document, as the fuzzer needs it. */
export interface Operation {
  method: string;
  /** OpenAPI path with `{name}` parameters. */
  path: string;
  parameters: { in: string; name: string; required?: boolean; schema: JsonSchema }[];
  body: JsonSchema | null;
  isUpload: boolean;
}

/** One request to send. */
export interface FuzzCase {
  label: string;
  method: string;
  url: string;
  payload?: string | Buffer;
  contentType?: string;
}

interface Base {
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
}

/** Fills the path, adds the query string (repeated keys for arrays, JSON for objects). */
function url(operation: Operation, params: Record<string, string>, query: Record<string, unknown>, raw = '') {
  const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? '');
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      search.append(key, typeof item === 'object' && item !== null ? JSON.stringify(item) : String(item));
    }
  }
  const text = [search.toString(), raw].filter(Boolean).join('&');
  return text ? `${path}?${text}` : path;
}

/** The values a leaf is replaced with: every attack its type calls for, a few of each drawn at random. */
function attacksFor(leaf: Leaf, random: Random): { label: string; value: unknown }[] {
  const schema = leaf.schema;
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  const found: { label: string; value: unknown }[] = [
    { label: 'wrong type', value: random.pick(wrongTypes) },
    { label: 'missing', value: REMOVE },
  ];
  if (type === 'string' || typeof leaf.value === 'string') {
    found.push({ label: 'NUL', value: `${String(leaf.value ?? '')}\u0000` });
    for (const value of random.sample(nastyStrings, 3)) found.push({ label: 'nasty string', value });
    found.push({ label: 'very long', value: longString((schema.maxLength ?? 20_000) + 1) });
    const looksLikeDate = /\d{4}-\d{2}-\d{2}/.test(String(leaf.value)) || schema.format === 'date';
    for (const value of random.sample(impossibleDates, looksLikeDate ? 4 : 1)) {
      found.push({ label: 'impossible date', value });
    }
  }
  if (type === 'number' || type === 'integer' || typeof leaf.value === 'number') {
    for (const value of random.sample(nastyNumbers, 4)) found.push({ label: 'nasty number', value });
  }
  return found;
}

/** A stable name for a leaf in case labels. */
const where = (part: string, leaf: Leaf) => `${part}.${leaf.path.join('.') || '(root)'}`;

/**
 * Every request the fuzzer sends to one operation: the valid base first, then each part broken one
 * way at a time (query and body fields, path parameters, the raw body, the upload), drawn from `random`.
 */
export function casesFor(
  operation: Operation,
  base: Base,
  resolveRef: RefResolver,
  random: Random,
  uploads: { valid: UploadFile; files: UploadFile[] },
  maxLeaves = 24,
): FuzzCase[] {
  const { method } = operation;
  const json = (body: unknown) =>
    body === undefined ? {} : { payload: JSON.stringify(body), contentType: 'application/json' };
  const cases: FuzzCase[] = [];
  const add = (
    label: string,
    params: Record<string, string>,
    query: Record<string, unknown>,
    body: unknown,
  ) =>
    cases.push({ label, method, url: url(operation, params, query), ...(operation.body ? json(body) : {}) });

  add('valid', base.params, base.query, base.body);
  const querySchema: JsonSchema = {
    type: 'object',
    properties: Object.fromEntries(
      operation.parameters.filter((p) => p.in === 'query').map((p) => [p.name, p.schema]),
    ),
  };
  const queryLeaves = leaves(base.query, querySchema, resolveRef).filter((leaf) => leaf.path.length === 1);
  for (const leaf of queryLeaves) {
    for (const attack of attacksFor(leaf, random)) {
      add(
        `${attack.label} in ${where('query', leaf)}`,
        base.params,
        withValue(base.query, leaf.path, attack.value) as Record<string, unknown>,
        base.body,
      );
    }
  }
  for (const raw of random.sample(rawQueries, 4)) {
    cases.push({
      label: `raw query ${raw}`,
      method,
      url: url(operation, base.params, base.query, raw),
      ...json(operation.body ? base.body : undefined),
    });
  }
  for (const name of Object.keys(base.params)) {
    for (const value of pathValues(random)) {
      add(`path ${name}=${value.slice(0, 20)}`, { ...base.params, [name]: value }, base.query, base.body);
    }
  }
  if (operation.body) {
    const bodyLeaves = leaves(base.body, operation.body, resolveRef);
    const chosen = bodyLeaves.length > maxLeaves ? random.sample(bodyLeaves, maxLeaves) : bodyLeaves;
    for (const leaf of chosen) {
      for (const attack of attacksFor(leaf, random)) {
        add(
          `${attack.label} in ${where('body', leaf)}`,
          base.params,
          base.query,
          withValue(base.body, leaf.path, attack.value),
        );
      }
    }
    if (base.body && typeof base.body === 'object' && !Array.isArray(base.body)) {
      add('extra fields', base.params, base.query, {
        ...base.body,
        extra: 'thừa',
        role: 'admin',
        id: random.uuid(),
      });
    }
    for (const payload of malformedJson) {
      cases.push({
        label: `malformed json ${payload.slice(0, 16)}`,
        method,
        url: url(operation, base.params, base.query),
        payload,
        contentType: 'application/json',
      });
    }
    for (const contentType of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/json; charset=latin1',
    ]) {
      cases.push({
        label: `content type ${contentType}`,
        method,
        url: url(operation, base.params, base.query),
        payload: JSON.stringify(base.body),
        contentType,
      });
    }
  }
  if (operation.isUpload) {
    for (const upload of malformedUploads(uploads.valid, uploads.files)) {
      cases.push({
        label: `upload: ${upload.label}`,
        method,
        url: url(operation, base.params, base.query),
        payload: upload.payload,
        contentType: upload.contentType,
      });
    }
  }
  return cases;
}

/** The valid base request of an operation: path ids of existing records, sampled query and body. */
export function baseFor(
  operation: Operation,
  resolveRef: RefResolver,
  idFor: (name: string) => string | undefined,
  pathIdFor: (segment: string) => string | undefined,
): Base {
  const params: Record<string, string> = {};
  const query: Record<string, unknown> = {};
  for (const parameter of operation.parameters) {
    if (parameter.in === 'path') {
      const segment =
        operation.path.split('/').at(operation.path.split('/').indexOf(`{${parameter.name}}`) - 1) ?? '';
      const id = parameter.name === 'id' ? pathIdFor(segment) : idFor(parameter.name);
      params[parameter.name] = id ?? String(sample(parameter.schema, resolveRef, idFor, parameter.name));
    } else if (parameter.in === 'query') {
      const schema = resolve(parameter.schema, resolveRef);
      query[parameter.name] = sample(schema, resolveRef, idFor, parameter.name);
    }
  }
  const body = operation.body ? sample(operation.body, resolveRef, idFor) : undefined;
  return { params, query, body };
}
