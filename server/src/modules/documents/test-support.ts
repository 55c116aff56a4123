import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Repository root, found from this file's folder. */
export const repoRoot = path.resolve(import.meta.dirname, '../../../..');

/**
 * Folder of the five real seed documents, kept outside the repository: `TDKT_SEEDS_DIR`, else the
 * shared folder beside the checkout (`../shared/seeds`) or beside its parent (a worktree in `wt/`).
 */
export const seedsDir =
  [
    process.env.TDKT_SEEDS_DIR,
    path.resolve(repoRoot, '../shared/seeds'),
    path.resolve(repoRoot, '../../shared/seeds'),
  ]
    .filter((dir): dir is string => !!dir)
    .find((dir) => existsSync(dir)) ?? path.resolve(repoRoot, '../shared/seeds');

/** Folder of the invented fixtures and their expected models. */
export const fixturesDir = path.resolve(repoRoot, 'tests/fixtures/documents');

/** True when the seed folder is present on this machine. */
export const hasSeeds = existsSync(seedsDir);

/** Message of the skipped seed suites. */
export const seedsMissing = `seed documents not found at ${seedsDir} (../shared/seeds): seed tests skipped`;

/** Reads one seed by its number prefix ("000"). */
export function readSeed(prefix: string): string {
  const name = readdirSync(seedsDir).find((file) => file.startsWith(`${prefix}_`));
  if (!name) throw new Error(`seed ${prefix} missing`);
  return readFileSync(path.join(seedsDir, name), 'utf8');
}

/** Every seed as [file name, text]. */
export function listSeeds(): [string, string][] {
  if (!hasSeeds) return [];
  return readdirSync(seedsDir)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) => [file, readFileSync(path.join(seedsDir, file), 'utf8')]);
}

/** Every fixture document file name (not the expected JSON files). */
export function listFixtures(): string[] {
  return readdirSync(fixturesDir)
    .filter((file) => !file.endsWith('.json'))
    .sort();
}
