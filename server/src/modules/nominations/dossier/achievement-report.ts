import type { PersonAwardRecords, UnitAwardRecords } from '#contracts/award-records.ts';
import { initiativeScopeLabels, ratingLabels, rewardTypeLabels } from '#contracts/awards.ts';
import type { DocNode, ParsedDocument } from '#contracts/documents.ts';
import { type Gender, genderLabels } from '#contracts/organisation.ts';
import type { DocumentTable } from '#server/modules/documents/index.ts';

const node = (label: string | null, text: string, children: DocNode[] = []): DocNode => ({
  label,
  text,
  lines: [0, 0],
  children,
});
const dmy = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : '');
const BLANK = '……………………………………………………………………';

/** Who the report is about and what is proposed (read from the nominee and its tờ trình). */
export interface ReportSubject {
  kind: 'individual' | 'collective' | 'household';
  name: string;
  awardName: string;
  rewardType: keyof typeof rewardTypeLabels;
  periodFrom: number;
  periodTo: number;
  achievements: string;
  unitName: string;
  person?: { gender: string; birthDate: string | null; position: string | null } | undefined;
  today: string;
}

/** The records the report lists: ratings, titles and awards received, initiatives. */
export type ReportRecords = Partial<Pick<PersonAwardRecords, 'ratings' | 'received' | 'initiatives'>> &
  Partial<Pick<UnitAwardRecords, 'ratings' | 'received'>>;

const inPeriod = (year: number, subject: ReportSubject) =>
  year >= subject.periodFrom && year <= subject.periodTo;

function profile(subject: ReportSubject): DocNode {
  if (subject.kind === 'individual')
    return node('I.', 'SƠ LƯỢC LÝ LỊCH', [
      node('-', `Họ và tên: ${subject.name}`),
      node('-', `Giới tính: ${genderLabels[subject.person?.gender as Gender] ?? BLANK}`),
      node('-', `Ngày, tháng, năm sinh: ${dmy(subject.person?.birthDate ?? null) || BLANK}`),
      node('-', `Chức vụ (Đảng, chính quyền, đoàn thể): ${subject.person?.position || BLANK}`),
      node('-', `Cơ quan, đơn vị công tác: ${subject.unitName}`),
      node('-', `Trình độ chuyên môn, nghiệp vụ: ${BLANK}`),
    ]);
  if (subject.kind === 'collective')
    return node('I.', 'SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH', [
      node(
        '1.',
        `Đặc điểm, tình hình: ${subject.name} (trụ sở, quá trình thành lập, tổ chức bộ máy, số lượng cán bộ). ${BLANK}`,
      ),
      node('2.', `Chức năng, nhiệm vụ được giao: ${BLANK}`),
    ]);
  return node('I.', 'SƠ LƯỢC VỀ HỘ GIA ĐÌNH', [
    node('-', `Chủ hộ: ${subject.name}`),
    node('-', `Nơi cư trú: ${subject.unitName}`),
  ]);
}

function achievements(subject: ReportSubject, records: ReportRecords): DocNode {
  const ratings = (records.ratings ?? []).filter((rating) => inPeriod(rating.year, subject));
  const initiatives = (records.initiatives ?? []).filter((item) => inPeriod(item.year, subject));
  const summary = subject.achievements.trim()
    ? subject.achievements
        .split('\n')
        .filter((line) => line.trim())
        .map((line) => node('-', line.trim()))
    : [node('-', BLANK)];
  const parts: DocNode[] = [
    node(
      '1.',
      subject.kind === 'individual'
        ? 'Quyền hạn, nhiệm vụ được giao:'
        : 'Kết quả thực hiện nhiệm vụ được giao:',
      [node('-', BLANK)],
    ),
    node(
      '2.',
      `Thành tích đạt được (${subject.periodFrom === subject.periodTo ? `năm ${subject.periodFrom}` : `từ năm ${subject.periodFrom} đến năm ${subject.periodTo}`}):`,
      summary,
    ),
    node(
      '3.',
      'Kết quả đánh giá, xếp loại chất lượng:',
      ratings.length
        ? ratings
            .slice()
            .sort((a, b) => a.year - b.year)
            .map((rating) => node('-', `Năm ${rating.year}: ${ratingLabels[rating.rating]}`))
        : [node('-', 'Chưa có kết quả xếp loại trong hệ thống cho giai đoạn này.')],
    ),
  ];
  if (subject.kind === 'individual')
    parts.push(
      node(
        '4.',
        'Sáng kiến, đề tài khoa học, giải pháp được công nhận:',
        initiatives.length
          ? initiatives.map((item) =>
              node(
                '-',
                `${item.name} (năm ${item.year}, phạm vi ${initiativeScopeLabels[item.scope].toLowerCase()}${item.decisionNumber ? `, Quyết định số ${item.decisionNumber}${item.decisionDate ? ` ngày ${dmy(item.decisionDate)}` : ''}` : ''})`,
              ),
            )
          : [node('-', 'Chưa có sáng kiến được ghi nhận trong hệ thống cho giai đoạn này.')],
      ),
    );
  return node('II.', 'THÀNH TÍCH ĐẠT ĐƯỢC', parts);
}

