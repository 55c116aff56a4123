import { DrizzleQueryError } from 'drizzle-orm/errors';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { describeError, loggerOptions, serializeError } from './logger.ts';

/** A logger writing into an array, built the way the server builds its own. */
function capturedLogger() {
  const lines: string[] = [];
  const app = Fastify({ logger: loggerOptions('info', { write: (line) => lines.push(line) }) });
  return { log: app.log, text: () => lines.join('') };
}

const hash = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo';

/** The error a failed user insert raises: drizzle's wrapper around the driver's error with its parameters. */
function failedInsert() {
  const cause = Object.assign(new Error('null value in column "full_name" violates not-null constraint'), {
    code: '23502',
    table: 'users',
    column: 'full_name',
    detail: `Failing row contains (nguyen.van.a, ${hash}).`,
    query: 'insert into "users" ("username", "password_hash") values ($1, $2)',
    params: ['nguyen.van.a', hash],
    parameters: ['nguyen.van.a', hash],
  });
  return new DrizzleQueryError(
    'insert into "users" ("username", "password_hash") values ($1, $2)',
    ['nguyen.van.a', hash],
    cause,
  );
}

describe('serializeError', () => {
  it('keeps what explains a failed query and drops its parameters and the rejected row', () => {
    const serialized = serializeError(failedInsert());
    const text = JSON.stringify(serialized);
    expect(text).not.toContain('argon2id');
    expect(text).not.toContain('Failing row');
    expect(serialized).toMatchObject({
      type: 'DrizzleQueryError',
      message: 'Failed query: insert into "users" ("username", "password_hash") values ($1, $2)',
      query: 'insert into "users" ("username", "password_hash") values ($1, $2)',
      cause: { code: '23502', table: 'users', column: 'full_name' },
    });
    expect(serialized.stack).toMatch(/^DrizzleQueryError: Failed query: insert[^\n]*\n\s+at /);
  });
});

describe('describeError', () => {
  it('prints the stack and each cause for the terminal, without parameters', () => {
    const text = describeError(failedInsert());
    expect(text).toContain('DrizzleQueryError: Failed query: insert into "users"');
    expect(text).toContain(
      'caused by: Error: null value in column "full_name" violates not-null constraint [23502]',
    );
    expect(text).not.toContain('argon2id');
  });
});

describe('the server logger', () => {
  it('never writes passwords, hashes, tokens, cookies, authorization or CCCD numbers', () => {
    const { log, text } = capturedLogger();
    log.error({ err: failedInsert() }, 'unhandled error');
    log.info(
      {
        req: {
          headers: {
            cookie: 'tdkt_session=SESSION-SECRET',
            authorization: 'Basic AUTH-SECRET',
            'x-csrf-token': 'CSRF-SECRET',
          },
        },
        res: { headers: { 'set-cookie': 'tdkt_session=SET-COOKIE-SECRET' } },
        password: 'PLAIN-SECRET',
        user: { passwordHash: hash, password: 'PLAIN-SECRET-2', token: 'TOKEN-SECRET' },
        body: { person: { idNumber: '001085012345' } },
        session: { csrfToken: 'CSRF-SECRET-2' },
      },
      'probe',
    );
    const output = text();
    expect(output).toContain('unhandled error');
    expect(output).toContain('[redacted]');
    for (const secret of ['SECRET', 'argon2id', '001085012345', 'Failing row'])
      expect(output).not.toContain(secret);
  });
});
