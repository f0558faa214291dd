import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ensureWebBuilt } from '../../server/web-build.ts';
import { buildTestApp, type TestApp } from '../app.ts';

export const CHROMIUM = process.env.KHOI_CHROMIUM ?? '/usr/bin/chromium';

/** Browser journeys need Debian's Chromium. Without it they are skipped with a plain reason, except in CI,
 * where a missing browser is a failure (CI installs it). */
export const browserAvailable = fs.existsSync(CHROMIUM) || process.env.CI === 'true';
if (!browserAvailable) {
  console.warn(`[khoi tests] SKIPPED: browser journeys — ${CHROMIUM} not found (apt-get install chromium to run them).`);
}

export const SCREENSHOTS = path.resolve('docs/images');

export type BrowserHarness = TestApp & { browser: Browser; baseUrl: string; newPage: (opts?: { width?: number; height?: number; lang?: string }) => Promise<Page> };

/** The real app on its own database, listening on a free loopback port, and a headless Chromium. */
export async function startBrowserHarness(): Promise<BrowserHarness> {
  await ensureWebBuilt(() => undefined);
  const t = await buildTestApp({ serveWeb: true });
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  const address = t.app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    ...t,
    browser,
    baseUrl,
    newPage: async (opts = {}) => {
      const context = await browser.newContext({
        viewport: { width: opts.width ?? 1366, height: opts.height ?? 800 },
        locale: opts.lang ?? 'vi-VN',
        timezoneId: 'Asia/Ho_Chi_Minh',
        baseURL: baseUrl,
      });
      return context.newPage();
    },
  };
}

export async function stopBrowserHarness(h: BrowserHarness | null): Promise<void> {
  if (!h) return;
  await h.browser.close();
  await h.app.close();
  await h.db.drop();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}
