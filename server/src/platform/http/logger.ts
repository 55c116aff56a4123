import type { FastifyServerOptions } from 'fastify';

/** Where log lines go when not to stdout (tests capture them). */
export interface LogStream {
  write(line: string): void;
}

/** Keys whose values never reach a log line, at any of the depths a log object usually has. */
const SECRET_KEYS = [
  'password',
  'newPassword',
  'passwordHash',
  'password_hash',
  'token',
  'sessionToken',
  'csrfToken',
  'csrf_token',
  'cookie',
  'authorization',
  'idNumber',
  'id_number',
  'params',
  'parameters',
  'detail',
];
const SECRET_HEADERS = ['cookie', 'authorization', '"x-csrf-token"', '"set-cookie"'];

/** Paths pino replaces with "[redacted]": secrets as top-level keys, one and two levels down, and headers. */
export const redactPaths = [
  ...SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
  ...SECRET_HEADERS.flatMap((header) => [
    `headers[${header}]`,
    `req.headers[${header}]`,
    `res.headers[${header}]`,
  ]),
];

/** Error fields that describe a failure without carrying the data involved (PostgreSQL and Node codes). */
const SAFE_ERROR_FIELDS = [
  'code',
  'severity',
  'schema',
  'table',
  'column',
  'constraint',
  'dataType',
  'routine',
  'statusCode',
] as const;

/** An error as it appears in a log line. */
export interface SerializedError {
  type: string;
  message: string;
  stack: string;
  [key: string]: unknown;
}

/** Drizzle appends the statement's parameters to its message ("…\nparams: a,b"); keep the statement only. */
const withoutParameters = (message: string) => message.split(/\nparams:/)[0] as string;

/**
 * An error as a log line may show it: type, message without SQL parameters, stack frames, the SQL
 * text (placeholders only), safe diagnostic fields, and the cause the same way. Never the parameters,
 * the row a constraint rejected (`detail`) or any other field an error happens to carry.
 */
export function serializeError(error: unknown, depth = 0): SerializedError {
  if (!(error instanceof Error)) return { type: typeof error, message: '[not an Error]', stack: '' };
  const fields = error as unknown as Record<string, unknown>;
  const type = error.constructor?.name ?? error.name;
  const message = withoutParameters(error.message);
  const frames = (error.stack ?? '').split('\n').filter((line) => line.trimStart().startsWith('at '));
  const out: SerializedError = { type, message, stack: [`${type}: ${message}`, ...frames].join('\n') };
  if (typeof fields.query === 'string') out.query = fields.query;
  for (const key of SAFE_ERROR_FIELDS) {
    const value = fields[key];
    if (typeof value === 'string' || typeof value === 'number') out[key] = value;
  }
  if (error.cause !== undefined && depth < 3) out.cause = serializeError(error.cause, depth + 1);
  return out;
}

/** An error as plain text for a terminal (the CLI), with the same omissions as the log: stack, then each cause. */
export function describeError(error: unknown): string {
  const lines: string[] = [];
  for (
    let part: SerializedError | undefined = serializeError(error);
    part;
    part = part.cause as SerializedError
  ) {
    const code = typeof part.code === 'string' ? ` [${part.code}]` : '';
    lines.push(lines.length ? `caused by: ${part.type}: ${part.message}${code}` : `${part.stack}${code}`);
  }
  return lines.join('\n');
}

/** Pino options for the server: the level, the redaction list and the error serializer that drops SQL parameters. */
export function loggerOptions(level: string, stream?: LogStream): FastifyServerOptions['logger'] {
  return {
    level,
    redact: { paths: redactPaths, censor: '[redacted]' },
    serializers: { err: serializeError, error: serializeError },
    ...(stream ? { stream } : {}),
  };
}
