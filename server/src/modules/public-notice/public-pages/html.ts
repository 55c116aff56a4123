/** Light server-rendered HTML for the public pages: no script, one small inline style, readable on a slow phone. */

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe for HTML content and attribute values. */
export const escapeHtml = (value: string | null | undefined) =>
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

const STYLE = `
*{box-sizing:border-box}body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1f1f1f;background:#f6f7f9}
header{background:#a50e0e;color:#fff;padding:12px 16px}header a{color:#fff;text-decoration:none}header small{display:block;opacity:.85}
main{max-width:760px;margin:0 auto;padding:16px}h1{font-size:1.45rem;line-height:1.3;margin:.4em 0}h2{font-size:1.15rem;margin:1.4em 0 .4em}
.card{background:#fff;border:1px solid #e3e5e8;border-radius:8px;padding:14px 16px;margin:12px 0}
.card h2{margin:0 0 .2em}.meta{color:#555;font-size:.95rem}.due{color:#a50e0e;font-weight:600}
dl{margin:0}dt{font-weight:600;margin-top:.6em}dd{margin:0}a{color:#0b57d0}
label{display:block;font-weight:600;margin-top:12px}input,textarea{width:100%;font:inherit;padding:8px;border:1px solid #9aa0a6;border-radius:6px}
textarea{min-height:160px}button{margin-top:14px;font:inherit;font-weight:600;padding:10px 20px;border:0;border-radius:6px;background:#a50e0e;color:#fff}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
.ok{background:#e6f4ea;border-color:#81c995}.error{background:#fce8e6;border-color:#f28b82}
.answer{border-left:3px solid #a50e0e;padding-left:10px;margin-top:8px}nav.pager{display:flex;gap:16px;margin:16px 0}
footer{max-width:760px;margin:0 auto;padding:16px;color:#666;font-size:.9rem}`;

/** The page frame: title, description for search engines and sharing, canonical address. */
export function layout(page: { title: string; description: string; canonical: string; body: string }) {
  const title = escapeHtml(page.title);
  const description = escapeHtml(page.description);
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<meta name="description" content="${description}">
<link rel="canonical" href="${escapeHtml(page.canonical)}">
<meta property="og:type" content="article">
<meta property="og:title" content="${title}">
<meta property="og:description" content="${description}">
<meta property="og:url" content="${escapeHtml(page.canonical)}">
<style>${STYLE}</style>
</head>
<body>
<header><a href="/cong-khai/lay-y-kien"><strong>Công khai, lấy ý kiến</strong><small>Danh sách đề nghị khen thưởng đang lấy ý kiến nhân dân</small></a></header>
<main>
${page.body}
</main>
<footer>Ý kiến góp ý được cơ quan thi đua, khen thưởng xem xét và trả lời trước khi trình quyết định khen thưởng. Thông tin liên hệ của người góp ý không được công bố.</footer>
</body>
</html>`;
}
