import type { DiffItem, DiffSide, ItemListDiff, PlanDiff } from '#contracts/documents.ts';

const roundNames: Record<string, string> = {
  annual: 'hằng năm',
  midterm: 'sơ kết',
  final: 'tổng kết',
  adhoc: 'đột xuất',
};

function shorten(text: string, max = 160): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function item(entry: DiffItem): string {
  return `${entry.label ? `${entry.label} ` : ''}${shorten(entry.text)} (dòng ${entry.lines[0]})`;
}

function side(entry: DiffSide): string {
  const parts = [
    entry.number ? `số ${entry.number}` : 'không số',
    entry.issuer ?? entry.place ?? 'không rõ nơi ban hành',
  ];
  return parts.join(', ');
}

function listSection(title: string, diff: ItemListDiff): string[] {
  const lines: string[] = [];
  if (diff.added.length + diff.removed.length + diff.reworded.length === 0) {
    return [`${title}: giống nhau (${diff.unchanged} mục).`];
  }
  lines.push(
    `${title}: ${diff.unchanged} mục giữ nguyên, ${diff.added.length} thêm, ${diff.removed.length} bỏ, ${diff.reworded.length} sửa lời.`,
  );
  for (const entry of diff.added) lines.push(`  + Thêm: ${item(entry)}`);
  for (const entry of diff.removed) lines.push(`  - Bỏ: ${item(entry)}`);
  for (const entry of diff.reworded) {
    lines.push(`  ~ Sửa (giống ${Math.round(entry.similarity * 100)}%): ${item(entry.child)}`);
    lines.push(`      trước đây: ${item(entry.parent)}`);
  }
  return lines;
}

/** Writes a plan comparison as a readable Vietnamese summary, one fact per line. */
export function formatDiffVi(diff: PlanDiff): string {
  const lines: string[] = [
    `So sánh kế hoạch cấp trên (${side(diff.parent)}) với kế hoạch cấp dưới (${side(diff.child)}).`,
  ];
  if (diff.parent.level || diff.child.level) {
    lines.push(`Cấp ban hành: ${diff.parent.level ?? 'không rõ'} → ${diff.child.level ?? 'không rõ'}.`);
  }
  for (const pair of diff.localisedNames) {
    lines.push(`Địa danh được thay: ${pair.parent} → ${pair.child} (${pair.count} chỗ).`);
  }
  for (const heading of diff.sections.added) lines.push(`Phần mới ở cấp dưới: ${heading}.`);
  for (const heading of diff.sections.removed) lines.push(`Phần cấp dưới không có: ${heading}.`);
  lines.push(...listSection('Nội dung thi đua đối với tập thể', diff.contents.collective));
  lines.push(...listSection('Nội dung thi đua đối với cá nhân', diff.contents.individual));
  lines.push(...listSection('Tiêu chuẩn thi đua đối với tập thể', diff.criteria.collective));
  lines.push(...listSection('Tiêu chuẩn thi đua đối với cá nhân', diff.criteria.individual));
  for (const milestone of diff.milestones.added) lines.push(`Mốc tiến độ mới: ${shorten(milestone.text)}`);
  for (const milestone of diff.milestones.removed)
    lines.push(`Mốc tiến độ bị bỏ: ${shorten(milestone.text)}`);
  for (const change of diff.milestones.changed)
    lines.push(`Mốc tiến độ sửa lời: ${shorten(change.child.text)}`);
  for (const award of diff.awards.added) {
    lines.push(
      `Đợt khen thưởng mới: ${roundNames[award.round ?? ''] ?? 'không rõ'} ${award.forms.join(', ')}`.trim(),
    );
  }
  for (const award of diff.awards.removed) {
    lines.push(
      `Đợt khen thưởng bị bỏ: ${roundNames[award.round ?? ''] ?? 'không rõ'} (${award.forms.join(', ')})`,
    );
  }
  for (const change of diff.awards.changed) {
    const round = roundNames[change.round ?? ''] ?? 'không rõ';
    if (change.formsAdded.length > 0)
      lines.push(`Khen thưởng ${round}: thêm ${change.formsAdded.join(', ')}.`);
    if (change.formsRemoved.length > 0)
      lines.push(`Khen thưởng ${round}: bỏ ${change.formsRemoved.join(', ')}.`);
  }
  const funding = {
    absent: 'Cả hai kế hoạch không có phần kinh phí.',
    added: `Cấp dưới thêm phần kinh phí: ${shorten(diff.funding.child ?? '')}`,
    removed: 'Cấp dưới bỏ phần kinh phí.',
    same: 'Phần kinh phí giống nhau.',
    changed: `Phần kinh phí sửa lời: ${shorten(diff.funding.child ?? '')}`,
  }[diff.funding.status];
  lines.push(funding);
  return lines.join('\n');
}
