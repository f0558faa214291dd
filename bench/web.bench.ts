/**
 * The web app on a commune's mobile connection. Not part of `npm test`.
 *   npm run bench:web [-- --database-url postgres://…] [-- --rounds 5] [-- --write] [-- --detail]
 * Builds the web app (web/dist, as the server does), starts a throwaway embedded PostgreSQL 18 with the demo data and
 * serves the app on 127.0.0.1. Chromium then opens it with the network throttled through CDP (1.6 Mbit/s down,
 * 0.75 Mbit/s up, 150 ms round trip) and the CPU four times slower, each round in a new profile:
 * - the sign-in page's JavaScript (brotli at quality 9, as web-build precompresses it): the scripts the page asked for
 *   before the app's form took its place (what it fetches ahead once the form is there does not count); the time from
 *   asking for the page to the frame that draws the form (index.html's, drawn before the scripts, when it shows it:
 *   web/first-sign-in.js), noted in the page (requestAnimationFrame after the form's field appeared), on the wall
 *   clock it shares with the bench; also when Playwright, polling from outside, sees it (it waits for the page's
 *   main thread, busy with the app's scripts right after the form is drawn), and when the app's form took its place;
 * - the leader of Móng Cái (mongcai@khoi.local) signs in once the page has gone quiet, nothing in flight for half a
 *   second (a person takes longer than that to type a password), until the overview shows its figures;
 * - signed out, the sign-in page again in the same profile: its scripts come from the service worker.
 * Prints the medians against the goals, as Markdown for bench/RESULTS.md (--write appends it).
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { arg, benchContext, benchDatabase, resultsHeading, resultTable, stats } from './bench-kit.ts';
import { buildApp, WEB_DIST } from '../server/app.ts';
import { seedDemo } from '../server/features/demo/demo.seed.ts';
import { ensureWebBuilt } from '../server/web-build.ts';

const ROUNDS = Number(arg('rounds') ?? 5);
const DETAIL = process.argv.includes('--detail');
const GOALS = { scriptKb: 150, formMs: 3000, overviewMs: 2500, secondVisitMs: 1000 };
const LOGIN_LABEL = 'Tên đăng nhập, số điện thoại hoặc email';
/** The overview's figures: a count in its table, or its totals row. */
const FIGURES = '.overview-count-link, .overview-total-row';
const TIMEOUT = 120_000;
const actor = { accountId: null, label: 'bench' };

await ensureWebBuilt((m) => console.log(m));
const bench = await benchDatabase('web', { poolSize: 10 });
const { rows, out } = resultTable();

/** Throttles one page as a phone on 3G: network through CDP, the CPU four times slower. */
async function throttle(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 150,
    downloadThroughput: 1.6e6 / 8,
    uploadThroughput: 0.75e6 / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
}

const brotliCache = new Map<string, number>();
/** The brotli size of a built script, by its address. */
function brotliBytes(url: string): number {
  const file = path.join(WEB_DIST, new URL(url).pathname);
  let size = brotliCache.get(file);
  if (size === undefined) {
    const body = fs.readFileSync(file);
    size = zlib.brotliCompressSync(body, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length },
    }).length;
    brotliCache.set(file, size);
  }
  return size;
}

/** Resolves once the page has had no request in flight for half a second. Playwright's 'networkidle' is reached once
 * per navigation, possibly before the form appeared, and then no longer waits for what the page fetched since. */
function quietWatch(page: Page): () => Promise<void> {
  let inFlight = 0;
  let since = performance.now();
  const change = (by: number) => {
    inFlight += by;
    since = performance.now();
  };
  page.on('request', () => change(1));
  page.on('requestfinished', () => change(-1));
  page.on('requestfailed', () => change(-1));
  return async () => {
    while (inFlight > 0 || performance.now() - since < 500) await new Promise((r) => setTimeout(r, 50));
  };
}

/** Run in the page: notes the moment (ms since the epoch) the sign-in form's field first appeared, and the moment the
 * app's form (LoginPage's, not the one index.html draws before the scripts) did. Source text, not a function: tsx
 * would wrap a function's inner ones in a helper the page does not have. */
