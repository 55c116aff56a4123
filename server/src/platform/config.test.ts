import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const problemsOf = (env: NodeJS.ProcessEnv) => {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
};

describe('loadConfig: e-mail reminders', () => {
  it('accepts an SMTP URL with its sender, and runs without either', () => {
    const config = loadConfig({
      TDKT_SMTP_URL: 'smtp://tdkt:mat-khau@mail.laichau.gov.vn:587',
      TDKT_MAIL_FROM: 'TĐKT Lai Châu <tdkt@laichau.gov.vn>',
    });
    expect(config.TDKT_SMTP_URL).toBe('smtp://tdkt:mat-khau@mail.laichau.gov.vn:587');
    expect(loadConfig({}).TDKT_SMTP_URL).toBeUndefined();
  });

  it('lists a bad SMTP URL and sender with the other bad keys', () => {
    const problems = problemsOf({ PORT: 'abc', TDKT_SMTP_URL: 'http://mail', TDKT_MAIL_FROM: 'không phải' });
    expect(problems.map((problem) => problem.split(':')[0])).toEqual([
      'PORT',
      'TDKT_SMTP_URL',
      'TDKT_MAIL_FROM',
    ]);
  });

  it('requires the sender when SMTP is set', () => {
    expect(problemsOf({ TDKT_SMTP_URL: 'smtps://mail.laichau.gov.vn' })).toEqual([
      expect.stringMatching(/^TDKT_MAIL_FROM: bắt buộc/),
    ]);
  });
});

describe('loadConfig: PostgreSQL connections', () => {
  it('accepts a migration URL beside DATABASE_URL', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://tdkt_web:mk@db/tdkt',
      DATABASE_MIGRATION_URL: 'postgres://tdkt:mk@db/tdkt',
      TDKT_SESSION_SECRET: 's'.repeat(40),
    });
    expect(config.DATABASE_MIGRATION_URL).toBe('postgres://tdkt:mk@db/tdkt');
  });

  it('refuses a migration URL without DATABASE_URL, and one that is not PostgreSQL', () => {
    expect(problemsOf({ DATABASE_MIGRATION_URL: 'postgres://tdkt@db/tdkt' })).toEqual([
      expect.stringMatching(/^DATABASE_MIGRATION_URL: chỉ dùng cùng DATABASE_URL/),
    ]);
    expect(
      problemsOf({
        DATABASE_URL: 'postgres://db/tdkt',
        DATABASE_MIGRATION_URL: 'mysql://db/tdkt',
        TDKT_SESSION_SECRET: 's'.repeat(40),
      }).map((problem) => problem.split(':')[0]),
    ).toEqual(['DATABASE_MIGRATION_URL']);
  });
});

describe('object store settings', () => {
  it('takes all four S3 settings together, and names the missing ones otherwise', () => {
    const s3 = {
      TDKT_S3_ENDPOINT: 'https://s3.example.gov.vn',
      TDKT_S3_BUCKET: 'tdkt-files',
      TDKT_S3_ACCESS_KEY_ID: 'key',
      TDKT_S3_SECRET_ACCESS_KEY: 'secret',
    };
    expect(loadConfig(s3)).toMatchObject({ ...s3, TDKT_S3_REGION: 'us-east-1', TDKT_JOBS: 'true' });
    const { TDKT_S3_BUCKET: _bucket, TDKT_S3_SECRET_ACCESS_KEY: _secret, ...partial } = s3;
    expect(() => loadConfig(partial)).toThrow(/TDKT_S3_BUCKET, TDKT_S3_SECRET_ACCESS_KEY: bắt buộc khi đặt/);
  });
});
