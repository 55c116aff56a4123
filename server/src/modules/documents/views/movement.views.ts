import type { LineRange, Movement, PeriodSource } from '#contracts/documents.ts';
import { foldText, type SourceLine } from '../parse/lines.ts';

/** A text made of physical source lines, with where each line starts in it. */
interface Passage {
  text: string;
  starts: { at: number; n: number }[];
}

/** Joins the non-blank physical lines of a range the way the parser joined them (one space). */
function readPassage(physical: SourceLine[], range: LineRange): Passage {
  const starts: Passage['starts'] = [];
  const parts: string[] = [];
  let at = 0;
  for (let n = range[0]; n <= range[1]; n += 1) {
    const line = physical[n - 1];
    if (!line || line.blank) continue;
    starts.push({ at, n });
    parts.push(line.text);
    at += line.text.length + 1;
  }
  return { text: parts.join(' '), starts };
}

const validYear = (year: number) => year >= 1945 && year <= 2100;

/**
 * The period spans written in a folded text, in reading order: named ("giai đoạn 2019 - 2025"),
 * bracketed ("(2019 – 2025)"), "từ nay đến năm 2025" (from the plan's year), and bare spans
 * ("2019-2025") when `withBare` (a title: elsewhere a bare span may be another plan's years).
 */
function findSpans(
  key: string,
  planYear: number | null,
  withBare: boolean,
): { index: number; end: number; from: number; to: number }[] {
  const found: { index: number; end: number; from: number; to: number }[] = [];
  const add = (match: RegExpExecArray | null, from: number, to: number) => {
    if (match && validYear(from) && validYear(to) && to >= from) {
      found.push({ index: match.index, end: match.index + match[0].length, from, to });
    }
  };
  const named = /(giai doan|thoi ky|tu nam)\s*(\d{4})\s*(?:[-–—]|den nam|den)\s*(\d{4})/.exec(key);
  add(named, Number(named?.[2]), Number(named?.[3]));
  const bracketed = /\(\s*(\d{4})\s*[-–—]\s*(\d{4})\s*\)/.exec(key);
  add(bracketed, Number(bracketed?.[1]), Number(bracketed?.[2]));
  const untilYear = /tu nay den nam\s*(\d{4})/.exec(key);
  if (planYear !== null) add(untilYear, planYear, Number(untilYear?.[1]));
  for (const bare of withBare ? key.matchAll(/(?<![\d/.])(\d{4})\s*[-–—]\s*(\d{4})(?![\d/])/g) : []) {
    // A school year ("năm học 2020 - 2021") is not a movement's period.
    if (!/nam hoc\s*$/.test(key.slice(0, bare.index)))
      add(bare as RegExpExecArray, Number(bare[1]), Number(bare[2]));
  }
  return found.sort((a, b) => a.index - b.index);
}

/**
 * The movement a document names and its period: the name quoted after "phong trào thi đua", the
 * period in any usual shape ("giai đoạn 2019 - 2025", "(2019 – 2025)", "2019-2025", "từ nay đến năm
 * 2025" counted from the plan's year), read from the title, then the passages in order (opening
 * paragraphs, legal basis, first section), with the line it was read from; both stay empty when the
 * text gives none.
 */
export function readMovement(
  physical: SourceLine[],
  title: LineRange | null,
  passages: LineRange[],
  planYear: number | null,
): Movement {
  const movement: Movement = { name: null, periodFrom: null, periodTo: null, periodSource: null };
  const ranges = title ? [title, ...passages] : passages;
  ranges.forEach((range) => {
    const { text, starts } = readPassage(physical, range);
    const key = foldText(text);
    const sameLength = key.length === text.length;
    const quoted = /phong trao thi dua\s*["“]/.exec(key);
    if (movement.name === null && quoted && sameLength) {
      const start = quoted.index + quoted[0].length;
      const end = text.slice(start).search(/["”]/);
      if (end > 0) movement.name = text.slice(start, start + end).trim();
    }
    const span = findSpans(key, planYear, range === title)[0];
    if (movement.periodFrom === null && span) {
      const line = starts.findLast((entry) => entry.at <= span.index)?.n ?? range[0];
      const source: PeriodSource = {
        line,
        text: sameLength ? text.slice(span.index, span.end) : key.slice(span.index, span.end),
      };
      Object.assign(movement, { periodFrom: span.from, periodTo: span.to, periodSource: source });
    }
  });
  return movement;
}
