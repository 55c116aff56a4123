import type { DocNode, LineRange, ParsedDocument } from '#contracts/documents.ts';
import type { CriteriaTrees, CriterionNode, PlanAssignment, PlanContent } from '#contracts/movements.ts';
import { planBody } from '#server/modules/documents/index.ts';

const pointsPattern = /\((\d+(?:[.,]\d+)?)\s*điểm\)\s*$/iu;
const yearlyPattern = /\b(hàng|hằng)\s+năm\b/iu;

/** Header facts of a plan typed by hand. */
export interface PlanHeader {
  issuerName: string | null;
  issuerParent?: string | null;
  title: string;
  movementName: string;
  periodFrom: number;
  periodTo: number;
  place?: string | null;
}

/** An empty document model with the header filled in. */
export function emptyDocument(header: PlanHeader): ParsedDocument {
  return {
    kind: 'KẾ HOẠCH',
    type: 'plan',
    issuer: { parent: header.issuerParent ?? null, name: header.issuerName },
    number: null,
    place: header.place ?? null,
    date: null,
    title: header.title,
    authority: null,
    incoming: null,
    addressees: [],
    legalBasis: [],
    preamble: [],
    enacting: null,
    movement: {
      name: header.movementName,
      periodFrom: header.periodFrom,
      periodTo: header.periodTo,
      periodSource: null,
    },
    sections: [],
    articles: [],
    contents: { collective: [], individual: [] },
    criteria: { collective: [], individual: [] },
    awards: [],
    milestones: [],
    assignments: [],
    funding: null,
    signature: { authority: [], title: null, name: null },
    recipients: [],
    attachments: [],
    truncated: false,
    unclassified: [],
  };
}

/** An empty plan for a movement created by hand. */
export function emptyPlanContent(header: PlanHeader): PlanContent {
  return {
    document: emptyDocument(header),
    purposes: [],
    requirements: [],
    participants: { units: [], people: [] },
    criteria: { collective: [], individual: [] },
    criteriaAnchors: { collective: null, individual: null },
    awards: [],
    milestones: [],
    assignments: [],
    funding: null,
  };
}

/** Converts body nodes to a criteria tree, reading trailing "(10 điểm)" as points. */
export function toCriteria(nodes: DocNode[], idPrefix: string): CriterionNode[] {
  let counter = 0;
  const convert = (node: DocNode): CriterionNode => {
    const match = pointsPattern.exec(node.text);
    return {
      id: `${idPrefix}${++counter}`,
      label: node.label,
      text: match ? node.text.slice(0, match.index).trim() : node.text,
      points: match?.[1] ? Number(match[1].replace(',', '.')) : null,
      lines: node.lines,
      children: node.children.map(convert),
    };
  };
  return nodes.map(convert);
}

/** Converts a criteria tree back to body nodes (points written as "(n điểm)"). */
export function toDocNodes(nodes: CriterionNode[]): DocNode[] {
  return nodes.map((node) => ({
    label: node.label,
    text: node.points === null ? node.text : `${node.text} (${node.points} điểm)`,
    lines: node.lines ?? [0, 0],
    children: toDocNodes(node.children),
  }));
}

const sameLines = (a: LineRange | null, b: LineRange | null) => !!a && !!b && a[0] === b[0] && a[1] === b[1];

/** Depth-first search of the body. */
function findNode(nodes: DocNode[], test: (node: DocNode) => boolean): DocNode | null {
  for (const node of nodes) {
    if (test(node)) return node;
    const inner = findNode(node.children, test);
    if (inner) return inner;
  }
  return null;
}

/** The lines of the body node whose children are the given list (the list's heading). */
function anchorOf(sections: DocNode[], list: DocNode[]): LineRange | null {
  const first = list[0];
  if (!first) return null;
  const parent = findNode(sections, (node) =>
    node.children.some((child) => sameLines(child.lines, first.lines)),
  );
  return parent ? parent.lines : null;
}

/** Texts under the first body node whose text starts with the heading ("Mục đích"). */
function textsUnder(sections: DocNode[], heading: RegExp): string[] {
  // The innermost heading: "I. MỤC ĐÍCH, YÊU CẦU" holds "1. Mục đích", which holds the texts.
  const node = findNode(
    sections,
    (candidate) =>
      heading.test(candidate.text) && !candidate.children.some((child) => heading.test(child.text)),
  );
  if (!node) return [];
  if (node.children.length) return node.children.map((child) => child.text);
  const rest = node.text.replace(heading, '').replace(/^[\s:.-]+/u, '');
  return rest ? [rest] : [];
}

/** Splits participant lines into kinds of units and kinds of people. */
function participantsOf(lines: string[]) {
  const units = lines.filter((line) => /(cơ quan|đơn vị|tập thể|địa phương|tổ chức)/iu.test(line));
  return { units, people: lines.filter((line) => !units.includes(line)) };
}

/** Assignments with their recurrence: "hàng năm" in a task makes it yearly. */
export function withRecurrence(assignments: ParsedDocument['assignments']): PlanAssignment[] {
  return assignments.map((assignment) => ({
    ...assignment,
    recurrence: assignment.tasks.some((task) => yearlyPattern.test(task)) ? 'yearly' : 'once',
  }));
}

/** The plan content of an imported document: the document itself and its editable parts. */
export function planContentFromDocument(document: ParsedDocument): PlanContent {
  const body = planBody(document);
  return {
    document,
    purposes: textsUnder(body, /^mục đích/iu),
    requirements: textsUnder(body, /^yêu cầu/iu),
    participants: participantsOf(textsUnder(body, /^đối tượng/iu)),
    criteria: {
      collective: toCriteria(document.criteria.collective, 'c'),
      individual: toCriteria(document.criteria.individual, 'i'),
    },
    criteriaAnchors: {
      collective: anchorOf(body, document.criteria.collective),
      individual: anchorOf(body, document.criteria.individual),
    },
    awards: document.awards,
    milestones: document.milestones,
    assignments: withRecurrence(document.assignments),
    funding: document.funding,
  };
}

/** Every tree node, for looking nodes up by id. */
export function flattenCriteria(trees: CriteriaTrees): CriterionNode[] {
  const out: CriterionNode[] = [];
  const walk = (nodes: CriterionNode[]) => {
    for (const node of nodes) {
      out.push(node);
      walk(node.children);
    }
  };
  walk(trees.collective);
  walk(trees.individual);
  return out;
}
