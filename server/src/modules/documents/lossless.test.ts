import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocNode, LineRange, ParsedDocument } from '#contracts/documents.ts';
import { readDocumentText } from './input/document.input.ts';
import { foldText } from './parse/lines.ts';
import { type ParseOutcome, parseWithOwnership } from './parse/parser.ts';
import { fixturesDir, hasSeeds, listFixtures, listSeeds, seedsMissing } from './test-support.ts';
import { walkNodes } from './views/views.ts';

/**
 * Letters and digits only, folded: what a line says, whatever its spacing, punctuation, Markdown marks
 * or OCR-damaged accents ("Noi nhân:").
 */
const words = (text: string) => foldText(text).replace(/[^\p{L}\p{N}]/gu, '');

const covers = (range: LineRange, n: number) => range[0] <= n && n <= range[1];

const nodeText = (node: DocNode) => `${node.label ?? ''} ${node.text}`;

/**
 * The text an owner kept for a physical line, or null for owners that normalise what they read
 * (issuer, Quốc hiệu, number, place and date, stamp, signature): those are checked field by field
 * by the fixture and seed tests.
 */
function keptText(document: ParsedDocument, owner: string, n: number): string | null {
  const inRange = <T extends { lines: LineRange }>(items: T[]) =>
    items.filter((item) => covers(item.lines, n));
  switch (owner) {
    case 'sections':
      return inRange([...walkNodes(document.sections)])
        .map(nodeText)
        .join(' ');
    case 'preamble':
      return inRange(document.preamble)
        .map((paragraph) => paragraph.text)
        .join(' ');
    case 'legalBasis':
      return document.legalBasis.map((basis) => basis.text).join(' ');
    case 'enacting':
      return document.enacting ?? '';
    case 'title':
      return document.title ?? '';
    case 'authority':
      return `${document.authority ?? ''} điện Kính gửi ${document.addressees.join(' ')}`;
    case 'addressees':
      return `Kính gửi ${document.addressees.join(' ')}`;
    case 'recipients':
      return `Nơi nhận Bản điện tử Nơi gửi ${document.recipients.map((entry) => [entry.text, ...entry.subEntries].join(' ')).join(' ')}`;
    case 'attachments':
      return inRange(document.attachments)
        .map((attachment) =>
          [
            attachment.label,
            ...attachment.heading,
            attachment.kind,
            attachment.title,
            attachment.note,
            ...[...walkNodes(attachment.sections)].map(nodeText),
          ].join(' '),
        )
        .join(' ');
    case 'unclassified':
      return document.unclassified.map((line) => line.text).join(' ');
    default:
      return null;
  }
}

/**
 * Checks the lossless accounting of a parse: every non-blank physical line has exactly one owner, the
 * body tree and the unclassified list agree with it, and the text of every line is found in what its
 * owner kept (a parser that drops a wrapped or continuation line's words fails here).
 */
function expectLossless(outcome: ParseOutcome): void {
  const { document, ownership, lines } = outcome;
  const nonBlank = lines.filter((line) => !line.blank).map((line) => line.n);
  expect(nonBlank.filter((n) => !ownership.has(n))).toEqual([]);
  expect([...ownership.keys()].filter((n) => !nonBlank.includes(n))).toEqual([]);
  const owned = (owner: string) => [...ownership].filter(([, who]) => who === owner).map(([n]) => n);
  const nodes = [...walkNodes(document.sections)];
  const covered = owned('sections').filter((n) => !nodes.some((node) => covers(node.lines, n)));
  expect(covered).toEqual([]);
  expect(document.unclassified.every((line) => ownership.get(line.line) === 'unclassified')).toBe(true);
  const lost: string[] = [];
  for (const line of lines) {
    const owner = ownership.get(line.n);
    const kept = owner ? keptText(document, owner, line.n) : null;
    if (kept !== null && !words(kept).includes(words(line.text)))
      lost.push(`${line.n} (${owner}): ${line.text}`);
  }
  expect(lost).toEqual([]);
}

describe('lossless accounting', () => {
  for (const name of listFixtures()) {
    it(`places every line of fixture ${name} once and keeps its words`, async () => {
      const text = await readDocumentText(readFileSync(path.join(fixturesDir, name)), name);
      expectLossless(parseWithOwnership(text));
    });
  }
  it.skipIf(!hasSeeds)('places every line of every seed once and keeps its words', () => {
    for (const [, text] of listSeeds()) expectLossless(parseWithOwnership(text));
  });
  if (!hasSeeds) it.skip(seedsMissing, () => {});

  it('finds a line whose words the parse dropped', () => {
    const outcome = parseWithOwnership(
      'KẾ HOẠCH\n\nI. MỤC ĐÍCH\n\n1. Huy động các nguồn lực xã hội hóa\nđể đầu tư hạ tầng giao thông.\n',
    );
    const [section] = outcome.document.sections;
    const [item] = section?.children ?? [];
    if (item) item.text = 'Huy động các nguồn lực xã hội hóa';
    expect(() => expectLossless(outcome)).toThrow();
  });
});