const markFormAppearance = `
  new MutationObserver((_records, observer) => {
    const label = [...document.querySelectorAll('label')].find((l) => l.textContent.trim() === ${JSON.stringify(LOGIN_LABEL)});
    if (!label) return;
    const now = performance.timeOrigin + performance.now();
    if (window.khoiFormAt === undefined) {
      window.khoiFormAt = now;
      // The frame that draws it: its callbacks run just before its layout and paint.
      requestAnimationFrame(() => {
        window.khoiFormDrawnAt = performance.timeOrigin + performance.now();
      });
    }
    if (!label.closest('#first-sign-in-page')) {
      window.khoiAppFormAt = now;
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
`;

/** Opens the app at "/" and waits for the sign-in form; the time to it and to the app's form, and the scripts asked for
 * before the app's form appeared (and from where). */
async function openSignIn(context: BrowserContext, origin: string) {
  const page = await context.newPage();
  await throttle(context, page);
  await page.addInitScript(markFormAppearance);
  const quiet = quietWatch(page);
  const responses: { url: string; fromWorker: boolean; requestedAt: number }[] = [];
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script' && r.url().startsWith(origin))
      responses.push({ url: r.url(), fromWorker: r.fromServiceWorker(), requestedAt: r.request().timing().startTime });
  });
  const started = performance.now();
  const startedAt = Date.now();
  await page.goto(`${origin}/`);
  await page.getByLabel(LOGIN_LABEL).waitFor({ state: 'visible', timeout: TIMEOUT });
  const seenMs = performance.now() - started;
  await page.waitForFunction(
    () => (window as unknown as { khoiAppFormAt?: number }).khoiAppFormAt !== undefined,
    null,
    { timeout: TIMEOUT },
  );
  // No function inside: tsx would wrap it in a helper the page does not have.
  const at = await page.evaluate(() => {
    const w = window as unknown as { khoiFormAt?: number; khoiFormDrawnAt?: number; khoiAppFormAt: number };
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    return {
      khoiFormAt: w.khoiFormAt,
      khoiFormDrawnAt: w.khoiFormDrawnAt,
      khoiAppFormAt: w.khoiAppFormAt,
      origin: performance.timeOrigin,
      pageAnswered: nav?.responseStart,
      parsed: nav?.domInteractive,
      firstPaint: paint?.startTime,
    };
  });
  // Where the time went, in ms since the navigation started (--detail).
  const since = (t: number | undefined) => (t === undefined ? undefined : Math.round(t));
  const detail = {
    pageAnswered: since(at.pageAnswered),
    parsed: since(at.parsed),
    firstPaint: since(at.firstPaint),
    form: since(at.khoiFormAt === undefined ? undefined : at.khoiFormAt - at.origin),
    appForm: since(at.khoiAppFormAt - at.origin),
  };
  if (DETAIL) console.log('  ', JSON.stringify(detail));
  if (at.khoiFormAt === undefined || at.khoiFormDrawnAt === undefined)
    throw new Error('The sign-in form was seen but its appearance not noted');
  const scripts = responses.filter((s) => s.requestedAt < at.khoiAppFormAt);
  // On the wall clock the page's timestamps share with this process, from the moment the bench asked for the page:
  // the frame that drew the form, and the app's form in its place.
  const ms = at.khoiFormDrawnAt - startedAt;
  const appMs = Math.max(ms, at.khoiAppFormAt - startedAt);
  return { page, ms, seenMs, appMs, scripts, quiet };
}

