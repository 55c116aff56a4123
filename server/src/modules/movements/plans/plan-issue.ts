import type { DocNode } from '#contracts/documents.ts';
import type { EditPlanDocumentBody, PlanContent } from '#contracts/movements.ts';
import { AppError } from '#server/platform/http/app-error.ts';

/** A header or signature field the officer corrected, with what it held and what it holds now. */
export interface DocumentChange {
  field: string;
  before: unknown;
  after: unknown;
}

const blankToNull = (text: string | null | undefined) => {
  const trimmed = text?.trim();
  return trimmed ? trimmed : null;
};

/** The node at `path` (indexes from the top level down), or null. */
function nodeAt(sections: DocNode[], path: number[]): DocNode | null {
  let level = sections;
  let node: DocNode | null = null;
  for (const index of path) {
    node = level[index] ?? null;
    if (!node) return null;
    level = node.children;
  }
  return node;
}

/**
 * The plan with the officer's corrections to its document: number, date, place, signature (authority
 * lines, signer's position and name) and section texts. A section path that does not exist is a 400
 * naming it; the criteria and the other structured parts stay as they are.
 */
export function applyDocumentEdit(
  plan: PlanContent,
  edit: Omit<EditPlanDocumentBody, 'version'>,
): { plan: PlanContent; changes: DocumentChange[] } {
  const next = structuredClone(plan);
  const document = next.document;
  const changes: DocumentChange[] = [];
  const set = (field: string, before: unknown, after: unknown, apply: () => void) => {
    if (JSON.stringify(before) === JSON.stringify(after)) return;
    apply();
    changes.push({ field, before, after });
  };
  if (edit.number !== undefined) {
    const value = blankToNull(edit.number);
    set('number', document.number, value, () => {
      document.number = value;
    });
  }
  if (edit.date !== undefined)
    set('date', document.date, edit.date, () => (document.date = edit.date ?? null));
  if (edit.place !== undefined) {
    const value = blankToNull(edit.place);
    set('place', document.place, value, () => {
      document.place = value;
    });
  }
  if (edit.authority !== undefined) {
    const lines = edit.authority.map((line) => line.trim()).filter(Boolean);
    set('authority', document.signature.authority, lines, () => {
      document.signature.authority = lines;
    });
  }
  if (edit.signerTitle !== undefined) {
    const value = blankToNull(edit.signerTitle);
    set('signerTitle', document.signature.title, value, () => {
      document.signature.title = value;
    });
  }
  if (edit.signerName !== undefined) {
    const value = blankToNull(edit.signerName);
    set('signerName', document.signature.name, value, () => {
      document.signature.name = value;
    });
  }
  for (const section of edit.sections ?? []) {
    const node = nodeAt(document.sections, section.path);
    if (!node) {
      throw new AppError(
        'VALIDATION_FAILED',
        'Không tìm thấy mục cần sửa trong kế hoạch. Vui lòng tải lại.',
        [{ path: `sections.${section.path.join('.')}`, message: 'Mục không còn trong kế hoạch' }],
      );
    }
    const text = section.text.trim();
    set(`sections.${section.path.join('.')}`, node.text, text, () => {
      node.text = text;
    });
  }
  return { plan: next, changes };
}

/**
 * What a plan lacks to be issued at launch — a movement's own plan or an implementing one (NĐ 30/2020:
 * a document carries its number, date and signer), by Vietnamese name; empty when it may be issued.
 */
export function missingForIssue(plan: PlanContent): string[] {
  const { document } = plan;
  const missing: string[] = [];
  if (!document.number?.trim()) missing.push('số, ký hiệu');
  if (!document.date) missing.push('ngày ban hành');
  if (!document.signature.name?.trim()) missing.push('người ký');
  return missing;
}

/** 400 naming what a plan still lacks, before anything is stored. */
export function assertIssuable(plan: PlanContent): void {
  const missing = missingForIssue(plan);
  if (missing.length === 0) return;
  const fields = [
    ...(missing.includes('số, ký hiệu') ? [{ path: 'number', message: 'Chưa có số, ký hiệu' }] : []),
    ...(missing.includes('ngày ban hành') ? [{ path: 'date', message: 'Chưa có ngày ban hành' }] : []),
    ...(missing.includes('người ký') ? [{ path: 'signerName', message: 'Chưa có người ký' }] : []),
  ];
  throw new AppError(
    'VALIDATION_FAILED',
    `Chưa ban hành được: kế hoạch còn thiếu ${missing.join(', ')}. Vui lòng bổ sung ở mục “Thông tin văn bản” rồi ban hành lại.`,
    fields,
  );
}
