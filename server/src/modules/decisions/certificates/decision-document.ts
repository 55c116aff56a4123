import { type AwardCode, awardName } from '#contracts/awards.ts';
import type { DocNode, ParsedDocument } from '#contracts/documents.ts';
import { formatVnd } from '#server/modules/awards/index.ts';
import { type DocumentTable, formatVietnameseDate } from '#server/modules/documents/index.ts';
import type { DecisionRow, DecisionUnit, RecipientLine } from '../decisions/decisions.repo.ts';
import { registerSymbol } from '../register/decision-register.ts';

const node = (label: string | null, text: string, children: DocNode[] = []): DocNode => ({
  label,
  text,
  lines: [0, 0],
  children,
});

/** The number line: a draft keeps the number blank ("      /QĐ-UBND") for the clerk to fill in. */
export function numberLine(decision: DecisionRow, unit: DecisionUnit): string {
  return decision.number ?? `      /QĐ-${registerSymbol(unit)}`;
}

/** The names a province's decision gives the forms of the catalogue's "bộ, ban, ngành, tỉnh" level. */
const PROVINCE_NAMES: Partial<Record<AwardCode, string>> = {
  BK_BO_TINH: 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh',
  CSTD_BO_TINH: 'Chiến sĩ thi đua cấp tỉnh',
  CO_BO_TINH: 'Cờ thi đua của Ủy ban nhân dân tỉnh',
};

/** An award as the issuing unit's decision names it: the province's own name, else the catalogue's. */
export function decisionAwardName(code: AwardCode, unit: Pick<DecisionUnit, 'kind'>): string {
  return (unit.kind === 'province' ? PROVINCE_NAMES[code] : undefined) ?? awardName(code);
}

/** "02 cá nhân, 01 tập thể và 01 hộ gia đình". */
function countText(lines: RecipientLine[]): string {
  const people = lines.filter((line) => line.personId).length;
  const households = lines.filter((line) => line.householdName).length;
  const collectives = lines.length - people - households;
  const two = (count: number) => String(count).padStart(2, '0');
  const parts = [
    people ? `${two(people)} cá nhân` : null,
    collectives ? `${two(collectives)} tập thể` : null,
    households ? `${two(households)} hộ gia đình` : null,
  ].filter((part): part is string => part !== null);
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} và ${parts.at(-1)}` : (parts[0] ?? '');
}

/** The articles of a commendation decision: whom it rewards, the cash, who carries it out. */
function articles(lines: RecipientLine[], unit: DecisionUnit): DocNode[] {
  const codes = [...new Set(lines.map((line) => line.awardCode as AwardCode))];
  const awardName = (code: AwardCode) => decisionAwardName(code, unit);
  const awards = codes.map(awardName).join(', ');
  const cash = codes.flatMap((code) => {
    const amounts = [
      ...new Set(
        lines
          .filter((line) => line.awardCode === code && line.cashAmount !== null)
          .map((line) => line.cashAmount as number),
      ),
    ];
    return amounts.length
      ? [`${awardName(code)}: ${amounts.map(formatVnd).join('; ')} mỗi cá nhân, tập thể theo mức được hưởng`]
      : [];
  });
  const total = lines.reduce((sum, line) => sum + (line.cashAmount ?? 0), 0);
  return [
    node(
      'Điều 1.',
      `Tặng ${awards} cho ${countText(lines)} (có danh sách kèm theo), đã có thành tích trong công tác, góp phần vào sự nghiệp xây dựng và phát triển kinh tế - xã hội.`,
    ),
    node(
      'Điều 2.',
      cash.length
        ? `Tiền thưởng kèm theo được chi từ Quỹ thi đua, khen thưởng theo quy định: ${cash.join('; ')}. Tổng số tiền: ${formatVnd(total)}.`
        : 'Tiền thưởng kèm theo được chi từ Quỹ thi đua, khen thưởng theo quy định.',
    ),
    node(
      'Điều 3.',
      `Quyết định này có hiệu lực kể từ ngày ký. Thủ trưởng các cơ quan, đơn vị có liên quan và các cá nhân, tập thể có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.`,
    ),
  ];
}

/** The decision as a document of the engine (NĐ 30/2020 layout). */
export function composeDecision(
  decision: DecisionRow,
  unit: DecisionUnit,
  lines: RecipientLine[],
): ParsedDocument {
  const titleLines = decision.signerTitle
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const sections = articles(lines, unit);
  return {
    kind: 'QUYẾT ĐỊNH',
    type: 'decision',
    issuer: { parent: null, name: unit.name.toUpperCase() },
    number: numberLine(decision, unit),
    place: decision.place,
    date: decision.decisionDate,
    title: decision.title,
    authority: decision.authority,
    incoming: null,
    addressees: [],
    legalBasis: decision.legalBasis.map((text) => ({ text, refs: [] })),
    preamble: [],
    enacting: 'QUYẾT ĐỊNH:',
    movement: { name: null, periodFrom: null, periodTo: null, periodSource: null },
    sections,
    articles: sections,
    contents: { collective: [], individual: [] },
    criteria: { collective: [], individual: [] },
    awards: [],
    milestones: [],
    assignments: [],
    funding: null,
    signature: {
      authority: titleLines.slice(0, -1),
      title: titleLines[titleLines.length - 1] ?? null,
      name: decision.signerName,
    },
    recipients: [
      { text: 'Như Điều 3', subEntries: [] },
      { text: 'Lưu: VT', subEntries: [] },
    ],
    attachments: [],
    truncated: false,
    unclassified: [],
  };
}

/** The attached list (danh sách kèm theo): one row per recipient with award, year and cash. */
export function recipientsTable(
  decision: DecisionRow,
  unit: DecisionUnit,
  lines: RecipientLine[],
): DocumentTable {
  const date = formatVietnameseDate(decision.decisionDate);
  const households = lines.some((line) => line.householdName);
  return {
    title: households
      ? 'DANH SÁCH CÁ NHÂN, TẬP THỂ, HỘ GIA ĐÌNH ĐƯỢC KHEN THƯỞNG'
      : 'DANH SÁCH CÁ NHÂN, TẬP THỂ ĐƯỢC KHEN THƯỞNG',
    note: `(Kèm theo Quyết định số ${numberLine(decision, unit)} ${date} của ${decision.decider})`,
    columns: [
      { title: 'STT', width: 6, align: 'center' },
      { title: households ? 'Họ và tên / Tên tập thể, hộ gia đình' : 'Họ và tên / Tên tập thể', width: 26 },
      { title: 'Chức vụ, đơn vị', width: 28 },
      { title: 'Danh hiệu, hình thức', width: 20 },
      { title: 'Năm', width: 8, align: 'center' },
      { title: 'Tiền thưởng (đồng)', width: 14, align: 'right' },
    ],
    rows: lines.map((line, index) => [
      String(index + 1),
      line.name,
      [line.jobTitle, line.context].filter(Boolean).join(', '),
      decisionAwardName(line.awardCode as AwardCode, unit),
      String(line.year),
      line.cashAmount === null ? '' : formatVnd(line.cashAmount).replace(' đ', ''),
    ]),
  };
}
