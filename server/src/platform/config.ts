import { z } from 'zod';

/** Environment keys the server reads, checked once at start-up. */
const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  /**
   * The owner's connection, used only for migrations and role grants; DATABASE_URL is then a role
   * that does not own the tables. Without it, DATABASE_URL is the owner and requests run as a
   * restricted role the server creates (see platform/db/app-role.ts).
   */
  DATABASE_MIGRATION_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  TDKT_DATA_DIR: z.string().min(1).default('./data'),
  TDKT_SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  TDKT_DEMO_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  TDKT_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Mail server for e-mail reminders, e.g. smtp://user:pass@host:587 (smtps:// for TLS on 465). */
  TDKT_SMTP_URL: z
    .url({ protocol: /^smtps?$/, error: 'must be a URL like smtp://user:pass@host:587 or smtps://…' })
    .optional(),
  /** Sender of e-mail reminders: an address, or a name and address ("TĐKT <tdkt@example.gov.vn>"). */
  TDKT_MAIL_FROM: z
    .string()
    .regex(/^(?:[^<>]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/, 'must be an e-mail address')
    .optional(),
  /** An S3-compatible object store for files (MinIO, Ceph, AWS S3); without it files live in the database. */
  TDKT_S3_ENDPOINT: z
    .url({ protocol: /^https?$/, error: 'must be a URL like https://s3.example.gov.vn' })
    .optional(),
  TDKT_S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be a bucket name')
    .optional(),
  TDKT_S3_REGION: z.string().min(1).default('us-east-1'),
  TDKT_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  TDKT_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** Run queued jobs (PDF conversion, big imports) in this process; `false` for a process that only answers requests. */
  TDKT_JOBS: z.enum(['true', 'false']).default('true'),
});

export type Config = z.infer<typeof ConfigSchema> & { databaseKind: 'pglite' | 'postgres' };

/** Thrown with every bad key listed, so the process can print them all and exit. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Cấu hình không hợp lệ / Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Parses the environment; throws ConfigError listing every bad key. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const picked = Object.fromEntries(
    Object.keys(ConfigSchema.shape).map((key) => [key, env[key] === '' ? undefined : env[key]]),
  );
  const parsed = ConfigSchema.safeParse(picked);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  // Checked apart from the schema so it is listed even when other keys are wrong too.
  if (picked.DATABASE_URL && !picked.TDKT_SESSION_SECRET) {
    problems.push(
      'TDKT_SESSION_SECRET: bắt buộc khi đặt DATABASE_URL / required with DATABASE_URL (no default secrets outside the embedded demo mode)',
    );
  }
  if (picked.DATABASE_MIGRATION_URL && !picked.DATABASE_URL) {
    problems.push(
      'DATABASE_MIGRATION_URL: chỉ dùng cùng DATABASE_URL / only with DATABASE_URL (the connection the server answers requests with)',
    );
  }
  if (picked.TDKT_SMTP_URL && !picked.TDKT_MAIL_FROM) {
    problems.push(
      'TDKT_MAIL_FROM: bắt buộc khi đặt TDKT_SMTP_URL / required with TDKT_SMTP_URL (the sender of reminders)',
    );
  }
  const s3 = [
    'TDKT_S3_ENDPOINT',
    'TDKT_S3_BUCKET',
    'TDKT_S3_ACCESS_KEY_ID',
    'TDKT_S3_SECRET_ACCESS_KEY',
  ] as const;
  const s3Given = s3.filter((key) => picked[key]);
  if (s3Given.length > 0 && s3Given.length < s3.length) {
    problems.push(
      `${s3.filter((key) => !picked[key]).join(', ')}: bắt buộc khi đặt ${s3Given.join(', ')} / the S3 settings go together`,
    );
  }
  if (!parsed.success || problems.length) throw new ConfigError(problems);
  return { ...parsed.data, databaseKind: parsed.data.DATABASE_URL ? 'postgres' : 'pglite' };
}
