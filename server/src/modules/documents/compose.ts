import type { DocNode, ParsedDocument } from '#contracts/documents.ts';

/** A numbered part of a composed document's body (no source lines: it was not parsed). */
export const docNode = (label: string | null, text: string, children: DocNode[] = []): DocNode => ({
  label,
  text,
  lines: [0, 0],
  children,
});

/** A document composed by the application for the engine to render: everything empty but the fields given. */
export function composeDocument(fields: Partial<ParsedDocument>): ParsedDocument {
  return {
    kind: null,
    type: null,
    issuer: { parent: null, name: '' },
    number: null,
    place: null,
    date: null,
    title: null,
    authority: null,
    incoming: null,
    addressees: [],
    legalBasis: [],
    preamble: [],
    enacting: null,
    movement: { name: null, periodFrom: null, periodTo: null, periodSource: null },
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
    ...fields,
  };
}
