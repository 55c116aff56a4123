// Builds the web app when web/dist is missing or older than its sources, so `npm start` always serves
// the current UI without a separate build step.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const built = path.join(root, 'web/dist/index.html');

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(target).reduce(
    (max, name) => Math.max(max, newestMtime(path.join(target, name))),
    stat.mtimeMs,
  );
}

const sources = ['web/src', 'web/index.html', 'web/vite.config.ts', 'contracts', 'package-lock.json'];
const sourceTime = Math.max(...sources.map((source) => newestMtime(path.join(root, source))));
if (existsSync(built) && statSync(built).mtimeMs >= sourceTime) process.exit(0);

console.log('Đang dựng giao diện web (lần đầu mất khoảng 30 giây) / building the web app…');
const result = spawnSync(
  process.execPath,
  [
    path.join(root, 'node_modules/vite/bin/vite.js'),
    'build',
    '--config',
    'web/vite.config.ts',
    '--logLevel',
    'warn',
  ],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
process.exit(result.status ?? 1);
