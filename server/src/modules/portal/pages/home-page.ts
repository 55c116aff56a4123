import type { PublishedExemplar } from '#server/modules/exemplars/index.ts';
import type { PublicNoticeView } from '#server/modules/public-notice/index.ts';
import {
  dayOf,
  escapeHtml,
  layout,
  PORTAL_HOME,
  PORTAL_SECTIONS,
} from '#server/platform/http/public-html.ts';
import type { PublicDecision } from '../read/decisions-read.ts';
import type { PublicMovement } from '../read/movements-read.ts';
import { decisionCard } from './decision-pages.ts';
import { exemplarCard } from './exemplar-pages.ts';
import { movementCard } from './movement-pages.ts';

/** The latest rows of each section, as the home page shows them. */
export interface HomeContent {
  exemplars: PublishedExemplar[];
  decisions: PublicDecision[];
  notices: PublicNoticeView[];
  movements: PublicMovement[];
}

const noticeCard = (notice: PublicNoticeView) => `<article class="card">
<h3><a href="${PORTAL_SECTIONS[2].path}/${notice.id}">${escapeHtml(notice.subjectName)}</a></h3>
<div>Đề nghị: <strong>${escapeHtml(notice.awardName)}</strong></div>
<div class="due">Nhận ý kiến đến hết ngày ${dayOf(notice.endDate)}</div>
</article>`;

function section(index: number, cards: string[], empty: string) {
  const { path, label } = PORTAL_SECTIONS[index] ?? PORTAL_SECTIONS[0];
  return `<section><h2>${label}</h2>
${cards.join('\n') || `<p class="card">${empty}</p>`}
<p><a class="more" href="${path}">Xem tất cả: ${label.toLowerCase()} →</a></p></section>`;
}

/** The portal's home: the latest exemplars, decisions, nominees posted for comment and movements. */
export function renderHome(origin: string, content: HomeContent) {
  return layout({
    title: 'Cổng công khai thi đua, khen thưởng',
    description:
      'Điển hình tiên tiến, quyết định khen thưởng, danh sách đề nghị khen thưởng đang lấy ý kiến nhân dân và các phong trào thi đua đã phát động.',
    canonical: `${origin}${PORTAL_HOME}`,
    origin,
    body: `<h1>Công khai thi đua, khen thưởng</h1>
<p>Thông tin do cơ quan thi đua, khen thưởng công bố. Mọi người có thể góp ý về các trường hợp được đề nghị khen thưởng trong thời gian lấy ý kiến.</p>
${section(2, content.notices.map(noticeCard), 'Hiện không có trường hợp nào đang lấy ý kiến.')}
${section(0, content.exemplars.map(exemplarCard), 'Chưa có điển hình nào được công bố.')}
${section(1, content.decisions.map(decisionCard), 'Chưa có quyết định nào được công bố.')}
${section(3, content.movements.map(movementCard), 'Chưa có phong trào nào được công bố.')}`,
  });
}

/** The page for anything not published (any more), and for unknown addresses. */
export function renderNotFound(origin: string) {
  return layout({
    title: 'Không tìm thấy trang',
    description: 'Trang này không có hoặc không còn được công bố.',
    canonical: `${origin}${PORTAL_HOME}`,
    origin,
    body: `<h1>Không tìm thấy trang</h1>
<p>Nội dung này không có, chưa được công bố hoặc đã thôi công bố.</p>
<p><a href="${PORTAL_HOME}">Về trang chủ cổng công khai</a></p>`,
  });
}
