import type { CriterionKind, Figures } from '#contracts/bloc-scoring.ts';
import { AppError } from '#server/platform/http/app-error.ts';

const missing = (path: string, message: string) =>
  new AppError('VALIDATION_FAILED', 'Số liệu chưa đủ để chấm tiêu chí này.', [
    { path: `figures.${path}`, message },
  ]);

/** Keeps only the figures the criterion's kind reads, and refuses when the one it needs is missing. */
export function figuresFor(kind: CriterionKind, figures: Figures | null): Figures {
  if (!figures) throw missing('actual', 'Vui lòng nhập số liệu');
  switch (kind) {
    case 'quantitative':
      if (figures.actual === undefined || figures.actual === null)
        throw missing('actual', 'Nhập kết quả thực hiện');
      return { actual: figures.actual };
    case 'qualitative':
      if (figures.met === undefined || figures.met === null) throw missing('met', 'Chọn đạt hoặc không đạt');
      return { met: figures.met };
    case 'fixed':
      if (figures.count === undefined || figures.count === null) throw missing('count', 'Nhập số lượng');
      return { count: figures.count };
    case 'bonus_penalty':
      return { bonusCount: figures.bonusCount ?? 0, penaltyCount: figures.penaltyCount ?? 0 };
    case 'group':
      throw new AppError('VALIDATION_FAILED', 'Nhóm tiêu chí không chấm trực tiếp; chấm các tiêu chí con.');
  }
}

/** True when two sets of figures say the same. */
export const sameFigures = (a: Figures | null, b: Figures | null) => {
  const text = (figures: Figures | null) =>
    JSON.stringify(Object.entries(figures ?? {}).sort(([x], [y]) => x.localeCompare(y)));
  return text(a) === text(b);
};
