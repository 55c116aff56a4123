import pg from 'pg';
import { hashPassword } from '#server/platform/auth/password.ts';
import { openPostgres } from '#server/platform/db/client.ts';
import { migrateDatabase } from '#server/platform/db/migrate.ts';
import { testServerUrl } from '../tests/support/global-setup.ts';
import { createScratchDatabase } from '../tests/support/postgres.ts';
import { runCli } from '../tests/support/server-process.ts';

/**
 * Shared by every bench: a figure printed beside its target ("p99 43 ms (mục tiêu < 50 ms) ĐẠT"),
 * and the national PostgreSQL database — reused from TDKT_BENCH_DATABASE_URL when set, else
 * generated with `tdkt gen` into a scratch database.
 */

/** How a figure is compared with its limit: below it (latency, ratio of costs) or at least it (throughput). */
export type Comparison = '<' | '≤' | '≥';

/** One figure with its target and whether it is met. */
export interface TargetFigure {
  name: string;
  value: number;
  limit: number;
  unit: string;
  comparison: Comparison;
  met: boolean;
}

/** A measured figure beside its target: `target('p99 person search', 43, 50, 'ms')` means p99 < 50 ms. */
export function target(
  name: string,
  value: number,
  limit: number,
  unit: string,
  comparison: Comparison = '<',
): TargetFigure {
  const met =
    Number.isFinite(value) &&
    (comparison === '<' ? value < limit : comparison === '≤' ? value <= limit : value >= limit);
  return { name, value, limit, unit, comparison, met };
}

const figure = (value: number) =>
  Number.isFinite(value) ? String(Math.round(value * 100) / 100).replace('.', ',') : '—';
const withUnit = (value: number, unit: string) => (unit ? `${figure(value)} ${unit}` : figure(value));

/** `p99 43 ms (mục tiêu < 50 ms) ĐẠT` — or `CHƯA ĐẠT` when the target is missed. */
export function formatTarget(t: TargetFigure): string {
  return `${t.name} ${withUnit(t.value, t.unit)} (mục tiêu ${t.comparison} ${withUnit(t.limit, t.unit)}) ${t.met ? 'ĐẠT' : 'CHƯA ĐẠT'}`;
}

/** Prints targets one per line, indented; returns how many were missed. */
export function printTargets(targets: readonly TargetFigure[], indent = '  '): number {
  for (const t of targets) console.log(`${indent}${t.met ? '✔' : '✘'} ${formatTarget(t)}`);
  return targets.filter((t) => !t.met).length;
}

/** The most a deep page may cost against page 1 (issue 9 item 1: lists are O(page)). */
export const DEEP_PAGE_LIMIT = 1.5;

/** A deep page's cost against page 1 (latency or any cost; the same unit for both), target ≤ 1.5. */
export function pageRatio(name: string, firstPage: number, deepPage: number): TargetFigure {
  const ratio = Math.round((deepPage / Math.max(Number.EPSILON, firstPage)) * 100) / 100;
  return target(`trang sâu / trang 1 ${name}`, ratio, DEEP_PAGE_LIMIT, '×', '≤');
}

/** The bench account every bench signs in with. */
export const BENCH_USERNAME = 'bench.admin';
export const BENCH_PASSWORD = 'bench-password-123';

/** The national dataset of issue 9 (`tdkt gen` defaults). */
export const NATIONAL_SIZE = [
  '--provinces',
  '34',
  '--communes',
  '3300',
  '--units',
  '100000',
  '--persons',
  '2500000',
];

/** A national database ready for a bench. */
export interface NationalDatabase {
  url: string;
  /** True when taken from TDKT_BENCH_DATABASE_URL rather than generated. */
  reused: boolean;
  /** Seconds `tdkt gen` took (null when reused). */
  genSeconds: number | null;
  /** Seconds spent migrating and analysing a reused database, or copying it. */
  prepareSeconds: number;
  /** Runs one statement on the database as its owner. */
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>;
  /** Drops what the bench created (a generated database or a copy); never a reused original. */
  drop(): Promise<void>;
}

