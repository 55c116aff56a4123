import {
  awardSubjectLabels,
  confidenceLabels,
  type EligibilityCheck,
  type EligibilityResult,
  verdictLabels,
} from '#contracts/awards.ts';
import { formatDate, formatVnd } from './cash.ts';

const mark = (met: boolean | null) => (met === true ? '✓' : met === false ? '✗' : '?');

/** The checks grouped by route, in the order they were evaluated. */
function groupByRoute(checks: EligibilityCheck[]): [string, EligibilityCheck[]][] {
  const groups = new Map<string, EligibilityCheck[]>();
  for (const check of checks) {
    const route = check.route ?? '';
    groups.set(route, [...(groups.get(route) ?? []), check]);
  }
  return [...groups];
}

/** A readable Vietnamese explanation of a result, for the terminal. */
export function explainResult(result: EligibilityResult): string {
  const lines = [
    `${result.awardName} — ${awardSubjectLabels[result.subject].toLowerCase()}, thành tích năm ${result.forYear}, quyết định ngày ${formatDate(result.date)}`,
    `Bộ quy tắc: ${result.ruleSetName} (${result.ruleSet})`,
    `Kết luận: ${verdictLabels[result.verdict].toUpperCase()}`,
    '',
    'Các điều kiện:',
  ];
  for (const [route, checks] of groupByRoute(result.checks)) {
    const indent = route ? '    ' : '  ';
    if (route) lines.push(`  ${route}`);
    for (const check of checks) {
      lines.push(`${indent}${mark(check.met)} ${check.message}`);
      lines.push(`${indent}  Căn cứ: ${check.article} [${check.confidence}]`);
    }
  }
  if (result.warnings.length) {
    lines.push('', 'Cảnh báo:');
    for (const warning of result.warnings) lines.push(`  ! ${warning}`);
  }
  if (result.notes.length) {
    lines.push('', 'Hội đồng xem xét thêm:');
    for (const note of result.notes) lines.push(`  • ${note.message} (${note.article}) [${note.confidence}]`);
  }
  if (result.authority) {
    const { competent, message, article, confidence } = result.authority;
    lines.push('', `Thẩm quyền: ${mark(competent)} ${message}`, `  Căn cứ: ${article} [${confidence}]`);
  }
  const { cash } = result;
  lines.push(
    '',
    `Tiền thưởng: ${cash.amount === null ? 'chưa xác định' : formatVnd(cash.amount)}`,
    `  ${cash.message}`,
    `  Căn cứ: ${cash.article} [${cash.confidence}]`,
    '',
    `Mức tin cậy: C = ${confidenceLabels.C.toLowerCase()}; S = ${confidenceLabels.S.toLowerCase()}; U = ${confidenceLabels.U.toLowerCase()}.`,
  );
  return lines.join('\n');
}
