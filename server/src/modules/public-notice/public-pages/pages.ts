import { COMMENT_LIMITS } from '#contracts/public-notice.ts';
import {
  dayOf,
  escapeHtml,
  layout,
  PORTAL_SECTIONS,
  pager,
  paragraphs,
} from '#server/platform/http/public-html.ts';
import type { PublicNoticeView, PublishedComment } from './public-read.ts';

export const LIST_PATH = PORTAL_SECTIONS[2].path;
export const noticePath = (id: string) => `${LIST_PATH}/${id}`;

const subjectLine = (notice: PublicNoticeView) =>
  [notice.position, notice.unitName].filter(Boolean).map(escapeHtml).join(' — ');

/** The list of notices open for comment, with links to the pages before and after. */
export function renderList(
  origin: string,
  page: { rows: PublicNoticeView[]; next: string | null; prev: string | null },
) {
  const items = page.rows
    .map(
      (notice) => `<article class="card">
<h2><a href="${noticePath(notice.id)}">${escapeHtml(notice.subjectName)}</a></h2>
<div class="meta">${subjectLine(notice)}</div>
<div>Đề nghị: <strong>${escapeHtml(notice.awardName)}</strong></div>
<div class="due">Nhận ý kiến đến hết ngày ${dayOf(notice.endDate)}</div>
</article>`,
    )
    .join('\n');
  return layout({
    title: 'Lấy ý kiến nhân dân về danh sách đề nghị khen thưởng',
    description:
      'Danh sách cá nhân, tập thể được đề nghị khen thưởng đang được công khai để lấy ý kiến nhân dân.',
    canonical: `${origin}${LIST_PATH}`,
    origin,
    section: 'lay-y-kien',
    body: `<h1>Danh sách đề nghị khen thưởng đang lấy ý kiến</h1>
<p>Mọi người có thể xem thành tích và gửi ý kiến góp ý về từng trường hợp trong thời gian công khai.</p>
${items || '<p class="card">Hiện không có trường hợp nào đang được công khai lấy ý kiến.</p>'}
${pager(LIST_PATH, page)}`,
  });
}

/** What the comment form shows again after a refusal: the values typed and the reason. */
export interface FormState {
  token: string;
  values?: { authorName?: string; contact?: string; body?: string };
  /** A message above the form: success, or why the comment was not taken. */
  notice?: { kind: 'ok' | 'error'; text: string };
}

function commentForm(notice: PublicNoticeView, form: FormState) {
  const values = form.values ?? {};
  return `<form method="post" action="${noticePath(notice.id)}/y-kien" id="gop-y">
<input type="hidden" name="token" value="${escapeHtml(form.token)}">
<div class="hp" aria-hidden="true"><label for="website">Để trống ô này</label><input id="website" name="website" tabindex="-1" autocomplete="off"></div>
<label for="authorName">Họ và tên (bắt buộc)</label>
<input id="authorName" name="authorName" required maxlength="${COMMENT_LIMITS.name}" autocomplete="name" value="${escapeHtml(values.authorName)}">
<label for="contact">Số điện thoại hoặc thư điện tử (không bắt buộc, không công bố)</label>
<input id="contact" name="contact" maxlength="${COMMENT_LIMITS.contact}" value="${escapeHtml(values.contact)}">
<label for="body">Nội dung ý kiến (bắt buộc)</label>
<textarea id="body" name="body" required minlength="10" maxlength="${COMMENT_LIMITS.body}">${escapeHtml(values.body)}</textarea>
<button type="submit">Gửi ý kiến</button>
</form>`;
}

/** One notice: who is proposed for what, the achievements, the published comments and the form. */
export function renderNotice(
  origin: string,
  notice: PublicNoticeView,
  comments: PublishedComment[],
  form: FormState,
) {
  const message = form.notice
    ? `<div class="card ${form.notice.kind}" role="${form.notice.kind === 'ok' ? 'status' : 'alert'}">${escapeHtml(form.notice.text)}</div>`
    : '';
  const published = comments
    .map(
      (
        comment,
      ) => `<div class="card"><div class="meta">${escapeHtml(comment.authorName)} — ${dayOf(comment.createdAt.toISOString())}</div>
${paragraphs(comment.body)}${comment.answer ? `<div class="answer"><strong>Trả lời:</strong>${paragraphs(comment.answer)}</div>` : ''}</div>`,
    )
    .join('\n');
  return layout({
    title: `${notice.subjectName} — đề nghị ${notice.awardName}`,
    description: `Lấy ý kiến nhân dân về việc đề nghị ${notice.awardName} cho ${notice.subjectName}, đến hết ngày ${dayOf(notice.endDate)}.`,
    canonical: `${origin}${noticePath(notice.id)}`,
    origin,
    section: 'lay-y-kien',
    body: `<p><a href="${LIST_PATH}">← Danh sách đang lấy ý kiến</a></p>
<h1>${escapeHtml(notice.subjectName)}</h1>
<div class="card"><dl>
${notice.position ? `<dt>Chức vụ</dt><dd>${escapeHtml(notice.position)}</dd>` : ''}
${notice.unitName ? `<dt>Đơn vị</dt><dd>${escapeHtml(notice.unitName)}</dd>` : ''}
<dt>Hình thức đề nghị</dt><dd>${escapeHtml(notice.awardName)}</dd>
<dt>Thời gian lấy ý kiến</dt><dd class="due">Từ ngày ${dayOf(notice.startDate)} đến hết ngày ${dayOf(notice.endDate)}</dd>
</dl></div>
${paragraphs(notice.noticeText)}
<h2>Tóm tắt thành tích</h2>
<div class="card">${paragraphs(notice.achievements) || '<p>(Không có tóm tắt thành tích.)</p>'}</div>
<h2>Ý kiến đã được công bố</h2>
${published || '<p>Chưa có ý kiến nào được công bố.</p>'}
<h2 id="y-kien">Gửi ý kiến góp ý</h2>
<p>Ý kiến được cơ quan thi đua, khen thưởng xem xét trước khi công bố. Thông tin liên hệ chỉ dùng để trả lời bạn.</p>
${message}
${commentForm(notice, form)}`,
  });
}

/** The page for a notice that is not (or no longer) open, and for unknown addresses. */
export function renderGone(origin: string, text: string) {
  return layout({
    title: 'Không tìm thấy thông báo công khai',
    description: text,
    canonical: `${origin}${LIST_PATH}`,
    origin,
    section: 'lay-y-kien',
    body: `<h1>Không tìm thấy thông báo</h1><p>${escapeHtml(text)}</p><p><a href="${LIST_PATH}">Xem danh sách đang lấy ý kiến</a></p>`,
  });
}
