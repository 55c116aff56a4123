import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocNode } from '../../../../contracts/documents.ts';
import { readDocumentText } from './input/document.input.ts';
import { parseWithOwnership } from './parse/parser.ts';
import { fixturesDir, hasSeeds, listFixtures, listSeeds, seedsMissing } from './test-support.ts';
import { walkNodes } from './views/views.ts';

function nodeLines(nodes: DocNode[]): number[] {
  return [...walkNodes(nodes)].flatMap((node) => {
    const lines: number[] = [];
    for (let n = node.lines[0]; n <= node.lines[1]; n += 1) lines.push(n);
    return lines;
  });
}

/** Checks that every non-blank line has exactly one owner and that sections and unclassified agree with it. */
function expectLossless(text: string): void {
  const { document, ownership, lines } = parseWithOwnership(text);
  const nonBlank = lines.filter((line) => !line.blank).map((line) => line.n);
  expect(nonBlank.filter((n) => !ownership.has(n))).toEqual([]);
  expect([...ownership.keys()].filter((n) => !nonBlank.includes(n))).toEqual([]);
  const owned = (owner: string) => [...ownership].filter(([, who]) => who === owner).map(([n]) => n);
  const covered = nodeLines(document.sections).filter((n) => nonBlank.includes(n));
  expect(new Set(covered).size).toBe(covered.length);
  expect(covered.sort((a, b) => a - b)).toEqual(owned('sections'));
  expect(document.unclassified.map((line) => line.line)).toEqual(owned('unclassified'));
  for (const node of walkNodes(document.sections)) {
    const source = lines.find((line) => line.n === node.lines[0])?.text ?? '';
    expect(source.endsWith(node.text.slice(0, 20)) || source.includes(node.text.slice(0, 20))).toBe(true);
  }
}

describe('lossless accounting', () => {
  for (const name of listFixtures()) {
    it(`places every line of fixture ${name} exactly once`, async () => {
      expectLossless(await readDocumentText(readFileSync(path.join(fixturesDir, name)), name));
    });
  }
  it.skipIf(!hasSeeds)('places every line of every seed exactly once', () => {
    for (const [, text] of listSeeds()) expectLossless(text);
  });
  if (!hasSeeds) it.skip(seedsMissing, () => {});
});
