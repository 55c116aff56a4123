import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { type AppServer, DEMO_PASSWORD, startAppServer } from './app-server.ts';
import { launchBrowser, signInThroughPage, type TestBrowser, viewports } from './browser.ts';

/**
 * One real server and one Chromium for a file of browser journeys (started before, stopped after),
 * with pages that record uncaught script errors and a sign-in through the login page.
 */
export function setUpJourneys() {
  let server: AppServer;
  let browser: TestBrowser;
  const pageErrors: string[] = [];
  beforeAll(async () => {
    server = await startAppServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    /** Uncaught script errors of every page opened, as "url: message". */
    pageErrors,
    get baseUrl() {
      return server.baseUrl;
    },
    /** A fresh signed-out page that records uncaught script errors. */
    async openPage(viewport: { width: number; height: number } = viewports.desktop): Promise<Page> {
      const { page } = await browser.newPage(viewport);
      page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
      return page;
    },
    /** Signs a demo account in and waits until `target` is open. */
    signIn: (page: Page, username: string, target = '/') =>
      signInThroughPage(page, server.baseUrl, username, DEMO_PASSWORD, target),
  };
}
