// `npm test`: checks the system dependencies the suite needs, builds the web app, then runs every
// Vitest project (unit, API on PGlite and PostgreSQL, process-level system tests, browser journeys).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';

const root = path.resolve(import.meta.dirname, '..');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const databaseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function stop(message) {
  console.error(message);
  process.exit(1);
}

if (!existsSync(chromium)) {
  stop(
    `Thiếu Chromium (${chromium}): chạy "sudo apt-get install -y chromium" / Chromium is missing: run "sudo apt-get install -y chromium".`,
  );
}
const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5000 });
try {
  await client.connect();
  await client.end();
} catch (error) {
  stop(
    `Không kết nối được PostgreSQL tại ${databaseUrl} (${error.code ?? error.message}): cài "sudo apt-get install -y postgresql" và khởi động, hoặc đặt TEST_DATABASE_URL / PostgreSQL is not reachable: install and start it, or set TEST_DATABASE_URL.`,
  );
}

const build = spawnSync(process.execPath, [path.join(root, 'scripts/ensure-web-build.mjs')], {
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);

const args = ['run', ...process.argv.slice(2)];
const result = spawnSync(process.execPath, [path.join(root, 'node_modules/vitest/vitest.mjs'), ...args], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, TEST_DATABASE_URL: databaseUrl },
});
process.exit(result.status ?? 1);
