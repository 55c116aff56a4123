import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchDatabase } from '../support/postgres.ts';
import { REPO_ROOT, runCli, startServer } from '../support/server-process.ts';

/*
 * `tdkt db restore --force` must never leave the database with neither the old data nor the new:
 * a damaged file is refused before anything is touched, and a restore killed at any moment leaves
 * the old data in place, on PostgreSQL and in the embedded data folder alike.
 */

const SECRET = 's'.repeat(48);
// Big enough for a progress line of persons (every PROGRESS_ROWS) well before their end; small for CI.
const PERSONS = 8_000;
const PROGRESS_ROWS = 2_000;
const scratch: { drop(): Promise<void> }[] = [];
const folder = mkdtempSync(path.join(tmpdir(), 'tdkt-restore-safety-'));
const smallBackup = path.join(folder, 'small.backup');
const bigBackup = path.join(folder, 'big.backup');

afterAll(async () => {
  for (const database of scratch) await database.drop();
  rmSync(folder, { recursive: true, force: true });
});

/** Rows per table in a backup file, read with nothing but gunzip and JSON (any format version). */
function tableCounts(file: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const line of gunzipSync(readFileSync(file)).toString('utf8').split('\n')) {
    if (!line.trim()) continue;
    const entry = JSON.parse(line) as { table?: string; rows?: unknown[] };
    if (typeof entry.table === 'string' && Array.isArray(entry.rows)) {
      counts[entry.table] = (counts[entry.table] ?? 0) + entry.rows.length;
    }
  }
  return counts;
}

let snapshotIndex = 0;
/** What the database holds now, table by table, seen through a fresh `tdkt db backup` process. */
async function currentCounts(env: Record<string, string>): Promise<Record<string, number>> {
  const file = path.join(folder, `snapshot-${++snapshotIndex}.backup`);
  const result = await runCli(['db', 'backup', file], env);
  expect(result.code, result.output).toBe(0);
  const counts = tableCounts(file);
  rmSync(file);
  return counts;
}

function expectOneVietnameseLine(output: string) {
  const lines = output.trim().split('\n');
  expect(lines, output).toHaveLength(1);
  expect(output).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i);
  expect(output).not.toMatch(/Z_BUF_ERROR|\n\s+at |Error:/);
}

/** Starts `tdkt db restore --force`, kills it with SIGKILL as soon as its output matches `moment`. */
function restoreAndKillAt(file: string, env: Record<string, string>, moment: RegExp) {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', ...env };
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
  if (!env.TDKT_DATA_DIR) delete childEnv.TDKT_DATA_DIR;
  const args = ['bin/tdkt.js', 'db', 'restore', file, '--force', '--progress-rows', String(PROGRESS_ROWS)];
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    env: childEnv,
    stdio: 'pipe',
  });
  let output = '';
  let killedAt = '';
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    if (!killedAt && moment.test(output)) {
      killedAt = output.trim().split('\n').at(-1) ?? '';
      child.kill('SIGKILL');
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  return new Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    output: string;
    killedAt: string;
  }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal, output, killedAt })));
}

beforeAll(async () => {
  // The old data: the demo organisation of a first embedded start.
  const demoDir = mkdtempSync(path.join(folder, 'demo-'));
  const demo = await startServer({ TDKT_DATA_DIR: demoDir, TDKT_DEMO_PASSWORD: 'demo-password-123' });
  await demo.stop();
  const small = await runCli(['db', 'backup', smallBackup], { TDKT_DATA_DIR: demoDir });
  expect(small.code, small.output).toBe(0);

  // The new data: a synthetic organisation big enough that loading it takes seconds.
  const source = await createScratchDatabase('bigsource');
  scratch.push(source);
  const sourceEnv = { DATABASE_URL: source.url, TDKT_SESSION_SECRET: SECRET };
  const generated = await runCli(
    ['gen', '--provinces', '2', '--communes', '20', '--units', '800', '--persons', String(PERSONS)],
    sourceEnv,
  );
  expect(generated.code, generated.output).toBe(0);
  const big = await runCli(['db', 'backup', bigBackup], sourceEnv);
  expect(big.code, big.output).toBe(0);
  console.log(`big backup: ${statSync(bigBackup).size} bytes, ${big.output.trim()}`);
});

