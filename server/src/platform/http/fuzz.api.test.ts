import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from '#server/modules/organisation/sql-rows.ts';
import type { Client } from '../../../../tests/support/factories.ts';
import { baseFor, casesFor, type FuzzCase, type Operation } from '../../../../tests/support/fuzz/cases.ts';
import {
  buildFuzzRecords,
  craftedFiles,
  signInAdmin,
  validUploadFor,
} from '../../../../tests/support/fuzz/fixtures.ts';
import type { JsonSchema } from '../../../../tests/support/fuzz/json-schema.ts';
import { seededRandom } from '../../../../tests/support/fuzz/random.ts';
import { createChangeWatch, watchedTables } from '../../../../tests/support/fuzz/snapshot.ts';
import { getTestApp, type TestApp } from '../../../../tests/support/test-app.ts';
import { DATABASE_REFUSAL_MESSAGES } from './database-errors.ts';

const databaseRefusals: string[] = Object.values(DATABASE_REFUSAL_MESSAGES);
/** Words of framework and library messages that must never reach a user. */
const englishWords =
  /\b(error|invalid|expected|received|required|unexpected|string|number|boolean|undefined|null|request|body|must|should|not found|too long|too large|bad)\b/i;

/** Same seed, same requests: a failure found once is found again. */
const SEED = 20_260_805;
const FUZZ_ADDRESS = '10.254.254.254';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}
interface OpenApiOperation {
  parameters?: Operation['parameters'];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}

/** The operations of the document; those that end a session or delete a record go last. */
function operationsOf(document: OpenApiDocument): Operation[] {
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => {
      const content = operation.requestBody?.content ?? {};
      return {
        method: method.toUpperCase(),
        path,
        parameters: operation.parameters ?? [],
        body: content['application/json']?.schema ?? null,
        isUpload: Boolean(content['multipart/form-data']),
      };
    }),
  );
  const rank = (operation: Operation) =>
    operation.path === '/api/auth/logout' ? 2 : operation.method === 'DELETE' ? 1 : 0;
  return operations.sort((a, b) => rank(a) - rank(b));
}

/** Movements' sub-resources that only mean something once launched get the launched movement. */
const launchedOnly =
  /^\/api\/movements\/\{id\}\/(registrations|milestones|assignments|cascade|obligations|diff)/;

describe('fuzzing every operation of the OpenAPI document', () => {
  it('never answers 5xx, and a refused request changes no row', { timeout: 300_000 }, async () => {
    const random = seededRandom(SEED);
    const admin = await signInAdmin(t);
    const documentReply = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(documentReply.statusCode).toBe(200);
    const document = documentReply.json<OpenApiDocument>();
    const resolveRef = (ref: string) => document.components?.schemas?.[ref.split('/').pop() ?? ''];
    const records = await buildFuzzRecords(t, admin, 'fuzz');
    const files = await craftedFiles();
    const operations = operationsOf(document);
    expect(operations.length).toBeGreaterThan(70);

    const watch = createChangeWatch(t.handle.db);
    const [{ xmax: firstTransaction = '0' } = {}] = await selectRows<{ xmax: string }>(
      t.handle.db,
      sql`select pg_snapshot_xmax(pg_current_snapshot())::text as xmax`,
    );
    await watch.start();
    const histogram = new Map<number, number>();
    const serverErrors: string[] = [];
    const refusedWrites: string[] = [];
    const caughtByDatabaseOnly: string[] = [];
    const englishMessages: string[] = [];
    let sent = 0;
    const started = Date.now();
    let logoutClient: Client | null = null;

    for (const operation of operations) {
      const pathIdFor = (segment: string) =>
        launchedOnly.test(operation.path) ? records.ids.parentMovement : records.idFor(segment);
      const base = baseFor(operation, resolveRef, records.idFor, pathIdFor);
      if (operation.path === '/api/auth/logout') logoutClient = await signInAdmin(t);
      const client = logoutClient ?? admin;
      const uploads = { valid: validUploadFor(operation.path, records.unitCode), files };
      for (const fuzzCase of casesFor(operation, base, resolveRef, random, uploads)) {
        const { status, message, messages } = await send(client, fuzzCase);
        sent += 1;
        histogram.set(status, (histogram.get(status) ?? 0) + 1);
        const name = `${fuzzCase.method} ${operation.path} — ${fuzzCase.label}`;
        if (status >= 500) serverErrors.push(`${status} ${name}`);
        if (databaseRefusals.includes(message)) caughtByDatabaseOnly.push(`${status} ${name}`);
        const foreign = messages.find((text) => englishWords.test(text));
        if (status >= 400 && foreign) englishMessages.push(`${status} ${name}: ${foreign}`);
        const changed = await watch.changedTables();
        if (status >= 400 && changed.length) refusedWrites.push(`${status} ${name}: ${changed.join(', ')}`);
      }
    }

    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const figures = [...histogram.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s}: ${n}`);
    console.log(
      `fuzz (${t.handle.kind}, seed ${SEED}): ${sent} requests over ${operations.length} operations in ${seconds} s; ` +
        `status histogram { ${figures.join(', ')} }; 5xx = ${serverErrors.length}`,
    );
    expect(serverErrors).toEqual([]);
    expect(refusedWrites).toEqual([]);
    // The database's refusal is a safety net: every bad value should have met its contract first.
    expect(caughtByDatabaseOnly).toEqual([]);
    expect([...new Set(englishMessages)]).toEqual([]);
    expect(await rowsWithControlCharacters(firstTransaction)).toEqual([]);
  });
});

/** The pseudo-status of a reply cut off after it started (a stream that failed after its 200 header). */
const ABORTED = 599;

/**
 * Sends one case as the signed-in admin, from an address of its own (login throttling stays local).
 * A reply destroyed half-way counts as ABORTED: to the user it is a broken download, a server error.
 */
async function send(
  client: Client,
  fuzzCase: FuzzCase,
): Promise<{ status: number; message: string; messages: string[] }> {
  const headers: Record<string, string> = { ...client.headers };
  if (fuzzCase.contentType) headers['content-type'] = fuzzCase.contentType;
  try {
    const response = await t.app.inject({
      method: fuzzCase.method as 'GET',
      url: fuzzCase.url,
      headers,
      remoteAddress: FUZZ_ADDRESS,
      ...(fuzzCase.payload !== undefined ? { payload: fuzzCase.payload } : {}),
    });
    const body = response.headers['content-type']?.toString().includes('json')
      ? (response.json() as { message?: unknown; fields?: { message?: unknown }[] })
      : {};
    const messages = [body.message, ...(body.fields ?? []).map((field) => field.message)];
    return {
      status: response.statusCode,
      message: String(body.message ?? ''),
      messages: messages.map(String),
    };
  } catch {
    return { status: ABORTED, message: '', messages: [] };
  }
}

/** Rows written during the fuzz whose text holds a control character other than tab and line feed. */
async function rowsWithControlCharacters(sinceTransaction: string): Promise<string[]> {
  const found: string[] = [];
  for (const table of watchedTables) {
    const rows = await selectRows<{ id: string }>(
      t.handle.db,
      sql.raw(
        `select ctid::text as id from "${table}" t where xmin::text::bigint >= ${Number(sinceTransaction)} ` +
          `and (t::text ~ '[\\x01-\\x08\\x0b-\\x1f\\x7f-\\x9f]' or t::text ~* '\\\\u00(0[0-8bcef]|1[0-9a-f]|7f)')`,
      ),
    );
    if (rows.length) found.push(`${table}: ${rows.length}`);
  }
  return found;
}
