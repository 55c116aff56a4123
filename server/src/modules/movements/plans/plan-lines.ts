import type { WithoutVersion } from '#contracts/common.ts';
import type { PlaceLineBody, PlanContent } from '#contracts/movements.ts';
import { AppError } from '#server/platform/http/app-error.ts';

/**
 * Places an unclassified source line into a field or under a body section, or drops it;
 * returns the new content. The line leaves the unclassified list either way.
 */
export function placeUnclassifiedLine(
  content: PlanContent,
  line: number,
  body: WithoutVersion<PlaceLineBody>,
): PlanContent {
  const next = structuredClone(content);
  const document = next.document;
  const index = document.unclassified.findIndex((entry) => entry.line === line);
  const entry = document.unclassified[index];
  if (!entry) throw new AppError('NOT_FOUND', `Dòng ${line} không nằm trong danh sách dòng chưa phân loại.`);
  document.unclassified.splice(index, 1);
  if (body.action === 'drop') return next;
  const text = entry.text.trim();
  switch (body.target) {
    case 'title':
      document.title = document.title ? `${document.title} ${text}` : text;
      break;
    case 'funding':
      next.funding = next.funding ? `${next.funding} ${text}` : text;
      break;
    case 'legal_basis':
      document.legalBasis.push({ text, refs: [] });
      break;
    case 'purpose':
      next.purposes.push(text);
      break;
    case 'requirement':
      next.requirements.push(text);
      break;
    case 'section': {
      const node = { label: null, text, lines: [line, line] as [number, number], children: [] };
      const section = body.sectionIndex === undefined ? undefined : document.sections[body.sectionIndex];
      if (body.sectionIndex !== undefined && !section) {
        throw new AppError('VALIDATION_FAILED', 'Mục được chọn không có trong kế hoạch.', [
          { path: 'sectionIndex', message: 'Mục không tồn tại' },
        ]);
      }
      if (section) section.children.push(node);
      else document.sections.push(node);
      break;
    }
  }
  return next;
}
