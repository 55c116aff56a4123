import type {
  AwardChange,
  AwardPlan,
  DiffItem,
  DiffSide,
  DocNode,
  ItemListDiff,
  Milestone,
  ParsedDocument,
  PlanDiff,
  SplitDiff,
  SplitItems,
} from '#contracts/documents.ts';
import { foldText } from '../parse/lines.ts';
import { headingKey, walkNodes } from '../views/views.ts';
import { diceSimilarity, normaliseForComparison, pairBySimilarity, trigrams } from './similarity.ts';

/** Scores at or above this are the same item; between `rewordedFrom` and this, the same item reworded. */
const sameFrom = 0.9;
const rewordedFrom = 0.5;

const namePattern = /(?:tỉnh|huyện|thành phố|quận|thị xã|xã|phường|thị trấn)\s+((?:\p{Lu}\p{Ll}*\s?){1,3})/gu;
const bodyPrefix =
  /^(ỦY BAN NHÂN DÂN|UBND|HỘI ĐỒNG NHÂN DÂN|HĐND)\s+(TỈNH|HUYỆN|THÀNH PHỐ|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN)\s+/iu;

/** Place names a plan uses for its own locality: the date's place, the issuer's locality, "tỉnh X" in its title. */
export function readPlaceNames(doc: ParsedDocument): { place: string[]; region: string[] } {
  const place = new Set<string>();
  if (doc.place) place.add(doc.place.trim());
  const issuer = doc.issuer.name?.replace(bodyPrefix, '');
  if (issuer && issuer !== doc.issuer.name) place.add(issuer.trim());
  const region = new Set<string>();
  for (const source of [doc.title ?? '', doc.movement.name ?? '']) {
    for (const match of source.matchAll(namePattern)) region.add((match[1] ?? '').trim());
  }
  const unique = (names: Set<string>) =>
    [...names].filter(
      (name, index, all) =>
        name.length > 1 && all.findIndex((other) => foldText(other) === foldText(name)) === index,
    );
  return { place: unique(place), region: unique(region) };
}

const levels: [RegExp, string][] = [
  [/\btinh\b(?! (than|hinh|chat|gian|te|cam|thong|tuong|thuc|khiet|nang|toan|tao))/g, 'tỉnh'],
  [/\bhuyen\b/g, 'huyện'],
  [/\b(xa(?! hoi)|phuong|thi tran)\b/g, 'xã'],
];

/** The administrative level of a plan: from its issuer, else the level word its body uses most. */
export function readLevel(doc: ParsedDocument): string | null {
  const issuer = foldText(doc.issuer.name ?? '');
  for (const [pattern, level] of levels) if (new RegExp(pattern.source).test(issuer)) return level;
  const body = foldText([...walkNodes(doc.sections)].map((node) => node.text).join(' '));
  let best: { count: number; level: string } | null = null;
  for (const [pattern, level] of levels) {
    const count = body.match(pattern)?.length ?? 0;
    if (count > 0 && (!best || count > best.count)) best = { count, level };
  }
  return best?.level ?? null;
}

function describe(doc: ParsedDocument): DiffSide {
  return {
    number: doc.number,
    title: doc.title,
    issuer: doc.issuer.name,
    place: doc.place,
    level: readLevel(doc),
  };
}

function flatten(nodes: DocNode[]): DiffItem[] {
  return [...walkNodes(nodes)].map((node) => ({ label: node.label, text: node.text, lines: node.lines }));
}

function diffItems(parent: DiffItem[], child: DiffItem[], names: [string[], string[]]): ItemListDiff {
  const left = parent.map((item) => trigrams(normaliseForComparison(item.text, names[0])));
  const right = child.map((item) => trigrams(normaliseForComparison(item.text, names[1])));
  const pairs = pairBySimilarity(left, right, rewordedFrom);
  const result: ItemListDiff = { added: [], removed: [], reworded: [], unchanged: 0 };
  for (const pair of pairs) {
    if (pair.score >= sameFrom) result.unchanged += 1;
    else {
      const similarity = Math.round(pair.score * 100) / 100;
      result.reworded.push({
        parent: parent[pair.left] as DiffItem,
        child: child[pair.right] as DiffItem,
        similarity,
      });
    }
  }
  result.removed = parent.filter((_, index) => !pairs.some((pair) => pair.left === index));
  result.added = child.filter((_, index) => !pairs.some((pair) => pair.right === index));
  return result;
}

function diffSplit(parent: SplitItems, child: SplitItems, names: [string[], string[]]): SplitDiff {
  return {
    collective: diffItems(flatten(parent.collective), flatten(child.collective), names),
    individual: diffItems(flatten(parent.individual), flatten(child.individual), names),
  };
}

