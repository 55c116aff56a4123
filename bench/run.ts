import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runPlatformBench } from './platform.bench.ts';

// `npm run bench`: every benchmark on loopback; figures printed and kept in bench/results/ with date and commit.
const root = path.resolve(import.meta.dirname, '..');
const commit = (() => {
  try {
    return execSync('git rev-parse --short HEAD', { cwd: root }).toString().trim();
  } catch {
    return 'unknown';
  }
})();
const date = new Date().toISOString();

const results: Record<string, unknown> = {};
const documentBench = path.join(root, 'bench/documents.bench.ts');
if (existsSync(documentBench)) {
  const { runDocumentBench } = await import('./documents.bench.ts');
  results.documents = await runDocumentBench();
}
console.log('\nNền tảng / platform (autocannon, 10 connections, 8 s each):');
const platform = await runPlatformBench();
results.platform = platform;
for (const [engine, figures] of Object.entries(platform)) {
  console.log(`\n  ${engine}: server RSS ${figures.serverRssMb} MB`);
  console.table(
    figures.endpoints.map((e) => ({
      endpoint: e.name,
      'req/s': e.requestsPerSecond,
      'p50 ms': e.p50Ms,
      'p99 ms': e.p99Ms,
      errors: e.errors + e.non2xx,
    })),
  );
}

mkdirSync(path.join(root, 'bench/results'), { recursive: true });
const file = path.join(root, 'bench/results', `${date.slice(0, 10)}-${commit}.json`);
writeFileSync(file, `${JSON.stringify({ date, commit, node: process.version, results }, null, 2)}\n`);
console.log(`\nĐã ghi kết quả / results written: ${path.relative(root, file)}`);
