import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditActions } from '#contracts/audit.ts';

const serverSource = path.resolve(import.meta.dirname, '../..');

/** The text of every TypeScript file under the server's source, by path. */
async function sources(): Promise<Map<string, string>> {
  const entries = await readdir(serverSource, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name));
  return new Map(await Promise.all(files.map(async (file) => [file, await readFile(file, 'utf8')] as const)));
}

/** Whether the text holds the action as a quoted string literal. */
const quotes = (text: string, action: string) =>
  text.includes(`'${action}'`) || text.includes(`"${action}"`) || text.includes(`\`${action}\``);

describe('audit actions', () => {
  it('asserts every action the server can write by name in at least one API test', async () => {
    const files = await sources();
    const apiTests = [...files].filter(([file]) => file.endsWith('.api.test.ts')).map(([, text]) => text);
    const unasserted = auditActions.filter((action) => !apiTests.some((text) => quotes(text, action)));
    expect(unasserted, 'audit actions no API test asserts by name').toEqual([]);
  });

  it('lists only actions the server writes (a literal, or a template on a literal prefix)', async () => {
    const code = [...(await sources())]
      .filter(([file]) => !file.endsWith('.test.ts') && !file.includes('test-support'))
      .map(([, text]) => text);
    const templatePrefixes = new Set(
      code.flatMap((text) => [...text.matchAll(/action: `([a-z_.]+\.)\$\{/g)].map((match) => match[1])),
    );
    const unwritten = auditActions.filter(
      (action) =>
        !code.some((text) => quotes(text, action)) &&
        ![...templatePrefixes].some((prefix) => prefix && action.startsWith(prefix)),
    );
    expect(unwritten, 'listed audit actions no server code writes').toEqual([]);
  });
});