try {
  const pgv = await bench.version();
  const ctx = benchContext(bench);
  const password = 'bench-mat-khau-2026';
  await seedDemo(ctx, actor, { password });
  const app = await buildApp(ctx, { serveWeb: true });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: process.env.KHOI_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const m = {
    scriptKb: [] as number[],
    formMs: [] as number[],
    formSeenMs: [] as number[],
    appFormMs: [] as number[],
    overviewMs: [] as number[],
    secondMs: [] as number[],
    secondSeenMs: [] as number[],
    secondAppMs: [] as number[],
  };
  let fromWorker = '';
  try {
    for (let round = 1; round <= ROUNDS; round++) {
      const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
      const first = await openSignIn(context, origin);
      const kb = first.scripts.reduce((sum, s) => sum + brotliBytes(s.url), 0) / 1024;
      // The person types while the page fetches what signing in needs and the service worker installs.
      await first.quiet();
      await first.page.getByLabel(LOGIN_LABEL).fill('mongcai@khoi.local');
      await first.page.getByLabel('Mật khẩu', { exact: true }).fill(password);
      const signIn = performance.now();
      await first.page.getByRole('button', { name: 'Đăng nhập' }).click();
      await first.page.locator(FIGURES).first().waitFor({ state: 'visible', timeout: TIMEOUT });
      const overviewMs = performance.now() - signIn;
      await first.page.waitForLoadState('networkidle');
      await first.page.close();

      // Signed out (the session cookie gone), the same phone opens the app again.
      await context.clearCookies();
      const second = await openSignIn(context, origin);
      const served = second.scripts.filter((s) => s.fromWorker).length;
      fromWorker = `${served} of ${second.scripts.length}`;
      await context.close();

      m.scriptKb.push(kb);
      m.formMs.push(first.ms);
      m.formSeenMs.push(first.seenMs);
      m.appFormMs.push(first.appMs);
      m.overviewMs.push(overviewMs);
      m.secondMs.push(second.ms);
      m.secondSeenMs.push(second.seenMs);
      m.secondAppMs.push(second.appMs);
      console.log(
        `round ${round}: ${kb.toFixed(0)} KB, form ${first.ms.toFixed(0)} ms (seen ${first.seenMs.toFixed(0)}, the ` +
          `app's ${first.appMs.toFixed(0)}), overview ${overviewMs.toFixed(0)} ms, second visit ` +
          `${second.ms.toFixed(0)} ms (seen ${second.seenMs.toFixed(0)}, the app's ` +
          `${second.appMs.toFixed(0)}; scripts from the worker: ${fromWorker})`,
      );
    }
    const mark = (value: number, goal: number) => (value <= goal ? '✓' : '✗');
    const s = (xs: number[]) => stats(xs).p50;
    out(
      `Sign-in page's JavaScript, brotli (goal ≤ ${GOALS.scriptKb} KB)`,
      `${s(m.scriptKb).toFixed(0)} KB ${mark(s(m.scriptKb), GOALS.scriptKb)}`,
    );
    out(
      `Sign-in form visible, first visit (goal ≤ ${GOALS.formMs / 1000} s)`,
      `${(s(m.formMs) / 1000).toFixed(2)} s ${mark(s(m.formMs), GOALS.formMs)}`,
    );
    out(`… seen by Playwright from outside, first visit`, `${(s(m.formSeenMs) / 1000).toFixed(2)} s`);
    out(`… the app's sign-in form in its place, first visit`, `${(s(m.appFormMs) / 1000).toFixed(2)} s`);
    out(
      `Leader's overview with figures, after signing in (goal ≤ ${GOALS.overviewMs / 1000} s)`,
      `${(s(m.overviewMs) / 1000).toFixed(2)} s ${mark(s(m.overviewMs), GOALS.overviewMs)}`,
    );
    out(
      `Sign-in form visible, second visit (goal ≤ ${GOALS.secondVisitMs / 1000} s)`,
      `${(s(m.secondMs) / 1000).toFixed(2)} s ${mark(s(m.secondMs), GOALS.secondVisitMs)}; scripts from the service worker: ${fromWorker}`,
    );
    out(`… seen by Playwright from outside, second visit`, `${(s(m.secondSeenMs) / 1000).toFixed(2)} s`);
    out(`… the app's sign-in form in its place, second visit`, `${(s(m.secondAppMs) / 1000).toFixed(2)} s`);
    const where = `embedded, Chromium ${browser.version()}, 1.6 Mbit/s down, 0.75 up, 150 ms RTT, CPU 4× slower, median of ${ROUNDS}`;
    if (process.argv.includes('--write')) {
      fs.appendFileSync(
        'bench/RESULTS.md',
        resultsHeading('Web app on 3G (npm run bench:web)', pgv, where) + rows.join('\n') + '\n',
      );
      console.log('Appended to bench/RESULTS.md');
    }
  } finally {
    await browser.close();
    await app.close();
  }
} finally {
  await bench.close();
}