/** The record of titles and forms already received, as the table attached to the report. */
export function receivedTable(records: ReportRecords): DocumentTable {
  return {
    title: 'CÁC DANH HIỆU THI ĐUA, HÌNH THỨC KHEN THƯỞNG ĐÃ ĐƯỢC GHI NHẬN',
    columns: [
      { title: 'STT', width: 6, align: 'center' },
      { title: 'Năm', width: 8, align: 'center' },
      { title: 'Danh hiệu thi đua, hình thức khen thưởng', width: 40 },
      { title: 'Số, ngày quyết định', width: 22 },
      { title: 'Cơ quan ban hành', width: 24 },
    ],
    rows: (records.received ?? [])
      .slice()
      .sort((a, b) => a.year - b.year)
      .map((item, index) => [
        String(index + 1),
        String(item.year),
        item.awardName,
        [item.decisionNumber, dmy(item.decisionDate)].filter(Boolean).join(' ngày '),
        item.decider ?? '',
      ]),
  };
}

/** The báo cáo thành tích draft (awards-research §b.2) as a document of the engine. */
export function composeAchievementReport(subject: ReportSubject, records: ReportRecords): ParsedDocument {
  const sections = [
    profile(subject),
    achievements(subject, records),
    node('III.', 'CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG', [
      node(
        '-',
        (records.received ?? []).length
          ? `Có ${(records.received ?? []).length} danh hiệu, hình thức khen thưởng đã được ghi nhận (bảng kèm theo).`
          : 'Chưa có danh hiệu, hình thức khen thưởng được ghi nhận trong hệ thống.',
      ),
    ]),
    ...(subject.kind === 'individual' ? [node(null, `Xác nhận của thủ trưởng đơn vị: ${BLANK}`)] : []),
  ];
  const signer = subject.kind === 'individual' ? 'NGƯỜI BÁO CÁO THÀNH TÍCH' : 'THỦ TRƯỞNG ĐƠN VỊ';
  return {
    kind: 'BÁO CÁO',
    type: 'report',
    issuer: { parent: null, name: subject.unitName.toUpperCase() },
    number: null,
    place: null,
    date: subject.today,
    title: `THÀNH TÍCH ĐỀ NGHỊ TẶNG ${subject.awardName.toUpperCase()}`,
    authority: null,
    incoming: null,
    addressees: [],
    legalBasis: [],
    preamble: [{ text: `Loại hình khen thưởng: ${rewardTypeLabels[subject.rewardType]}.`, lines: [0, 0] }],
    enacting: null,
    movement: { name: null, periodFrom: null, periodTo: null, periodSource: null },
    sections,
    articles: [],
    contents: { collective: [], individual: [] },
    criteria: { collective: [], individual: [] },
    awards: [],
    milestones: [],
    assignments: [],
    funding: null,
    signature: {
      authority: [],
      title: signer,
      name: subject.kind === 'individual' ? subject.name : null,
    },
    recipients: [],
    attachments: [],
    truncated: false,
    unclassified: [],
  };
}