async function queryOnce<Row>(url: string, text: string, params: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as Row[];
  } finally {
    await client.end();
  }
}

/** Brings a reused database to this build's schema and refreshes the planner's statistics. */
async function prepareReused(url: string): Promise<void> {
  const handle = await openPostgres(url, 1);
  try {
    // migrateDatabase analyses after any migration it applies; a fresh VACUUM ANALYZE covers a
    // database loaded or changed since (cheap when nothing changed: it skips all-visible pages and
    // samples), and sets the visibility map index-only scans need when autovacuum is off or late.
    await migrateDatabase(handle, url);
    await handle.query('vacuum (analyze)');
    const [row] = await handle.query<{ units: number }>('select count(*)::int as units from units');
    if (!row || row.units === 0) {
      throw new Error(`TDKT_BENCH_DATABASE_URL has no units: fill it with \`tdkt gen\` first (${url})`);
    }
  } finally {
    await handle.close();
  }
}

/**
 * The national database a bench reads. With TDKT_BENCH_DATABASE_URL: that database, migrated and
 * analysed (the bench must not change it — pass `{ copy: true }` when it writes, which makes a
 * scratch copy with CREATE DATABASE … TEMPLATE, so nobody may be connected to the original).
 * Without: a scratch database filled by `tdkt gen` with `size` (the national defaults).
 */
export async function nationalDatabase(
  label: string,
  options: { size?: string[]; copy?: boolean } = {},
): Promise<NationalDatabase> {
  const given = process.env.TDKT_BENCH_DATABASE_URL;
  const started = Date.now();
  if (given) {
    await prepareReused(given);
    if (!options.copy) {
      return {
        url: given,
        reused: true,
        genSeconds: null,
        prepareSeconds: (Date.now() - started) / 1000,
        query: (text, params) => queryOnce(given, text, params),
        drop: async () => undefined,
      };
    }
    const source = decodeURIComponent(new URL(given).pathname.slice(1));
    const name = `tdkt_${label}_${process.pid}_${Date.now().toString(36)}`;
    await queryOnce(testServerUrl, `create database ${name} template "${source.replace(/"/g, '""')}"`);
    const copy = new URL(given);
    copy.pathname = `/${name}`;
    const url = copy.toString();
    return {
      url,
      reused: true,
      genSeconds: null,
      prepareSeconds: (Date.now() - started) / 1000,
      query: (text, params) => queryOnce(url, text, params),
      drop: async () => {
        await queryOnce(testServerUrl, `drop database if exists ${name} with (force)`);
      },
    };
  }
  const database = await createScratchDatabase(label);
  try {
    const gen = await runCli(['gen', ...(options.size ?? NATIONAL_SIZE)], { DATABASE_URL: database.url });
    if (gen.code !== 0) throw new Error(`tdkt gen failed:\n${gen.output}`);
  } catch (error) {
    await database.drop();
    throw error;
  }
  return {
    url: database.url,
    reused: false,
    genSeconds: (Date.now() - started) / 1000,
    prepareSeconds: 0,
    query: (text, params) => queryOnce(database.url, text, params),
    drop: () => database.drop(),
  };
}

/** Makes sure the bench administrator exists with the bench password (creates it, or resets its password). */
export async function ensureBenchAdmin(url: string): Promise<void> {
  const [existing] = await queryOnce<{ id: string }>(url, 'select id from users where username = $1', [
    BENCH_USERNAME,
  ]);
  if (existing) {
    await queryOnce(url, 'update users set password_hash = $2, is_active = true where id = $1', [
      existing.id,
      await hashPassword(BENCH_PASSWORD),
    ]);
    return;
  }
  const created = await runCli(
    ['user', 'create', '--username', BENCH_USERNAME, '--role', 'admin', '--password', BENCH_PASSWORD],
    { DATABASE_URL: url, TDKT_SESSION_SECRET: 'b'.repeat(48) },
  );
  if (created.code !== 0) throw new Error(`bench user create failed:\n${created.output}`);
}
