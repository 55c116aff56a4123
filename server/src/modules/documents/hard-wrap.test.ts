import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ParsedDocument } from '#contracts/documents.ts';
import { readDocumentText } from './input/document.input.ts';
import { readLines } from './parse/lines.ts';
import { joinWrappedLines, readWrapWidth } from './parse/logical-lines.ts';
import { parseWithOwnership } from './parse/parser.ts';
import { fixturesDir, hasSeeds, listFixtures, listSeeds, seedsMissing } from './test-support.ts';

/** A small deterministic generator (mulberry32), so every run wraps at the same widths. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** A text and, for each of its lines, the 1-based line of the text it was made from. */
interface Derived {
  text: string;
  origin: number[];
}

/** Hard-wraps every line longer than `width` at spaces, as a copy from a PDF or a web page does. */
function hardWrap(text: string, width: number): Derived {
  const out: string[] = [];
  const origin: number[] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = raw.trimEnd();
    if (line.length <= width) {
      out.push(line);
      origin.push(index + 1);
      return;
    }
    const indent = /^\s*/.exec(line)?.[0] ?? '';
    let current = indent;
    for (const word of line.trim().split(/\s+/)) {
      if (current.trim() && current.length + 1 + word.length > width) {
        out.push(current);
        origin.push(index + 1);
        current = word;
      } else current = current.trim() ? `${current} ${word}` : `${current}${word}`;
    }
    out.push(current);
    origin.push(index + 1);
  });
  return { text: out.join('\n'), origin };
}

/** The text of a hard-wrapped copy with its wrapped lines joined back (one logical line per line). */
function unwrap(text: string): Derived & { last: number[] } {
  const logical = joinWrappedLines(readLines(text));
  return {
    text: logical.map((line) => line.text).join('\n'),
    origin: logical.map((line) => line.n),
    last: logical.map((line) => line.end),
  };
}

/** Rewrites every source line number of a parsed document (keys "lines" and "line") through maps. */
function mapLines<T>(value: T, first: (n: number) => number, last: (n: number) => number): T {
  if (Array.isArray(value)) return value.map((item) => mapLines(item, first, last)) as T;
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => {
      if (key === 'lines' && Array.isArray(inner) && inner.length === 2) {
        return [key, [first(inner[0] as number), last(inner[1] as number)]];
      }
      if (key === 'line' && typeof inner === 'number') return [key, first(inner)];
      return [key, mapLines(inner, first, last)];
    }),
  ) as T;
}

const parse = (text: string): ParsedDocument => parseWithOwnership(text).document;

/** The first places where two parses differ, as short "path: got … | want …" lines. */
function describeDifference(actual: unknown, expected: unknown): string {
  const out: string[] = [];
  const walk = (left: unknown, right: unknown, at: string) => {
    if (out.length >= 2 || JSON.stringify(left) === JSON.stringify(right)) return;
    const isSameShape =
      left &&
      right &&
      typeof left === 'object' &&
      typeof right === 'object' &&
      Array.isArray(left) === Array.isArray(right);
    if (isSameShape && (!Array.isArray(left) || left.length === (right as unknown[]).length)) {
      for (const key of new Set([...Object.keys(left), ...Object.keys(right)])) {
        walk((left as Record<string, unknown>)[key], (right as Record<string, unknown>)[key], `${at}.${key}`);
      }
      return;
    }
    out.push(
      `${at}: got ${JSON.stringify(left)?.slice(0, 160)} | want ${JSON.stringify(right)?.slice(0, 160)}`,
    );
  };
  walk(actual, expected, '');
  return out.join('; ');
}

/**
 * Parses hard-wrapped copies of a text at each width and lists the widths whose parse differs from
 * the text's own parse (line numbers mapped back to the text's lines).
 */
function compareWrapped(text: string, widths: number[]): string[] {
  let original = parse(text);
  let source: Derived & { last?: number[] } = { text, origin: [] };
  const failures: string[] = [];
  const isWrapped = readWrapWidth(readLines(text)) !== null;
  if (isWrapped) {
    // A copy that arrives wrapped: its unwrapped text must parse like it, then be wrapped again.
    source = unwrap(text);
    // Unwrapped, a period read inside a wrapped line can only be placed on that line's first line.
    const startOf = (n: number) => source.origin.findLast((first) => first <= n) ?? n;
    const period = original.movement.periodSource;
    if (period) {
      const periodSource = { ...period, line: startOf(period.line) };
      original = { ...original, movement: { ...original.movement, periodSource } };
    }
    const back = (n: number) => source.origin[n - 1] ?? n;
    const backLast = (n: number) => source.last?.[n - 1] ?? n;
    const unwrapped = mapLines(parse(source.text), back, backLast);
    if (JSON.stringify(unwrapped) !== JSON.stringify(original)) {
      failures.push(`unwrapped: ${describeDifference(unwrapped, original)}`);
    }
  }
  for (const width of widths) {
    const wrapped = hardWrap(source.text, width);
    const toSource = (n: number) => wrapped.origin[n - 1] ?? n;
    const toOriginal = (n: number) => (isWrapped ? (source.origin[toSource(n) - 1] ?? n) : toSource(n));
    const toOriginalLast = (n: number) => (isWrapped ? (source.last?.[toSource(n) - 1] ?? n) : toSource(n));
    const again = mapLines(parse(wrapped.text), toOriginal, toOriginalLast);
    if (JSON.stringify(again) !== JSON.stringify(original)) {
      failures.push(`wrapped at ${width}: ${describeDifference(again, original)}`);
    }
  }
  return failures;
}

const random = generator(20251118);
const pickWidths = () => [0, 1, 2, 3].map(() => 60 + Math.floor(random() * 41));

/** Every fixture and seed as [name, text]. */
async function readAll(): Promise<[string, string][]> {
  const all: [string, string][] = [];
  for (const name of listFixtures()) {
    all.push([name, await readDocumentText(readFileSync(path.join(fixturesDir, name)), name)]);
  }
  return [...all, ...listSeeds()];
}

describe('hard-wrapped copies parse like the original', () => {
  for (const name of listFixtures()) {
    const widths = pickWidths();
    it(`reads fixture ${name} wrapped at ${widths.join(', ')} characters`, async () => {
      const text = await readDocumentText(readFileSync(path.join(fixturesDir, name)), name);
      expect(compareWrapped(text, widths)).toEqual([]);
    });
  }
  for (const [name, text] of listSeeds()) {
    const widths = pickWidths();
    it(`reads seed ${name} wrapped at ${widths.join(', ')} characters`, () => {
      expect(compareWrapped(text, widths)).toEqual([]);
    });
  }
  if (!hasSeeds) it.skip(seedsMissing, () => {});

  it('reads nearly every fixture and seed alike at every width from 60 to 100', async () => {
    // A line that happens to end within one word of the width, followed by a new sentence on the next
    // line, looks exactly like a wrapped line: such (text, width) pairs are ambiguous, and rare.
    const widths = Array.from({ length: 41 }, (_, index) => 60 + index);
    const documents = await readAll();
    const failures = documents.flatMap(([name, text]) =>
      compareWrapped(text, widths).map((failure) => `${name} ${failure}`),
    );
    if (failures.length > 0)
      console.info(
        `${failures.length} ambiguous of ${documents.length * widths.length}:\n${failures.join('\n')}`,
      );
    expect(failures.length).toBeLessThanOrEqual(Math.floor((documents.length * widths.length) / 100));
  }, 60_000);
});
