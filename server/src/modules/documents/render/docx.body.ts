import { AlignmentType, Paragraph } from 'docx';
import type { DocNode } from '#contracts/documents.ts';
import { isUpperText } from '../parse/lines.ts';
import { joinLabel } from '../parse/numbering.ts';
import { centred, runs, size } from './docx.layout.ts';

/** A justified body paragraph with a first-line indent. */
export function bodyParagraph(text: string, options: { bold?: boolean; italics?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: 567 },
    spacing: { before: 60, after: 60, line: 300 },
    children: runs(text, { size: size.body, ...options }),
  });
}

function isHeadingNode(node: DocNode): boolean {
  if (!node.label) return false;
  if (/^([IVXLC]+|Phần|PHẦN|Chương|CHƯƠNG|Mục|MỤC|Điều|ĐIỀU)\b/u.test(node.label)) return true;
  return node.children.length > 0 && node.text.length < 90 && /^\d/.test(node.label);
}

/** A chapter or part ("Chương I" over its heading in capitals), centred on two lines. */
function isPartHeading(node: DocNode): boolean {
  return (
    !!node.label &&
    /^(Phần|PHẦN|Chương|CHƯƠNG|Mục|MỤC)\s/u.test(node.label) &&
    (node.text === '' || isUpperText(node.text))
  );
}

/** Paragraphs of a body tree, parents before children. */
export function nodeParagraphs(nodes: DocNode[]): Paragraph[] {
  return nodes.flatMap((node) => [
    isPartHeading(node)
      ? centred(
          node.text ? `${node.label}\n${node.text}` : (node.label ?? ''),
          { size: size.body, bold: true },
          120,
        )
      : bodyParagraph(joinLabel(node.label, node.text), { bold: isHeadingNode(node) }),
    ...nodeParagraphs(node.children),
  ]);
}
