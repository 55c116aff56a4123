import type { DocNode, ParsedDocument } from '#contracts/documents.ts';
import {
  NOTICE_SYMBOL,
  type Rating,
  type RemedyStatus,
  ratingLabels,
  remedyStatusLabels,
} from '#contracts/inspections.ts';
import { type DocumentTable, renderDocx } from '#server/modules/documents/index.ts';
import type { Executor } from '#server/platform/db/client.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { scoreTotals } from '../inspection-rules.ts';
import type { TargetRow } from '../inspections.repo.ts';
import { readTeam } from '../plans/plans.service.ts';
import { readTargetDetail } from '../targets/target.service.ts';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const node = (label: string | null, text: string, children: DocNode[] = []): DocNode => ({
  label,
  text,
  lines: [0, 0],
  children,
});
const dmy = (date: string) => date.split('-').reverse().join('/');
const paragraphs = (text: string, fallback: string) =>
  (text.trim() ? text.trim().split(/\n+/) : [fallback]).map((line) => node('-', line.trim()));

type Detail = Awaited<ReturnType<typeof readTargetDetail>>;
type Team = Awaited<ReturnType<typeof readTeam>>;

/** The table of findings: one row per content item with its result and score or rating. */
export function findingsTable(row: TargetRow, detail: Detail): DocumentTable {
  const byItem = new Map(detail.findings.map((finding) => [finding.itemId, finding]));
  return {
    title: 'KẾT QUẢ KIỂM TRA THEO NỘI DUNG',
    note: `(Kèm theo Thông báo kết luận kiểm tra tại ${row.unitName})`,
    columns: [
      { title: 'STT', width: 6, align: 'center' },
      { title: 'Nội dung kiểm tra', width: 34 },
      { title: 'Kết quả kiểm tra', width: 44 },
      { title: 'Điểm / Xếp loại', width: 16, align: 'center' },
    ],
    rows: row.planRow.plan.items.map((item, index) => {
      const finding = byItem.get(item.id);
      const assessed =
        item.assessment === 'score'
          ? `${finding?.score ?? '—'}/${item.maxScore}`
          : item.assessment === 'rating'
            ? finding?.rating
              ? ratingLabels[finding.rating as Rating]
              : '—'
            : '';
      return [String(index + 1), item.text, finding?.text ?? 'Chưa ghi kết quả', assessed];
    }),
  };
}

/** The conclusion notice (thông báo kết luận kiểm tra) of one target as a document of the engine. */
export function composeNotice(row: TargetRow, detail: Detail, team: Team): ParsedDocument {
  const { plan } = row.planRow;
  const lead = team.find((member) => member.role === 'lead');
  const totals = scoreTotals(plan.items, detail.findings);
  const sections = [
    node(
      'I.',
      `Thực hiện Kế hoạch kiểm tra công tác thi đua, khen thưởng năm ${plan.year} (${plan.title}), ngày ${dmy(row.target.inspectOn)} Đoàn kiểm tra${lead ? ` do ông (bà) ${lead.name} làm Trưởng đoàn` : ''} đã kiểm tra tại ${row.unitName}.`,
      team.length ? [node(null, `Thành phần Đoàn: ${team.map((member) => member.name).join(', ')}.`)] : [],
    ),
    node(
      'II.',
      `Kết quả kiểm tra${totals ? `: đạt ${totals.score.toLocaleString('vi-VN')}/${totals.max} điểm` : ''} (chi tiết tại bảng kèm theo).`,
      paragraphs(row.target.conclusion, 'Đơn vị đã triển khai các nội dung theo kế hoạch.'),
    ),
    node('III.', 'Kiến nghị:', paragraphs(row.target.recommendations, 'Không có.')),
    node(
      'IV.',
      'Yêu cầu khắc phục:',
      detail.remedies.length
        ? detail.remedies.map(({ remedy }, index) =>
            node(
              `${index + 1}.`,
              `${remedy.text} — hạn hoàn thành: ${dmy(remedy.dueOn)} (${remedyStatusLabels[remedy.status as RemedyStatus].toLowerCase()}).`,
            ),
          )
        : [node('-', 'Không có.')],
    ),
    node(
      null,
      `Đề nghị ${row.unitName} tổ chức thực hiện và báo cáo kết quả khắc phục về Hội đồng Thi đua – Khen thưởng qua hệ thống trước thời hạn nêu trên.`,
    ),
  ];
  return {
    kind: 'THÔNG BÁO',
    type: 'notice',
    issuer: { parent: null, name: row.planRow.councilName.toUpperCase() },
    // Before issue the draft shows a blank number for the register ("Số:     /TB-HĐTĐKT").
    number: row.target.noticeNumber ?? `      /${NOTICE_SYMBOL}`,
    place: null,
    date: row.target.noticeDate ?? row.target.inspectOn,
    title: `Kết luận kiểm tra công tác thi đua, khen thưởng năm ${plan.year} tại ${row.unitName}`,
    authority: null,
    incoming: null,
    addressees: [],
    legalBasis: [],
    preamble: [],
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
    signature: { authority: ['TM. HỘI ĐỒNG'], title: 'TRƯỞNG ĐOÀN KIỂM TRA', name: lead?.name ?? null },
    recipients: [
      { text: `${row.unitName} (để thực hiện)`, subEntries: [] },
      { text: 'Lưu: VT, hồ sơ kiểm tra', subEntries: [] },
    ],
    attachments: [],
    truncated: false,
    unclassified: [],
  };
}

/** The conclusion notice of a target as DOCX (409 while the plan is a draft: nothing was inspected yet). */
export async function noticeDocx(db: Executor, row: TargetRow) {
  if (row.planRow.plan.status === 'draft')
    throw new AppError('CONFLICT', 'Thông báo kết luận chỉ có sau khi kế hoạch kiểm tra được phê duyệt.');
  const [detail, team] = await Promise.all([
    readTargetDetail(db, row.target.id),
    readTeam(db, row.planRow.plan.id),
  ]);
  const buffer = await renderDocx(composeNotice(row, detail, team), {
    tables: [findingsTable(row, detail)],
  });
  return {
    buffer,
    contentType: DOCX_TYPE,
    fileName: row.target.noticeSequence
      ? `thong-bao-ket-luan-kiem-tra-so-${row.target.noticeSequence}-${row.target.noticeYear}.docx`
      : `thong-bao-ket-luan-kiem-tra-${row.planRow.plan.year}-${row.target.id.slice(0, 8)}.docx`,
  };
}
