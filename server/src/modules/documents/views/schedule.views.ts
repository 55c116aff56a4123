import type {
  Assignment,
  AwardPlan,
  AwardRound,
  DocNode,
  Milestone,
  MilestoneKind,
} from '#contracts/documents.ts';
import { findDates } from '../parse/dates.ts';
import { foldText } from '../parse/lines.ts';
import { findHeading, headingKey, subtreeText, walkNodes } from './views.ts';

const roundKeywords: [RegExp, AwardRound][] = [
  [/so ket/, 'midterm'],
  [/tong ket/, 'final'],
  [/dot xuat/, 'adhoc'],
  [/hang nam|thuong xuyen|moi nam/, 'annual'],
];

/** The round named first in a text (a text may mention several). */
function readRound(key: string): AwardRound | null {
  let best: { at: number; round: AwardRound } | null = null;
  for (const [pattern, round] of roundKeywords) {
    const match = pattern.exec(key);
    if (match && (!best || match.index < best.at)) best = { at: match.index, round };
  }
  return best?.round ?? null;
}

function readYear(text: string): number | null {
  const match = /(?<!\d)(19[5-9]\d|20\d\d)(?!\d)/.exec(text);
  return match ? Number(match[1]) : null;
}

const formPatterns: [RegExp, string][] = [
  [/huan chuong lao dong hang (nhat|nhi|ba)/g, 'Huân chương Lao động hạng $1'],
  [/co thi dua/g, 'Cờ thi đua'],
  [/chien si thi dua/g, 'Chiến sĩ thi đua'],
  [/giay khen/g, 'Giấy khen'],
  [/danh hieu lao dong tien tien|lao dong tien tien/g, 'Lao động tiên tiến'],
  [/tap the lao dong xuat sac/g, 'Tập thể lao động xuất sắc'],
];
const rankNames: Record<string, string> = { nhat: 'Nhất', nhi: 'Nhì', ba: 'Ba' };

const grantors: [RegExp, string][] = [
  [/thu tuong/g, 'Bằng khen của Thủ tướng Chính phủ'],
  [/(chu tich )?(ubnd|uy ban nhan dan) tinh|chu tich tinh/g, 'Bằng khen của Chủ tịch UBND tỉnh'],
  [/(chu tich )?(ubnd|uy ban nhan dan) huyen/g, 'Bằng khen của Chủ tịch UBND huyện'],
  [/bo truong/g, 'Bằng khen cấp bộ'],
];

/** Names a Bằng khen by its grantor: "… của X" right after it, else the nearest grantor written before it. */
function nameCommendation(key: string, index: number): string {
  const after = key.slice(index + 'bang khen'.length, index + 60);
  for (const [pattern, name] of grantors) {
    const match = new RegExp(`^\\s*(cua )?(${pattern.source})`).exec(after);
    if (match) return name;
  }
  const before = key.slice(Math.max(0, index - 80), index);
  let best: { at: number; name: string } | null = null;
  for (const [pattern, name] of grantors) {
    for (const match of before.matchAll(pattern)) {
      if (!best || match.index > best.at) best = { at: match.index, name };
    }
  }
  return best?.name ?? 'Bằng khen';
}

/** Lists the commendation forms a text mentions, naming who grants each Bằng khen. */
export function findAwardForms(text: string): string[] {
  const key = foldText(text);
  const forms = new Set<string>();
  for (const [pattern, name] of formPatterns) {
    for (const match of key.matchAll(pattern)) forms.add(name.replace('$1', rankNames[match[1] ?? ''] ?? ''));
  }
  for (const match of key.matchAll(/bang khen/g)) forms.add(nameCommendation(key, match.index));
  return [...forms];
}

