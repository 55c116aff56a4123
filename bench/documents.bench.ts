import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocumentText, renderDocx } from '#server/modules/documents/index.ts';

const seedsDir =
  ['../../shared/seeds', '../../../shared/seeds']
    .map((dir) => path.resolve(import.meta.dirname, dir))
    .find((dir) => existsSync(dir)) ?? path.resolve(import.meta.dirname, '../../shared/seeds');
const fixturesDir = path.resolve(import.meta.dirname, '../tests/fixtures/documents');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round((sorted[Math.floor(sorted.length / 2)] ?? 0) * 100) / 100;
}

async function measure(text: string, runs: number): Promise<{ parseMs: number; renderMs: number }> {
  const parseTimes: number[] = [];
  const renderTimes: number[] = [];
  let doc = parseDocumentText(text);
  await renderDocx(doc);
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    doc = parseDocumentText(text);
    parseTimes.push(performance.now() - start);
    const renderStart = performance.now();
    await renderDocx(doc);
    renderTimes.push(performance.now() - renderStart);
  }
  return { parseMs: median(parseTimes), renderMs: median(renderTimes) };
}

/** A ~30-page plan: the body of a real plan repeated with renumbered Roman sections. */
function buildLongPlan(base: string, targetBytes: number): string {
  const lines = base.split('\n');
  const start = lines.findIndex((line) => /^I\.\s/.test(line.trim()));
  const end = lines.findIndex((line, index) => index > start && /^N[ơo]i nh/i.test(line.trim()));
  const head = lines.slice(0, start);
  const body = lines.slice(start, end < 0 ? undefined : end);
  const tail = end < 0 ? [] : lines.slice(end);
  const out = [...head];
  let size = Buffer.byteLength(out.join('\n'));
  while (size < targetBytes) {
    for (const line of body) {
      out.push(line);
      size += Buffer.byteLength(line) + 1;
    }
  }
  return [...out, ...tail].join('\n');
}

/** The same text as a copy from a PDF gives it: every line longer than `width` broken at spaces. */
function hardWrap(text: string, width: number): string {
  return text
    .split('\n')
    .flatMap((line) => {
      const out: string[] = [];
      let current = '';
      for (const word of line.trim().split(/\s+/)) {
        if (current && current.length + 1 + word.length > width) {
          out.push(current);
          current = word;
        } else current = current ? `${current} ${word}` : word;
      }
      out.push(current);
      return out;
    })
    .join('\n');
}

/**
 * Measures parse and DOCX render (median of N runs) for each seed and for a synthetic 30-page plan,
 * as written and hard-wrapped at 80 characters.
 */
export async function runDocumentBench(): Promise<Record<string, unknown>> {
  const inputs: [string, string][] = [];
  let dir = seedsDir;
  try {
    readdirSync(seedsDir);
  } catch {
    dir = fixturesDir;
  }
  for (const file of readdirSync(dir)
    .filter((name) => /\.(txt|md)$/.test(name))
    .sort()) {
    inputs.push([file, readFileSync(path.join(dir, file), 'utf8')]);
  }
  const base = inputs.find(([, text]) => /^\s*I\.\s/m.test(text))?.[1] ?? inputs[0]?.[1] ?? '';
  const longPlan = buildLongPlan(base, 90_000);
  const rows: Record<string, { kb: number; parseMs: number; renderMs: number }> = {};
  for (const [name, text] of inputs) {
    rows[name] = { kb: Math.round(Buffer.byteLength(text) / 102.4) / 10, ...(await measure(text, 15)) };
  }
  rows['synthetic-30-pages'] = {
    kb: Math.round(Buffer.byteLength(longPlan) / 102.4) / 10,
    ...(await measure(longPlan, 9)),
  };
  const wrappedPlan = hardWrap(longPlan, 80);
  rows['synthetic-30-pages-hard-wrapped'] = {
    kb: Math.round(Buffer.byteLength(wrappedPlan) / 102.4) / 10,
    ...(await measure(wrappedPlan, 9)),
  };
  console.log('\nVăn bản / documents (median ms; targets: parse 30 pages < 200 ms, render < 500 ms):');
  console.table(rows);
  return { runs: { seeds: 15, synthetic: 9 }, documents: rows };
}
