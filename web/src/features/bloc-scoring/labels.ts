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

/**
 * The words every name starts with ("Ủy ban nhân dân "), left out of a chart's labels so the names fit;
 * each name keeps at least its last two words.
 */
export function commonWordPrefix(names: readonly string[]): string {
  if (names.length < 2) return '';
  const words = names.map((name) => name.split(' '));
  const first = words[0] ?? [];
  const limit = Math.min(...words.map((list) => list.length)) - 2;
  let count = 0;
  while (count < limit && words.every((list) => list[count] === first[count])) count++;
  return count ? `${first.slice(0, count).join(' ')} ` : '';
}
