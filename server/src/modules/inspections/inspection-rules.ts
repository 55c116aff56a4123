import { randomUUID } from 'node:crypto';
import type { FieldError } from '#contracts/common.ts';
import type {
  InspectionItem,
  InspectionItemInput,
  InspectionStatus,
  Rating,
  RemedyStatus,
} from '#contracts/inspections.ts';

/** A remedy is overdue when its deadline has passed (before today) and the unit has not reported it fixed. */
export function isRemedyOverdue(
  remedy: { status: RemedyStatus | string; dueOn: string },
  today: string,
): boolean {
  return remedy.status !== 'done' && remedy.dueOn < today;
}

/**
 * Why a finding's assessment does not fit its content item, as field errors (empty when it fits):
 * a scored item needs a score from 0 to its maximum, a rated item a rating, any other item neither.
 */
export function assessmentErrors(
  item: Pick<InspectionItem, 'assessment' | 'maxScore'>,
  finding: { score: number | null; rating: Rating | null },
): FieldError[] {
  const errors: FieldError[] = [];
  if (item.assessment === 'score') {
    if (finding.score === null) errors.push({ path: 'score', message: 'Nội dung này cần chấm điểm' });
    else if (item.maxScore !== null && finding.score > item.maxScore)
      errors.push({ path: 'score', message: `Điểm không được vượt quá ${item.maxScore}` });
  } else if (finding.score !== null) {
    errors.push({ path: 'score', message: 'Nội dung này không chấm điểm' });
  }
  if (item.assessment === 'rating') {
    if (finding.rating === null) errors.push({ path: 'rating', message: 'Nội dung này cần xếp loại' });
  } else if (finding.rating !== null) {
    errors.push({ path: 'rating', message: 'Nội dung này không xếp loại' });
  }
  return errors;
}

/** The state a plan moves to by an action, or null when the move is not allowed from its state. */
export function nextStatus(status: InspectionStatus, move: 'approve' | 'complete'): InspectionStatus | null {
  if (move === 'approve') return status === 'draft' ? 'approved' : null;
  return status === 'approved' ? 'done' : null;
}

/** Content items as stored: new items get an id, kept ids stay (findings point at them); ids are unique. */
export function normaliseItems(items: readonly InspectionItemInput[]): InspectionItem[] {
  const seen = new Set<string>();
  return items.map((item) => {
    let id = item.id ?? randomUUID().slice(0, 8);
    while (seen.has(id)) id = randomUUID().slice(0, 8);
    seen.add(id);
    return { id, text: item.text, assessment: item.assessment, maxScore: item.maxScore };
  });
}

/** Sum of the scores and of the maxima of scored items, for the notice ("đạt x/y điểm"). */
export function scoreTotals(
  items: readonly InspectionItem[],
  findings: readonly { itemId: string; score: number | null }[],
): { score: number; max: number } | null {
  const scored = items.filter((item) => item.assessment === 'score');
  if (!scored.length) return null;
  const scoreOf = new Map(findings.map((finding) => [finding.itemId, finding.score ?? 0]));
  return {
    score: scored.reduce((sum, item) => sum + (scoreOf.get(item.id) ?? 0), 0),
    max: scored.reduce((sum, item) => sum + (item.maxScore ?? 0), 0),
  };
}