/** Commendation rounds of the "Hình thức khen thưởng" heading: the most specific items naming a round. */
export function readAwards(sections: DocNode[]): AwardPlan[] {
  const heading =
    findHeading(sections, /hinh thuc khen thuong|^khen thuong$/, /tieu chuan/) ??
    findHeading(sections, /hinh thuc khen thuong/);
  if (!heading) return [];
  const plans: AwardPlan[] = [];
  const visit = (node: DocNode): void => {
    const round = readRound(headingKey(node));
    const deeper = [...walkNodes(node.children)].map((child) => readRound(headingKey(child)));
    if (round && deeper.every((other) => other === null || other === round)) {
      const text = subtreeText(node);
      plans.push({ round, year: readYear(node.text) ?? readYear(text), forms: findAwardForms(text) });
      return;
    }
    for (const child of node.children) visit(child);
  };
  for (const child of heading.children) visit(child);
  if (plans.length === 0) {
    const forms = findAwardForms(subtreeText(heading));
    if (forms.length > 0) plans.push({ round: null, year: null, forms });
  }
  return plans;
}

function readMilestoneKind(key: string): MilestoneKind {
  if (/so ket/.test(key)) return 'midterm_review';
  if (/tong ket/.test(key)) return 'final_review';
  if (/hang nam|hang nam|moi nam/.test(key)) return 'annual';
  if (/phat dong|ban hanh ke hoach|trien khai/.test(key)) return 'launch';
  if (/truoc ngay|han chot|thoi han/.test(key)) return 'deadline';
  return 'other';
}

/** Milestones of the schedule heading (tiến độ, thời gian thực hiện), one per item naming a year or step. */
export function readMilestones(sections: DocNode[]): Milestone[] {
  const heading = findHeading(sections, /tien do|thoi gian thuc hien|lo trinh/);
  if (!heading) return [];
  const milestones: Milestone[] = [];
  for (const node of walkNodes(heading.children)) {
    const key = foldText(node.text);
    if (/tu nam \d{4} den nam \d{4}/.test(key) && key.length < 120) continue;
    const kind = readMilestoneKind(key);
    const year = readYear(node.text.split(':')[0] ?? '') ?? readYear(node.text);
    if (kind === 'other' && year === null) continue;
    milestones.push({ kind, year, date: findDates(node.text)[0]?.iso ?? null, text: node.text });
  }
  return milestones;
}

const assigneeEnd =
  /\s(căn cứ|là cơ quan|chủ trì|có trách nhiệm|xây dựng|phối hợp|chỉ đạo|tổ chức|thực hiện|theo dõi|lựa chọn|phản ánh|hướng dẫn)(?=[\s,.;:]|$)|:/u;

/** The deadline of a task: an ISO date, or the words as written when it recurs ("15/12 hằng năm"). */
function readDeadline(text: string): string | null {
  const key = foldText(text);
  const match = /(truoc ngay|cham nhat (la )?ngay|han chot)\s*([\d/.]+(?:\s*hang nam)?)/.exec(key);
  if (!match) return null;
  const words = (match[3] ?? '').trim();
  const at = match.index + match[0].length - (match[3] ?? '').length;
  const written = key.length === text.length ? text.slice(at, at + words.length) : words;
  return findDates(match[0])[0]?.iso ?? written;
}

/** Assignments of the implementation heading (tổ chức thực hiện): who, what, and by when. */
export function readAssignments(sections: DocNode[]): Assignment[] {
  const heading = findHeading(sections, /^to chuc thuc hien$|^trach nhiem thuc hien|^phan cong/);
  if (!heading) return [];
  return heading.children
    .filter((node) => node.label !== null)
    .map((node) => {
      const tasks = node.children.map(subtreeText);
      const cut = assigneeEnd.exec(node.text);
      const assignee = (cut && cut.index > 5 ? node.text.slice(0, cut.index) : node.text)
        .replace(/^(Giao|Trách nhiệm của|Đề nghị)\s+/i, '')
        .replace(/[:.]$/, '')
        .trim();
      const allTasks = tasks.length > 0 ? tasks : [node.text];
      return { assignee, tasks: allTasks, deadline: readDeadline(allTasks.join(' ')) };
    });
}
