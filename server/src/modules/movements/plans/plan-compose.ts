import type { DocNode, LineRange, ParsedDocument } from '#contracts/documents.ts';
import type { PlanContent } from '#contracts/movements.ts';
import { planBody } from '#server/modules/documents/index.ts';
import { toDocNodes } from './plan-content.ts';

const romans = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];
const roundNames = {
  annual: 'Khen thưởng hằng năm',
  midterm: 'Khen thưởng sơ kết',
  final: 'Khen thưởng tổng kết',
  adhoc: 'Khen thưởng đột xuất',
};

const node = (label: string | null, text: string, children: DocNode[] = []): DocNode => ({
  label,
  text,
  lines: [0, 0],
  children,
});
const dashes = (texts: string[]) => texts.map((text) => node('-', text));

/** Body sections written from the structured parts, for a plan typed by hand. */
function synthesiseSections(content: PlanContent): DocNode[] {
  const { criteria } = content;
  const sections: [string, DocNode[]][] = [
    [
      'MỤC ĐÍCH, YÊU CẦU',
      [
        ...(content.purposes.length ? [node('1.', 'Mục đích', dashes(content.purposes))] : []),
        ...(content.requirements.length ? [node('2.', 'Yêu cầu', dashes(content.requirements))] : []),
      ],
    ],
    ['ĐỐI TƯỢNG THAM GIA', dashes([...content.participants.units, ...content.participants.people])],
    [
      'TIÊU CHUẨN THI ĐUA',
      [
        ...(criteria.collective.length
          ? [node('a)', 'Đối với tập thể:', toDocNodes(criteria.collective))]
          : []),
        ...(criteria.individual.length
          ? [node('b)', 'Đối với cá nhân:', toDocNodes(criteria.individual))]
          : []),
      ],
    ],
    [
      'HÌNH THỨC KHEN THƯỞNG',
      content.awards.map((award) =>
        node(
          '-',
          `${award.round ? roundNames[award.round] : 'Khen thưởng'}${award.year ? ` (năm ${award.year})` : ''}: ${award.forms.join('; ')}.`,
        ),
      ),
    ],
    ['TIẾN ĐỘ THỰC HIỆN', dashes(content.milestones.map((milestone) => milestone.text))],
    [
      'TỔ CHỨC THỰC HIỆN',
      content.assignments.map((assignment, index) =>
        node(`${index + 1}.`, assignment.assignee, dashes(assignment.tasks)),
      ),
    ],
    ['KINH PHÍ', content.funding ? [node(null, content.funding)] : []],
  ];
  return sections
    .filter(([, children]) => children.length)
    .map(([title, children], index) => node(`${romans[index] ?? index + 1}.`, title, children));
}

const sameLines = (a: LineRange, b: LineRange | null) => !!b && a[0] === b[0] && a[1] === b[1];

/** Replaces the children of the node at `anchor`; false when the anchor is not in the body. */
function replaceAt(nodes: DocNode[], anchor: LineRange | null, children: DocNode[]): boolean {
  for (const candidate of nodes) {
    if (sameLines(candidate.lines, anchor)) {
      candidate.children = children;
      return true;
    }
    if (replaceAt(candidate.children, anchor, children)) return true;
  }
  return false;
}

/**
 * The document to render or compare for a plan: the stored document with the edited parts written
 * back (criteria in place at their anchors, views from the structured parts); a plan typed by hand
 * gets its body written from the structured parts.
 */
export function composeDocument(content: PlanContent): ParsedDocument {
  const document = structuredClone(content.document);
  const collective = toDocNodes(content.criteria.collective);
  const individual = toDocNodes(content.criteria.individual);
  if (!document.sections.length) {
    document.sections = synthesiseSections(content);
  } else {
    const missing: DocNode[] = [];
    // The criteria may live in a plan the document issues as an attachment: replace them there.
    const body = planBody(document);
    if (!replaceAt(body, content.criteriaAnchors.collective, collective) && collective.length)
      missing.push(node('a)', 'Đối với tập thể:', collective));
    if (!replaceAt(body, content.criteriaAnchors.individual, individual) && individual.length)
      missing.push(node('b)', 'Đối với cá nhân:', individual));
    if (missing.length)
      document.sections.push(
        node(`${romans[document.sections.length] ?? ''}.`, 'TIÊU CHUẨN THI ĐUA', missing),
      );
  }
  document.criteria = { collective, individual };
  document.awards = content.awards;
  document.milestones = content.milestones;
  document.assignments = content.assignments.map(({ recurrence: _recurrence, ...assignment }) => assignment);
  document.funding = content.funding;
  return document;
}
