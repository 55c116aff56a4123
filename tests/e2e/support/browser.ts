import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/** Debian's Chromium: no browser download needed. */
const CHROMIUM_PATH = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Screenshots land here (ignored by git). */
export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../../../.tmp/screenshots');

/** The two screens every page must look right on. */
export const viewports = {
  desktop: { width: 1366, height: 768 },
  phone: { width: 390, height: 844 },
} as const;

/** A running Chromium with its own throw-away profile folder. */
export interface TestBrowser {
  browser: Browser;
  /** A fresh context (own cookies) at the given viewport, speaking Vietnamese in Vietnam's time zone. */
  newPage: (viewport?: { width: number; height: number }) => Promise<{ context: BrowserContext; page: Page }>;
  close: () => Promise<void>;
}

/**
 * Starts headless Chromium. Playwright's plain `launch` gives it a fresh temporary user-data dir
 * (and deletes it on close), so no profile leaks between runs.
 */
export async function launchBrowser(): Promise<TestBrowser> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  return {
    browser,
    newPage: async (viewport = viewports.desktop) => {
      const context = await browser.newContext({
        viewport,
        locale: 'vi-VN',
        timezoneId: 'Asia/Ho_Chi_Minh',
        isMobile: viewport.width < 768,
        hasTouch: viewport.width < 768,
        deviceScaleFactor: 1,
        // The app then shows dialogs without their zoom: a click never lands on a dialog still moving.
        reducedMotion: 'reduce',
      });
      return { context, page: await context.newPage() };
    },
    close: () => browser.close(),
  };
}

/** Saves a full-page screenshot as `.tmp/screenshots/<name>.png` and returns its path. */
export async function takeScreenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Signs in through the login page and waits until the app has opened `target`. */
export async function signInThroughPage(
  page: Page,
  baseUrl: string,
  username: string,
  password: string,
  target = '/',
): Promise<void> {
  await page.goto(`${baseUrl}/dang-nhap?next=${encodeURIComponent(target)}`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((url) => `${url.pathname}${url.search}` === target);
}

/** A full-page screenshot taken from the top of the page (the header and sidebar are sticky). */
export async function takeTopScreenshot(page: Page, name: string): Promise<string> {
  await page.evaluate('window.scrollTo(0, 0)');
  await page.waitForTimeout(300);
  return takeScreenshot(page, name);
}

/**
 * The UnitSelect option of exactly this unit: its label is "name" or "name (thuộc parent)", so a
 * child labelled "… (thuộc name)" — which the list may show before the typed search answers — never
 * matches.
 */
export function unitOption(page: Page, name: string) {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const exact = new RegExp(`^${escaped}( \\(thuộc .+\\))?$`);
  return page.locator('.ant-select-item-option').filter({ hasText: exact }).first();
}

/**
 * Waits until the page reaches a URL the predicate accepts; when an error alert or message shows up
 * first, fails at once with its text (a slow machine gets a minute, a refused request a clear reason).
 */
export async function waitForUrlOrError(
  page: Page,
  accept: (url: URL) => boolean,
  timeout = 60_000,
): Promise<void> {
  const error = page.locator('.ant-alert-error, .ant-message-error').first();
  // The loser of the race times out later: its rejection is caught so that it is never unhandled.
  const arrived = page.waitForURL(accept, { timeout }).then(
    () => ({ arrived: true as const }),
    (failure: unknown) => ({ arrived: false as const, failure }),
  );
  const errored = error.waitFor({ timeout }).then(
    async () => (await error.textContent()) ?? 'lỗi không rõ',
    () => null,
  );
  type Outcome = { arrived: true } | { arrived: false; failure: unknown } | string;
  const first: Outcome = await Promise.race<Outcome>([
    arrived,
    errored.then((text): Outcome | Promise<Outcome> => text ?? arrived),
  ]);
  if (typeof first === 'string') throw new Error(`The page showed an error instead of navigating: ${first}`);
  if (!first.arrived) throw first.failure;
}
