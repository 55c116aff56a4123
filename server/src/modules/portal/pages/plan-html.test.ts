import { describe, expect, it } from 'vitest';
import { emptyPlanContent } from '#server/modules/movements/index.ts';
import { layout, pager } from '#server/platform/http/public-html.ts';
import { planHtml } from './plan-html.ts';

describe('portal HTML', () => {
  it('prints a plan with its numbering as written, every text escaped', () => {
    const plan = emptyPlanContent({
      issuerName: 'UBND tỉnh <Lai Châu>',
      title: 'Kế hoạch "thi đua" & khen thưởng',
      movementName: 'Thi đua',
      periodFrom: 2025,
      periodTo: 2030,
    });
    const lines: [number, number] = [1, 1];
    plan.document.sections = [
      {
        label: 'I.',
        text: 'MỤC ĐÍCH <b>',
        lines,
        children: [{ label: '1.', text: "Nâng cao ý thức 'trách nhiệm'", lines, children: [] }],
      },
    ];
    const html = planHtml(plan);
    expect(html).toContain(
      '<strong>I.</strong> MỤC ĐÍCH &lt;b&gt;<ul><li><strong>1.</strong> Nâng cao ý thức &#39;trách nhiệm&#39;',
    );
    expect(html).toContain('Kế hoạch &quot;thi đua&quot; &amp; khen thưởng');
    expect(html).not.toContain('<b>');
    expect(html).not.toContain('<Lai');
  });

  it('frames a page with canonical, share tags, the current section and escaped paging links', () => {
    const page = layout({
      title: 'A <b> "quoted"',
      description: 'x',
      canonical: 'https://example.vn/cong-khai/quyet-dinh?x="1"',
      origin: 'https://example.vn',
      section: 'quyet-dinh',
      body: '<p>body</p>',
    });
    expect(page).toContain('<title>A &lt;b&gt; &quot;quoted&quot;</title>');
    expect(page).toContain(
      '<link rel="canonical" href="https://example.vn/cong-khai/quyet-dinh?x=&quot;1&quot;">',
    );
    expect(page).toContain(
      '<meta property="og:image" content="https://example.vn/cong-khai/anh-chia-se.png">',
    );
    expect(page).toContain('<a href="/cong-khai/quyet-dinh" aria-current="page">Quyết định khen thưởng</a>');
    expect(page).not.toContain('<script');
    expect(pager('/cong-khai/dien-hinh', { prev: 'AA', next: 'BB' }, 'a&b')).toBe(
      '<nav class="pager"><a href="/cong-khai/dien-hinh?q=a%26b&amp;truoc=AA">← Trang trước</a><a href="/cong-khai/dien-hinh?q=a%26b&amp;sau=BB">Trang sau →</a></nav>',
    );
  });
});
