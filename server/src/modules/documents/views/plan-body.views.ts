import type { Attachment, DocNode } from '#contracts/documents.ts';

const planLike = /^(KẾ HOẠCH|HƯỚNG DẪN|CHƯƠNG TRÌNH|QUY CHẾ|QUY ĐỊNH|ĐỀ ÁN|PHƯƠNG ÁN)\b/u;

/**
 * The body a plan's parts are read from: the document's own sections, then those of a plan or a
 * regulation it issues as an attachment (a decision "ban hành kèm theo … Kế hoạch …"). The nodes are
 * the document's own, so an edit made through them changes the document.
 */
export function readPlanBody(sections: DocNode[], attachments: Attachment[]): DocNode[] {
  const issued = attachments.filter((attachment) => planLike.test(attachment.kind ?? attachment.title ?? ''));
  return [...sections, ...issued.flatMap((attachment) => attachment.sections)];
}
