import type { CriterionInput, TieBreakStep } from '#contracts/bloc-scoring.ts';
import type { FieldError } from '#contracts/common.ts';

/**
 * Checks a criteria list as entered: codes unique, each parent an earlier group of the list (so the
 * tree has no cycle), and every criterion the tie-break chain names present. Returns field errors.
 */
export function criteriaErrors(
  criteria: readonly CriterionInput[],
  tieBreak: readonly TieBreakStep[],
): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Map<string, CriterionInput>();
  criteria.forEach((criterion, index) => {
    if (seen.has(criterion.code))
      errors.push({ path: `criteria.${index}.code`, message: `Mã tiêu chí ${criterion.code} bị trùng` });
    if (criterion.parentCode !== null) {
      const parent = seen.get(criterion.parentCode);
      if (!parent)
        errors.push({
          path: `criteria.${index}.parentCode`,
          message: `Tiêu chí cha ${criterion.parentCode} phải đứng trước tiêu chí này`,
        });
      else if (parent.kind !== 'group')
        errors.push({
          path: `criteria.${index}.parentCode`,
          message: `Tiêu chí ${parent.code} không phải nhóm tiêu chí`,
        });
    }
    seen.set(criterion.code, criterion);
  });
  tieBreak.forEach((step, index) => {
    if (step.kind === 'criterion' && !seen.has(step.criterionCode))
      errors.push({
        path: `tieBreak.${index}.criterionCode`,
        message: `Không có tiêu chí mã ${step.criterionCode}`,
      });
  });
  return errors;
}

/** True when the list has at least one criterion a unit can score (a leaf). */
export const hasLeaf = (criteria: readonly { kind: string }[]) =>
  criteria.some((criterion) => criterion.kind !== 'group');
