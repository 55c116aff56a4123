import type { ParsedDocument, Recipient } from '#contracts/documents.ts';
import { readDocumentType } from './parse/document-type.ts';
import { readArticles } from './views/articles.views.ts';

/** A document model as stored by an earlier version: fields added since may be missing. */
type StoredDocument = Omit<
  ParsedDocument,
  'type' | 'authority' | 'preamble' | 'enacting' | 'articles' | 'attachments' | 'recipients' | 'movement'
> &
  Partial<
    Pick<ParsedDocument, 'type' | 'authority' | 'preamble' | 'enacting' | 'articles' | 'attachments'>
  > & {
    movement: Omit<ParsedDocument['movement'], 'periodSource'> & {
      periodSource?: ParsedDocument['movement']['periodSource'];
    };
    recipients: (Recipient | string)[];
  };

/**
 * Brings a stored document model up to the current shape, so plans saved before the engine read
 * preambles, attachments and recipients' sub-entries still open: new fields get their empty value,
 * recipients written as plain text become entries. A current model comes back unchanged.
 */
export function upgradeDocument(stored: StoredDocument): ParsedDocument {
  return {
    ...stored,
    type: stored.type ?? readDocumentType(stored.kind, stored.number),
    authority: stored.authority ?? null,
    preamble: stored.preamble ?? [],
    enacting: stored.enacting ?? null,
    articles: stored.articles ?? readArticles(stored.sections),
    attachments: stored.attachments ?? [],
    movement: { ...stored.movement, periodSource: stored.movement.periodSource ?? null },
    recipients: stored.recipients.map((entry) =>
      typeof entry === 'string' ? { text: entry, subEntries: [] } : entry,
    ),
  };
}