function diffSections(parent: ParsedDocument, child: ParsedDocument, names: [string[], string[]]) {
  const headings = (doc: ParsedDocument) => doc.sections.filter((node) => node.label !== null);
  const [left, right] = [headings(parent), headings(child)];
  const grams = (nodes: DocNode[], own: string[]) =>
    nodes.map((node) => trigrams(normaliseForComparison(headingKey(node), own)));
  const pairs = pairBySimilarity(grams(left, names[0]), grams(right, names[1]), 0.6);
  return {
    added: right.filter((_, index) => !pairs.some((pair) => pair.right === index)).map((node) => node.text),
    removed: left.filter((_, index) => !pairs.some((pair) => pair.left === index)).map((node) => node.text),
  };
}

function diffMilestones(parent: Milestone[], child: Milestone[], names: [string[], string[]]) {
  const key = (milestone: Milestone) => `${milestone.kind}:${milestone.year ?? ''}`;
  const changed: { parent: Milestone; child: Milestone }[] = [];
  for (const left of parent) {
    const right = child.find((candidate) => key(candidate) === key(left));
    if (!right) continue;
    const score = diceSimilarity(
      trigrams(normaliseForComparison(left.text, names[0])),
      trigrams(normaliseForComparison(right.text, names[1])),
    );
    if (score < sameFrom) changed.push({ parent: left, child: right });
  }
  return {
    added: child.filter((right) => !parent.some((left) => key(left) === key(right))),
    removed: parent.filter((left) => !child.some((right) => key(left) === key(right))),
    changed,
  };
}

function diffAwards(parent: AwardPlan[], child: AwardPlan[]) {
  const changed: AwardChange[] = [];
  for (const left of parent) {
    const right = child.find((candidate) => candidate.round === left.round);
    if (!right) continue;
    const formsAdded = right.forms.filter((form) => !left.forms.includes(form));
    const formsRemoved = left.forms.filter((form) => !right.forms.includes(form));
    if (formsAdded.length > 0 || formsRemoved.length > 0) {
      changed.push({ round: left.round, year: right.year ?? left.year, formsAdded, formsRemoved });
    }
  }
  return {
    added: child.filter((right) => !parent.some((left) => left.round === right.round)),
    removed: parent.filter((left) => !child.some((right) => left.round === right.round)),
    changed,
  };
}

function diffFunding(parent: string | null, child: string | null): PlanDiff['funding'] {
  const status = (() => {
    if (parent === null && child === null) return 'absent' as const;
    if (parent === null) return 'added' as const;
    if (child === null) return 'removed' as const;
    return diceSimilarity(trigrams(foldText(parent)), trigrams(foldText(child))) >= sameFrom
      ? ('same' as const)
      : ('changed' as const);
  })();
  return { parent, child, status };
}

/** Every text of a plan where a local name can stand (header, opening, body, attachments). */
function planTexts(doc: ParsedDocument): string[] {
  const nodes = [...doc.sections, ...doc.attachments.flatMap((attachment) => attachment.sections)];
  return [
    doc.title ?? '',
    doc.movement.name ?? '',
    ...doc.legalBasis.map((basis) => basis.text),
    ...doc.preamble.map((paragraph) => paragraph.text),
    ...[...walkNodes(nodes)].map((node) => node.text),
  ];
}

/**
 * The name replacements of a localised copy, each pair once (the place of the date and the region of
 * the title are often the same name), with how many places of the copy carry the new name.
 */
function countReplacements(
  child: ParsedDocument,
  pairs: { parent: string; child: string }[],
): PlanDiff['localisedNames'] {
  const texts = planTexts(child).map(foldText);
  const out: PlanDiff['localisedNames'] = [];
  for (const pair of pairs) {
    if (pair.parent === '' || pair.child === '' || foldText(pair.parent) === foldText(pair.child)) continue;
    if (
      out.some(
        (seen) =>
          foldText(seen.parent) === foldText(pair.parent) && foldText(seen.child) === foldText(pair.child),
      )
    )
      continue;
    const name = foldText(pair.child);
    const count = texts.reduce((sum, text) => sum + text.split(name).length - 1, 0);
    out.push({ ...pair, count });
  }
  return out;
}

/** Compares a higher level's plan (parent) with a lower level's localised copy (child), by meaning. */
export function diffPlans(parent: ParsedDocument, child: ParsedDocument): PlanDiff {
  const [left, right] = [readPlaceNames(parent), readPlaceNames(child)];
  const folded: [string[], string[]] = [
    [...left.place, ...left.region].map(foldText),
    [...right.place, ...right.region].map(foldText),
  ];
  const localisedNames = countReplacements(child, [
    { parent: left.place[0] ?? '', child: right.place[0] ?? '' },
    { parent: left.region[0] ?? '', child: right.region[0] ?? '' },
  ]);
  return {
    parent: describe(parent),
    child: describe(child),
    localisedNames,
    sections: diffSections(parent, child, folded),
    contents: diffSplit(parent.contents, child.contents, folded),
    criteria: diffSplit(parent.criteria, child.criteria, folded),
    milestones: diffMilestones(parent.milestones, child.milestones, folded),
    awards: diffAwards(parent.awards, child.awards),
    funding: diffFunding(parent.funding, child.funding),
  };
}
