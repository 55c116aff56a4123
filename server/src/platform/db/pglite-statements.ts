import {
  type PGlite,
  parse,
  protocol,
  type QueryOptions,
  type Results,
  type Transaction,
  types,
} from '@electric-sql/pglite';

/**
 * A faster way to send Drizzle's queries to the embedded PGlite. PGlite's own `query` sends every
 * query as six separate protocol calls into the WebAssembly engine (parse, describe the statement,
 * bind, describe the portal, execute, sync), and parses and plans the text again each time. Here a
 * query's text is parsed once into a named prepared statement (its parameter and row types kept in
 * memory), and every later run is ONE call: bind, execute and sync sent together. Parameters are
 * serialised and values parsed exactly as PGlite's own `query` does it (same serialisers and parsers,
 * chosen by the types PostgreSQL describes), so results are the same; the rows are built with the
 * parser of each column looked up once per query (PGlite's `parseResults` copies its whole table of
 * ~350 parsers into a new object on every query, which cost about 1 ms for a page of 20 rows).
 *
 * Only data statements (select, insert, update, delete, with) of modest size are kept; DDL, very
 * long texts (bulk inserts) and queries with options this path does not handle go through PGlite's
 * own `query`. Statements live in the database session, not in a transaction, so a rollback does not
 * lose them. If a table a statement reads changes shape (a restore or a migration while running),
 * PostgreSQL refuses the old statement ("cached plan must not change result type"): it is dropped
 * and, outside a transaction, prepared again at once.
 */

