import type { Paragraph } from 'docx';
import type { ParsedDocument } from '#contracts/documents.ts';
import { isUpperText } from '../parse/lines.ts';
import { bodyParagraph } from './docx.body.ts';
import { centred, page, shortRule, size } from './docx.layout.ts';

/** "- X;" lines of a list, the last ending with a full stop. */
function dashLines(items: string[]): Paragraph[] {
  return items.map((item, index) =>
    centred(`- ${item}${index === items.length - 1 ? '.' : ';'}`, { size: size.body }),
  );
}

/** Addressees: after "… điện:" for a telegram, after "Kính gửi:" otherwise. */
function addresseeParagraphs(doc: ParsedDocument): Paragraph[] {
  if (doc.type === 'telegram' && doc.authority) {
    return [
      centred(`${doc.authority} điện:`, { size: size.body, bold: true }, 60),
      ...dashLines(doc.addressees),
    ];
  }
  if (doc.addressees.length === 1)
    return [centred(`Kính gửi: ${doc.addressees[0]}.`, { size: size.body }, 120)];
  if (doc.addressees.length > 1)
    return [centred('Kính gửi:', { size: size.body }), ...dashLines(doc.addressees)];
  return [];
}

/**
 * The opening of the document: type and summary, the issuing authority, addressees, legal basis,
 * the preamble (unnumbered paragraphs before "I.") and the enacting words before the articles.
 */
export function openingParagraphs(doc: ParsedDocument): Paragraph[] {
  const out: Paragraph[] = [];
  if (doc.kind && doc.kind !== 'CÔNG VĂN') {
    out.push(centred(doc.kind, { size: size.body, bold: true }, 0));
    if (doc.title) out.push(centred(doc.title, { size: size.body, bold: true }));
    out.push(shortRule(2000, page.textWidth));
  }
  if (doc.authority && doc.type !== 'telegram')
    out.push(centred(doc.authority, { size: size.body, bold: true }, 120));
  out.push(...addresseeParagraphs(doc));
  for (const basis of doc.legalBasis)
    out.push(bodyParagraph(basis.text, { italics: doc.type === 'decision' }));
  for (const paragraph of doc.preamble) out.push(bodyParagraph(paragraph.text));
  if (doc.enacting) {
    out.push(
      isUpperText(doc.enacting)
        ? centred(doc.enacting, { size: size.body, bold: true }, 120)
        : bodyParagraph(doc.enacting),
    );
  }
  return out;
}
