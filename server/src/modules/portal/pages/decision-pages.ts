import type { KeysetPage } from '#server/platform/db/keyset.ts';
import {
  dayOf,
  escapeHtml,
  layout,
  PORTAL_SECTIONS,
  pager,
  searchForm,
} from '#server/platform/http/public-html.ts';
import type { PublicDecision, PublicRecipient } from '../read/decisions-read.ts';

export const DECISIONS_PATH = PORTAL_SECTIONS[1].path;
export const decisionPath = (id: string) => `${DECISIONS_PATH}/${id}`;

const headline = (row: PublicDecision) => `Quyết định số ${row.number} ngày ${dayOf(row.decisionDate)}`;

/** A decision as a card of a list (the home page and the section's list). */
export function decisionCard(row: PublicDecision) {
  return `<article class="card">
<h3><a href="${decisionPath(row.id)}">${escapeHtml(headline(row))}</a></h3>
<div>${escapeHtml(row.title)}</div>
<div class="meta">${escapeHtml(row.unitName)}</div>
</article>`;
}

/** The list of published decisions, with its search box and pager. */
export function renderDecisionList(origin: string, page: KeysetPage<PublicDecision>, q: string) {
  const items = page.rows.map(decisionCard).join('\n');
  return layout({
    title: 'Quyết định khen thưởng đã công bố',
    description:
      'Các quyết định khen thưởng đã ban hành và được công bố, với danh sách cá nhân, tập thể được khen thưởng.',
    canonical: `${origin}${DECISIONS_PATH}`,
    origin,
    section: 'quyet-dinh',
    body: `<h1>Quyết định khen thưởng</h1>
${searchForm(DECISIONS_PATH, q, 'Tìm theo số hoặc trích yếu (gõ có dấu hoặc không dấu)')}
${items || `<p class="card">${q ? 'Không có quyết định nào khớp với từ khóa.' : 'Chưa có quyết định nào được công bố.'}</p>`}
${pager(DECISIONS_PATH, page, q)}`,
  });
}

/** One published decision: number, date, signer, issuing unit and one page of its list. */
export function renderDecision(
  origin: string,
  row: PublicDecision,
  content: { awards: string[]; recipients: KeysetPage<PublicRecipient> },
) {
  const { recipients } = content;
  const lines = recipients.rows
    .map(
      (recipient) =>
        `<tr><td data-label="TT">${recipient.position}</td><td><strong>${escapeHtml(recipient.name)}</strong></td><td data-label="Chức vụ">${escapeHtml(recipient.jobTitle)}</td><td data-label="Đơn vị">${escapeHtml(recipient.unitName)}</td><td data-label="Hình thức">${escapeHtml(recipient.award)}</td></tr>`,
    )
    .join('\n');
  const awards = content.awards.join('; ');
  return layout({
    title: headline(row),
    description: `${row.title} — ${row.unitName}`.slice(0, 300),
    canonical: `${origin}${decisionPath(row.id)}`,
    origin,
    section: 'quyet-dinh',
    body: `<p><a href="${DECISIONS_PATH}">← Quyết định khen thưởng</a></p>
<h1>${escapeHtml(headline(row))}</h1>
<p>${escapeHtml(row.title)}</p>
<div class="card"><dl>
<dt>Số, ký hiệu</dt><dd>${escapeHtml(row.number)}</dd>
<dt>Ngày ban hành</dt><dd>${dayOf(row.decisionDate)}${row.place ? `, tại ${escapeHtml(row.place)}` : ''}</dd>
<dt>Cơ quan ban hành</dt><dd>${escapeHtml(row.unitName)}</dd>
<dt>Người ký</dt><dd>${escapeHtml(row.signerTitle.replaceAll('\n', ' '))} ${escapeHtml(row.signerName)}</dd>
${awards ? `<dt>Hình thức khen thưởng</dt><dd>${escapeHtml(awards)}</dd>` : ''}
</dl></div>
<h2>Danh sách được khen thưởng</h2>
<div style="overflow-x:auto"><table class="rows">
<thead><tr><th>TT</th><th>Họ và tên / Tập thể</th><th>Chức vụ</th><th>Đơn vị</th><th>Hình thức</th></tr></thead>
<tbody>
${lines || '<tr><td colspan="5">(Danh sách trống.)</td></tr>'}
</tbody></table></div>
${pager(decisionPath(row.id), recipients)}`,
  });
}
