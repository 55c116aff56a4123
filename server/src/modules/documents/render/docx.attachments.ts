import { AlignmentType, Paragraph } from 'docx';
import type { Attachment } from '#contracts/documents.ts';
import { nodeParagraphs } from './docx.body.ts';
import { centred, size } from './docx.layout.ts';

/** One attachment on its own pages: label, its own heading, type, title and note, then its body. */
function attachmentParagraphs(attachment: Attachment): Paragraph[] {
  const out: Paragraph[] = [];
  if (attachment.label) out.push(centred(attachment.label, { size: size.body, bold: true }, 60));
  for (const line of attachment.heading) out.push(centred(line, { size: size.header }));
  const title = [attachment.kind, attachment.title].filter((part) => part !== null).join('\n');
  if (title) out.push(centred(title, { size: size.body, bold: true }, 60));
  if (attachment.note) out.push(centred(attachment.note, { size: size.body, italics: true }, 120));
  out.push(...nodeParagraphs(attachment.sections));
  const [first, ...rest] = out;
  if (!first) return [];
  // The first paragraph starts a new page.
  const opening = new Paragraph({ pageBreakBefore: true, alignment: AlignmentType.CENTER, children: [] });
  return [opening, first, ...rest];
}

/** The attachments after the signature, each from a new page. */
export function attachmentsParagraphs(attachments: Attachment[]): Paragraph[] {
  return attachments.flatMap(attachmentParagraphs);
}
