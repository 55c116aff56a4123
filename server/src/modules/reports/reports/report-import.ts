import type { DocNode } from '#contracts/documents.ts';
import type { ReportSection, ReportTexts } from '#contracts/reports.ts';

const normalise = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** A node and everything under it as plain lines ("label text"). */
function linesOf(node: DocNode, into: string[] = []): string[] {
  into.push([node.label, node.text].filter(Boolean).join(' ').trim());
  for (const child of node.children) linesOf(child, into);
  return into;
}

/** The template section a heading names: its title is in the heading, or the heading is most of its title. */
function matchSection(heading: string, sections: readonly ReportSection[]): ReportSection | null {
  const words = normalise(heading);
  if (words.length < 4) return null;
  return (
    sections.find((section) => {
      const title = normalise(section.title);
      // A heading shorter than most of the title ("KẾT QUẢ") is a group, not the section.
      return (
        title.length > 3 &&
        (words.includes(title) || (title.includes(words) && words.length >= title.length * 0.6))
      );
    }) ?? null
  );
}

/**
 * Reads the body of a parsed báo cáo into the template's sections: a heading that names a section
 * (at the first or second level) takes everything under it; what matches nothing goes to the first
 * section, so no text of the file is lost. Returns the texts and the keys that were filled.
 */
export function textsFromDocument(body: readonly DocNode[], sections: readonly ReportSection[]): ReportTexts {
  const texts = new Map<string, string[]>();
  const add = (key: string, lines: string[]) => texts.set(key, [...(texts.get(key) ?? []), ...lines]);
  const fallback = sections[0]?.key;
  const visit = (node: DocNode, depth: number) => {
    const section = matchSection(node.text, sections);
    if (section) {
      add(
        section.key,
        node.children.flatMap((child) => linesOf(child)),
      );
      return;
    }
    if (depth === 0 && node.children.some((child) => matchSection(child.text, sections))) {
      for (const child of node.children) visit(child, depth + 1);
      return;
    }
    if (fallback) add(fallback, linesOf(node));
  };
  for (const node of body) visit(node, 0);
  return Object.fromEntries([...texts].map(([key, lines]) => [key, lines.filter(Boolean).join('\n')]));
}
