import type { PlanContent } from '#contracts/movements.ts';
import type { KeysetPage } from '#server/platform/db/keyset.ts';
import {
  dayOf,
  escapeHtml,
  layout,
  PORTAL_SECTIONS,
  pager,
  searchForm,
} from '#server/platform/http/public-html.ts';
import type { PublicMovement } from '../read/movements-read.ts';
import { planHtml } from './plan-html.ts';

export const MOVEMENTS_PATH = PORTAL_SECTIONS[3].path;
export const movementPath = (id: string) => `${MOVEMENTS_PATH}/${id}`;

const period = (row: PublicMovement) =>
  row.periodFrom === row.periodTo ? `Năm ${row.periodFrom}` : `Giai đoạn ${row.periodFrom}–${row.periodTo}`;

/** A movement as a card of a list (the home page and the section's list). */
export function movementCard(row: PublicMovement) {
  return `<article class="card">
<h3><a href="${movementPath(row.id)}">${escapeHtml(row.name)}</a></h3>
<div class="meta">${escapeHtml(row.unitName)} · ${escapeHtml(period(row))}</div>
</article>`;
}

/** The list of published movements, with its search box and pager. */
export function renderMovementList(origin: string, page: KeysetPage<PublicMovement>, q: string) {
  const items = page.rows.map(movementCard).join('\n');
  return layout({
    title: 'Phong trào thi đua đã phát động',
    description: 'Các phong trào thi đua đã phát động và kế hoạch tổ chức thực hiện được công bố.',
    canonical: `${origin}${MOVEMENTS_PATH}`,
    origin,
    section: 'phong-trao',
    body: `<h1>Phong trào thi đua</h1>
${searchForm(MOVEMENTS_PATH, q, 'Tìm theo tên phong trào (gõ có dấu hoặc không dấu)')}
${items || `<p class="card">${q ? 'Không có phong trào nào khớp với từ khóa.' : 'Chưa có phong trào nào được công bố.'}</p>`}
${pager(MOVEMENTS_PATH, page, q)}`,
  });
}

/** One published movement: launching unit, period, plan number and the launched plan's text. */
export function renderMovement(origin: string, row: PublicMovement & { plan: PlanContent | null }) {
  return layout({
    title: row.name,
    description: `${row.name} — ${row.unitName}, ${period(row).toLowerCase()}.`,
    canonical: `${origin}${movementPath(row.id)}`,
    origin,
    section: 'phong-trao',
    body: `<p><a href="${MOVEMENTS_PATH}">← Phong trào thi đua</a></p>
<h1>${escapeHtml(row.name)}</h1>
<div class="card"><dl>
${row.theme ? `<dt>Chủ đề</dt><dd>${escapeHtml(row.theme)}</dd>` : ''}
<dt>Đơn vị phát động</dt><dd>${escapeHtml(row.unitName)}</dd>
<dt>Thời gian</dt><dd>${escapeHtml(period(row))}</dd>
${row.planNumber ? `<dt>Kế hoạch số</dt><dd>${escapeHtml(row.planNumber)}</dd>` : ''}
${row.launchedAt ? `<dt>Ngày phát động</dt><dd>${dayOf(row.launchedAt)}</dd>` : ''}
</dl></div>
<h2>Kế hoạch tổ chức thực hiện</h2>
${row.plan ? planHtml(row.plan) : '<p class="card">(Chưa có nội dung kế hoạch.)</p>'}`,
  });
}
