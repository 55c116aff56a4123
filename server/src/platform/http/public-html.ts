/**
 * Light server-rendered HTML for the public portal (/cong-khai): no script, one small inline style,
 * readable on a slow phone and by a search engine. Every page shares this frame.
 */

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe for HTML content and attribute values. */
export const escapeHtml = (value: string | number | null | undefined) =>
  String(value ?? '').replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);

/** Paragraphs of a multi-line text, escaped. */
export const paragraphs = (text: string) =>
  text
    .split(/\n{2,}/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block) => `<p>${escapeHtml(block).replaceAll('\n', '<br>')}</p>`)
    .join('');

/** dd/mm/yyyy of an ISO date. */
export const dayOf = (iso: string) => iso.slice(0, 10).split('-').reverse().join('/');

/** The portal's home and the address of its share image. */
export const PORTAL_HOME = '/cong-khai';
export const SHARE_IMAGE_PATH = `${PORTAL_HOME}/anh-chia-se.png`;

/** The portal's sections, in the order of its header. */
export const PORTAL_SECTIONS = [
  { key: 'dien-hinh', path: `${PORTAL_HOME}/dien-hinh`, label: 'Điển hình tiên tiến' },
  { key: 'quyet-dinh', path: `${PORTAL_HOME}/quyet-dinh`, label: 'Quyết định khen thưởng' },
  { key: 'lay-y-kien', path: `${PORTAL_HOME}/lay-y-kien`, label: 'Lấy ý kiến' },
  { key: 'phong-trao', path: `${PORTAL_HOME}/phong-trao`, label: 'Phong trào thi đua' },
] as const;
export type PortalSection = (typeof PORTAL_SECTIONS)[number]['key'];

const STYLE = `
*{box-sizing:border-box}body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1f1f1f;background:#f6f7f9}
header{background:#a50e0e;color:#fff;padding:10px 16px 0}header a{color:#fff;text-decoration:none}header small{display:block;opacity:.85}
header nav{display:flex;flex-wrap:wrap;gap:2px 14px;padding:8px 0 6px;font-size:.95rem}header nav a{padding:4px 0;border-bottom:2px solid transparent}header nav a[aria-current]{border-color:#fff;font-weight:600}
main{max-width:760px;margin:0 auto;padding:16px}h1{font-size:1.45rem;line-height:1.3;margin:.4em 0}h2{font-size:1.15rem;margin:1.4em 0 .4em}
.card{background:#fff;border:1px solid #e3e5e8;border-radius:8px;padding:14px 16px;margin:12px 0}
.card h2,.card h3{margin:0 0 .2em;font-size:1.08rem}.meta{color:#555;font-size:.95rem}.due{color:#a50e0e;font-weight:600}
dl{margin:0}dt{font-weight:600;margin-top:.6em}dd{margin:0}a{color:#0b57d0}
label{display:block;font-weight:600;margin-top:12px}input,textarea{width:100%;font:inherit;padding:8px;border:1px solid #9aa0a6;border-radius:6px}
textarea{min-height:160px}button{margin-top:14px;font:inherit;font-weight:600;padding:10px 20px;border:0;border-radius:6px;background:#a50e0e;color:#fff}
form.search{display:flex;gap:8px;align-items:center}form.search input{flex:1}form.search button{margin:0;padding:8px 14px}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
.ok{background:#e6f4ea;border-color:#81c995}.error{background:#fce8e6;border-color:#f28b82}
.answer{border-left:3px solid #a50e0e;padding-left:10px;margin-top:8px}nav.pager{display:flex;gap:16px;margin:16px 0}
table{width:100%;border-collapse:collapse;background:#fff;font-size:.95rem}th,td{border:1px solid #e3e5e8;padding:6px 8px;text-align:left;vertical-align:top}
@media (max-width:560px){table.rows thead{display:none}table.rows tr{display:block;border:1px solid #e3e5e8;border-radius:8px;margin:8px 0;background:#fff;padding:6px 0}table.rows td{display:block;border:0;padding:2px 12px}table.rows td[data-label]::before{content:attr(data-label) ": ";font-weight:600}}
.photos{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:8px}.photos img{width:100%;height:auto;border-radius:6px}
.plan ul{list-style:none;padding-left:1em;margin:.2em 0}.plan>ul{padding-left:0}.plan li{margin:.25em 0}.more{font-weight:600}
footer{max-width:760px;margin:0 auto;padding:16px;color:#666;font-size:.9rem}`;

const DEFAULT_FOOTER =
  'Cổng công khai thông tin thi đua, khen thưởng: chỉ đăng những nội dung cơ quan có thẩm quyền đã công bố. ' +
  'Ý kiến góp ý được cơ quan thi đua, khen thưởng xem xét và trả lời; thông tin liên hệ của người góp ý không được công bố.';

/** One portal page: what it is called, how it is shared, its address, its section and its body. */
export interface PublicPage {
  title: string;
  description: string;
  /** The page's absolute address (link rel=canonical, og:url). */
  canonical: string;
  /** The site's origin, for the absolute address of the share image. */
  origin: string;
  section?: PortalSection;
  body: string;
}

/** The page frame: title, description for search engines and sharing, canonical address, share image. */
export function layout(page: PublicPage) {
  const title = escapeHtml(page.title);
  const description = escapeHtml(page.description);
  const canonical = escapeHtml(page.canonical);
  const nav = PORTAL_SECTIONS.map(
    (section) =>
      `<a href="${section.path}"${section.key === page.section ? ' aria-current="page"' : ''}>${section.label}</a>`,
  ).join('');
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<meta name="description" content="${description}">
<link rel="canonical" href="${canonical}">
<meta property="og:type" content="article">
<meta property="og:site_name" content="Cổng công khai thi đua, khen thưởng">
<meta property="og:title" content="${title}">
<meta property="og:description" content="${description}">
<meta property="og:url" content="${canonical}">
<meta property="og:image" content="${escapeHtml(page.origin)}${SHARE_IMAGE_PATH}">
<meta property="og:image:width" content="1200">
<meta property="og:image:height" content="630">
<meta name="twitter:card" content="summary_large_image">
<style>${STYLE}</style>
</head>
<body>
<header><a href="${PORTAL_HOME}"><strong>Cổng công khai thi đua, khen thưởng</strong><small>Điển hình, quyết định khen thưởng, lấy ý kiến nhân dân, phong trào thi đua</small></a>
<nav aria-label="Mục">${nav}</nav></header>
<main>
${page.body}
</main>
<footer>${DEFAULT_FOOTER}</footer>
</body>
</html>`;
}

/** "Trang trước / Trang sau" links of a keyset list, keeping its search words. */
export function pager(path: string, page: { prev: string | null; next: string | null }, q = '') {
  const link = (name: string, cursor: string) => {
    const params = new URLSearchParams(q ? { q, [name]: cursor } : { [name]: cursor });
    return `${path}?${escapeHtml(params.toString())}`;
  };
  const parts = [
    page.prev ? `<a href="${link('truoc', page.prev)}">← Trang trước</a>` : '',
    page.next ? `<a href="${link('sau', page.next)}">Trang sau →</a>` : '',
  ].join('');
  return parts ? `<nav class="pager">${parts}</nav>` : '';
}

/** A search box of a list (words with or without diacritics). */
export function searchForm(path: string, q: string, placeholder: string) {
  return `<form class="search" method="get" action="${path}" role="search">
<input name="q" value="${escapeHtml(q)}" placeholder="${escapeHtml(placeholder)}" aria-label="Tìm kiếm" maxlength="100">
<button type="submit">Tìm</button></form>`;
}
