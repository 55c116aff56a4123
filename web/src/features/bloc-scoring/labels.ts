import type { TieBreakStep } from '../../../../contracts/bloc-scoring.ts';

/** One step of the tie-break chain in words. */
export function tieBreakLabel(step: TieBreakStep): string {
  if (step.kind === 'criterion') return `Điểm tiêu chí ${step.criterionCode}`;
  if (step.kind === 'women_share') return 'Tập thể có từ 70% nữ trở lên (NĐ 152, Điều 4)';
  return 'Biểu quyết của hội nghị khối, cụm';
}

/** Points as printed on the sheets: up to two decimals, comma as decimal mark. */
export function formatPoints(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(value);
}
