import { readFileSync } from 'node:fs';

/** The application version from package.json, read once. */
export const appVersion: string = JSON.parse(
  readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'),
).version;

/** Absolute path of the repository root (where package.json lives). */
export const repoRoot: string = new URL('../../../', import.meta.url).pathname;
