import {
  type ExemplarKind,
  type ExemplarStage,
  type ExemplarSubject,
  exemplarKindLabels,
  exemplarStageLabels,
  exemplarSubjectLabels,
} from '#contracts/exemplars.ts';
import type { PublishedExemplar } from '#server/modules/exemplars/index.ts';
import type { KeysetPage } from '#server/platform/db/keyset.ts';
import {
  dayOf,
  escapeHtml,
  layout,
  PORTAL_SECTIONS,
  pager,
  paragraphs,
  searchForm,
} from '#server/platform/http/public-html.ts';

export const EXEMPLARS_PATH = PORTAL_SECTIONS[0].path;
export const exemplarPath = (id: string) => `${EXEMPLARS_PATH}/${id}`;
export const photoPath = (id: string, photoId: string) => `${exemplarPath(id)}/anh/${photoId}`;

const kindOf = (row: PublishedExemplar) => exemplarKindLabels[row.kind as ExemplarKind] ?? row.kind;
const stageOf = (row: PublishedExemplar) => exemplarStageLabels[row.stage as ExemplarStage] ?? row.stage;

/** An exemplar as a card of a list (the home page and the section's list). */
export function exemplarCard(row: PublishedExemplar) {
  return `<article class="card">
<h3><a href="${exemplarPath(row.id)}">${escapeHtml(row.title)}</a></h3>
<div class="meta">${escapeHtml(kindOf(row))} · ${escapeHtml(stageOf(row))} · ${escapeHtml(row.unitName)}</div>
${row.subjectName ? `<div>${escapeHtml(row.subjectName)}</div>` : ''}
</article>`;
}

/** The list of published exemplars, with its search box and pager. */
export function renderExemplarList(origin: string, page: KeysetPage<PublishedExemplar>, q: string) {
  const items = page.rows.map(exemplarCard).join('\n');
  return layout({
    title: 'Điển hình tiên tiến, gương người tốt việc tốt',
    description:
      'Các điển hình tiên tiến, gương người tốt việc tốt, mô hình hay, cách làm mới đã được công bố.',
    canonical: `${origin}${EXEMPLARS_PATH}`,
    origin,
    section: 'dien-hinh',
    body: `<h1>Điển hình tiên tiến</h1>
${searchForm(EXEMPLARS_PATH, q, 'Tìm theo tên điển hình, người, tập thể (gõ có dấu hoặc không dấu)')}
${items || `<p class="card">${q ? 'Không có điển hình nào khớp với từ khóa.' : 'Chưa có điển hình nào được công bố.'}</p>`}
${pager(EXEMPLARS_PATH, page, q)}`,
  });
}

/** One published exemplar: what, who, where, how far it went, its summary and photos. */
export function renderExemplar(origin: string, row: PublishedExemplar, photoIds: string[]) {
  const photos = photoIds
    .map(
      (fileId) =>
        `<a href="${photoPath(row.id, fileId)}"><img src="${photoPath(row.id, fileId)}" alt="Hình ảnh: ${escapeHtml(row.title)}" loading="lazy"></a>`,
    )
    .join('');
  const subject = exemplarSubjectLabels[row.subject as ExemplarSubject] ?? row.subject;
  return layout({
    title: row.title,
    description: row.summary.slice(0, 200) || `${kindOf(row)} — ${row.unitName}`,
    canonical: `${origin}${exemplarPath(row.id)}`,
    origin,
    section: 'dien-hinh',
    body: `<p><a href="${EXEMPLARS_PATH}">← Điển hình tiên tiến</a></p>
<h1>${escapeHtml(row.title)}</h1>
<div class="card"><dl>
<dt>Loại</dt><dd>${escapeHtml(kindOf(row))}</dd>
<dt>Giai đoạn</dt><dd>${escapeHtml(stageOf(row))}</dd>
<dt>Đối tượng</dt><dd>${escapeHtml(subject)}${row.subjectName ? `: ${escapeHtml(row.subjectName)}` : ''}</dd>
<dt>Đơn vị đề xuất</dt><dd>${escapeHtml(row.unitName)}</dd>
${row.movementName ? `<dt>Phong trào thi đua</dt><dd>${escapeHtml(row.movementName)}</dd>` : ''}
<dt>Ngày công bố</dt><dd>${dayOf(row.publishedAt)}</dd>
</dl></div>
<h2>Nội dung</h2>
<div class="card">${paragraphs(row.summary) || '<p>(Chưa có nội dung tóm tắt.)</p>'}</div>
${photos ? `<h2>Hình ảnh</h2><div class="photos">${photos}</div>` : ''}`,
  });
}