const engines = [
  {
    name: 'PGlite data folder',
    async target() {
      return { TDKT_DATA_DIR: mkdtempSync(path.join(folder, 'target-')) };
    },
  },
  {
    name: 'PostgreSQL',
    async target() {
      const database = await createScratchDatabase('restoretarget');
      scratch.push(database);
      return { DATABASE_URL: database.url, TDKT_SESSION_SECRET: SECRET };
    },
  },
];

describe.each(engines)('tdkt db restore --force on $name', (engine) => {
  let env: Record<string, string>;
  let before: Record<string, number>;
  beforeAll(async () => {
    env = await engine.target();
    const loaded = await runCli(['db', 'restore', smallBackup], env);
    expect(loaded.code, loaded.output).toBe(0);
    before = await currentCounts(env);
    expect(before.users).toBeGreaterThan(0);
  });

  it('refuses to overwrite a non-empty database without --force and changes nothing', async () => {
    const refused = await runCli(['db', 'restore', bigBackup], env);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('--force');
    expect(await currentCounts(env)).toEqual(before);
  });

  it('refuses a progress step that is not a whole number, changing nothing', async () => {
    const refused = await runCli(['db', 'restore', bigBackup, '--force', '--progress-rows', '0'], env);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('--progress-rows phải là số nguyên');
    expect(await currentCounts(env)).toEqual(before);
  });

  it('refuses a truncated backup with exit 2 and one Vietnamese line, keeping the old data', async () => {
    const truncated = path.join(folder, 'truncated.backup');
    const bytes = readFileSync(bigBackup);
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const result = await runCli(['db', 'restore', truncated, '--force'], env);
    expect(result.code, result.output).toBe(2);
    expectOneVietnameseLine(result.output);
    expect(result.output).toContain('bị hỏng hoặc không đầy đủ');
    expect(await currentCounts(env)).toEqual(before);
    const checked = await runCli(['db', 'check', truncated], env);
    expect(checked.code, checked.output).toBe(2);
    expect((await runCli(['db', 'check', bigBackup], env)).output).toContain('số dòng và mã kiểm tra khớp');
  });

  it('refuses a backup with one corrupted byte with exit 2, keeping the old data', async () => {
    const corrupted = path.join(folder, 'corrupted.backup');
    const bytes = Buffer.from(readFileSync(bigBackup));
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = (bytes[middle] ?? 0) ^ 0xff;
    writeFileSync(corrupted, bytes);
    const result = await runCli(['db', 'restore', corrupted, '--force'], env);
    expect(result.code, result.output).toBe(2);
    expectOneVietnameseLine(result.output);
    expect(await currentCounts(env)).toEqual(before);
  });

  it('keeps the old data when the restore is killed with SIGKILL in the middle of loading', async () => {
    // A progress line of the big table: the old tables are dropped and thousands of rows are in.
    const killed = await restoreAndKillAt(bigBackup, env, /persons: [\d.]+\//);
    expect(killed.signal, killed.output).toBe('SIGKILL');
    expect(killed.killedAt).toMatch(/persons: /);
    expect(killed.output).not.toContain('restore complete');
    expect(await currentCounts(env)).toEqual(before);
  });

  it('then restores the big backup completely and reports how long it took', async () => {
    const started = Date.now();
    const restored = await runCli(['db', 'restore', bigBackup, '--force'], env);
    expect(restored.code, restored.output).toBe(0);
    console.log(`${engine.name}: restore of the big backup took ${Date.now() - started} ms`);
    const expected = tableCounts(bigBackup);
    expect(expected.persons).toBe(PERSONS);
    // The restore adds exactly one row of its own: its audit event.
    expected.audit_events = (expected.audit_events ?? 0) + 1;
    expect(await currentCounts(env)).toEqual(expected);
  });

  it('keeps the new data when the process is killed right after the restore committed', async () => {
    const loaded = await runCli(['db', 'restore', smallBackup, '--force'], env);
    expect(loaded.code, loaded.output).toBe(0);
    // Killed between the commit and closing the database (the line is printed before the close).
    const killed = await restoreAndKillAt(bigBackup, env, /restore complete/);
    expect(killed.signal === 'SIGKILL' || killed.code === 0, killed.output).toBe(true);
    const expected = tableCounts(bigBackup);
    expected.audit_events = (expected.audit_events ?? 0) + 1;
    expect(await currentCounts(env)).toEqual(expected);
  });
});