/** How many prepared statements are kept; the least recently used one is closed beyond that. */
export const STATEMENT_CACHE_SIZE = 500;
const MAX_CACHED_TEXT = 16_000;
const MAX_CACHED_PARAMS = 200;
const CACHEABLE = /^[\s(]*(select|insert|update|delete|with)\b/i;
/** SQLSTATE of "cached plan must not change result type". */
const PLAN_CHANGED = '0A000';

/** Names are unique in the process, so two wrappers of one PGlite never collide. */
let counter = 0;

type Message = {
  name: string;
  fields?: (string | null)[];
  text?: string;
};
type Field = { name: string; dataTypeID: number };

interface Statement {
  name: string;
  paramTypes: number[];
  /** The columns the statement returns (none for a write without RETURNING). */
  fields: Field[];
}

/** Commands whose completion tag carries the number of rows they changed. */
const COUNTED = new Set(['INSERT', 'UPDATE', 'DELETE', 'COPY', 'MERGE']);

/** What Drizzle's PGlite driver calls on its client. */
export interface PgliteQueryClient {
  query<T>(text: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
  exec(text: string, options?: QueryOptions): Promise<Results[]>;
  transaction<T>(callback: (tx: PgliteQueryClient & Transaction) => Promise<T>): Promise<T>;
}

const concat = (parts: Uint8Array[]) => {
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
};

const codeOf = (error: unknown) =>
  error && typeof error === 'object' && 'code' in error ? (error as { code: unknown }).code : undefined;

/** Wraps a PGlite so that Drizzle's queries reuse prepared statements and cost one engine call each. */
export function withPreparedStatements(
  pg: PGlite,
  options: { cacheSize?: number } = {},
): PgliteQueryClient & { pglite: PGlite; preparedCount(): number } {
  const cacheSize = options.cacheSize ?? STATEMENT_CACHE_SIZE;
  const statements = new Map<string, Statement>();
  const closing: string[] = [];

  const isCacheable = (text: string, params: unknown[], options?: QueryOptions) =>
    !options?.blob &&
    !options?.paramTypes &&
    text.length <= MAX_CACHED_TEXT &&
    params.length <= MAX_CACHED_PARAMS &&
    CACHEABLE.test(text);

  /** Closes evicted statements in the same call as the next message (the engine is free then). */
  const closeMessages = () => closing.splice(0).map((name) => protocol.serialize.close({ type: 'S', name }));

  async function prepare(text: string): Promise<Statement> {
    const name = `tdkt_${(++counter).toString(36)}`;
    const messages = (await pg.execProtocolStream(
      concat([
        ...closeMessages(),
        protocol.serialize.parse({ name, text, types: [] }),
        protocol.serialize.describe({ type: 'S', name }),
        protocol.serialize.sync(),
      ]),
      { syncToFs: false },
    )) as Message[];
    const description = messages.find((message) => message.name === 'rowDescription') as
      | { fields: Field[] }
      | undefined;
    const statement: Statement = {
      name,
      paramTypes: parse.parseDescribeStatementResults(messages as never),
      fields: (description?.fields ?? []).map((field) => ({
        name: field.name,
        dataTypeID: field.dataTypeID,
      })),
    };
    statements.set(text, statement);
    if (statements.size > cacheSize) {
      const [oldestText, oldest] = statements.entries().next().value as [string, Statement];
      statements.delete(oldestText);
      closing.push(oldest.name);
    }
    return statement;
  }

  async function execute<T>(
    statement: Statement,
    params: unknown[],
    options?: QueryOptions,
  ): Promise<Results<T>> {
    const values = params.map((value, index) => {
      if (value === null || value === undefined) return null;
      const type = statement.paramTypes[index] as number;
      const serializer = options?.serializers?.[type] ?? pg.serializers[type];
      return serializer ? serializer(value) : String(value);
    });
    const messages = (await pg.execProtocolStream(
      concat([
        protocol.serialize.bind({ statement: statement.name, values: values as string[] }),
        protocol.serialize.execute({}),
        protocol.serialize.sync(),
      ]),
      { syncToFs: false },
    )) as Message[];
    return toResults<T>(statement.fields, messages, options);
  }

  /** The rows and counts of one statement's messages, as PGlite's `parseResults` shapes them. */
  function toResults<T>(fields: Field[], messages: Message[], options?: QueryOptions): Results<T> {
    const parsers = fields.map(
      (field) =>
        options?.parsers?.[field.dataTypeID] ??
        pg.parsers[field.dataTypeID] ??
        types.parsers[field.dataTypeID as keyof typeof types.parsers],
    );
    const asArray = options?.rowMode === 'array';
    const rows: unknown[] = [];
    let affectedRows = 0;
    for (const message of messages) {
      if (message.name === 'dataRow') {
        const values = message.fields as (string | null)[];
        const row: unknown[] | Record<string, unknown> = asArray ? new Array(values.length) : {};
        for (let index = 0; index < values.length; index++) {
          const raw = values[index] as string | null;
          const field = fields[index] as Field;
          const parser = parsers[index];
          const value = raw === null ? null : parser ? parser(raw, field.dataTypeID) : raw;
          if (asArray) (row as unknown[])[index] = value;
          else (row as Record<string, unknown>)[field.name] = value;
        }
        rows.push(row);
      } else if (message.name === 'commandComplete') {
        const words = (message.text ?? '').split(' ');
        const command = words[0] as string;
        const count = Number.parseInt(words[words.length - 1] as string, 10);
        if (COUNTED.has(command)) affectedRows += count;
        return {
          rows: rows as T[],
          fields,
          command,
          affectedRows,
          ...(Number.isNaN(count) ? {} : { rowCount: count }),
        } as Results<T>;
      }
    }
    return { affectedRows: 0, rows: [], fields: [] } as Results<T>;
  }

  /** Runs one query on the prepared path; the caller holds PGlite's query lock. */
  async function run<T>(
    text: string,
    params: unknown[],
    options: QueryOptions | undefined,
    retry: boolean,
  ): Promise<Results<T>> {
    const known = statements.get(text);
    if (known) {
      // Most recently used last, so the first entry is the one to evict.
      statements.delete(text);
      statements.set(text, known);
    }
    const statement = known ?? (await prepare(text));
    try {
      return await execute<T>(statement, params, options);
    } catch (error) {
      if (codeOf(error) !== PLAN_CHANGED || !known) throw error;
      statements.delete(text);
      closing.push(statement.name);
      if (!retry) throw error;
      return run<T>(text, params, options, false);
    }
  }

  const client = {
    pglite: pg,
    /** How many statements are kept prepared (for tests). */
    preparedCount: () => statements.size,
    async query<T>(text: string, params: unknown[] = [], options?: QueryOptions): Promise<Results<T>> {
      if (!isCacheable(text, params, options)) return pg.query<T>(text, params, options);
      const result = await pg._runExclusiveTransaction(() =>
        pg._runExclusiveQuery(() => run<T>(text, params, options, true)),
      );
      await pg.syncToFs();
      return result;
    },
    exec: (text: string, options?: QueryOptions) => pg.exec(text, options),
    transaction<T>(callback: (tx: PgliteQueryClient & Transaction) => Promise<T>): Promise<T> {
      return pg.transaction((tx) => {
        const wrapped = Object.create(tx) as PgliteQueryClient & Transaction;
        wrapped.query = <R>(text: string, params: unknown[] = [], options?: QueryOptions) => {
          if (tx.closed) throw new Error('Transaction is closed');
          if (!isCacheable(text, params, options)) return tx.query<R>(text, params, options);
          // Inside a transaction a refused statement aborts it: drop the statement, no retry.
          return pg._runExclusiveQuery(() => run<R>(text, params, options, false));
        };
        return callback(wrapped);
      });
    },
  };
  return client;
}
