// Draws the portal's share image (server/src/modules/portal/assets/share.png, 1200×630) in Chromium:
// node scripts/portal-share-image.mjs server/src/modules/portal/assets/share.png
import { chromium } from 'playwright-core';

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const page = await browser.newPage({ viewport: { width: 1200, height: 630 } });
await page.setContent(`<html><body style="margin:0;width:1200px;height:630px;background:#a50e0e;color:#fff;font-family:'DejaVu Sans',Arial,sans-serif;display:flex;flex-direction:column;justify-content:center;padding:0 90px;box-sizing:border-box">
<div style="width:120px;height:8px;background:#ffd54f;margin-bottom:40px"></div>
<div style="font-size:64px;font-weight:700;line-height:1.15">Cổng công khai<br>thi đua, khen thưởng</div>
<div style="font-size:30px;margin-top:36px;opacity:.9">Điển hình tiên tiến · Quyết định khen thưởng<br>Lấy ý kiến nhân dân · Phong trào thi đua</div>
</body></html>`);
await page.screenshot({ path: process.argv[2] });
await browser.close();
