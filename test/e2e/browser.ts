import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { ensureWebBuilt } from '../../server/web-build.ts';
import { buildTestApp, call, type TestApp } from '../app.ts';
import { PASSWORD } from '../factories.ts';
import { PageChecks, trackRequests } from './page-checks.ts';

export const CHROMIUM = process.env.KHOI_CHROMIUM ?? '/usr/bin/chromium';

/** Browser journeys need Debian's Chromium. Without it they are skipped with a plain reason, except in CI,
 * where a missing browser is a failure (CI installs it). */
export const browserAvailable = fs.existsSync(CHROMIUM) || process.env.CI === 'true';
if (!browserAvailable) {
  console.warn(
    `[khoi tests] SKIPPED: browser journeys — ${CHROMIUM} not found (apt-get install chromium to run them).`,
  );
}

export const SCREENSHOTS = path.resolve('docs/images');
/** The docs' pictures are taken only when asked for (`npm run docs:screenshots`): a test run leaves the committed
 * files as they were. */
const TAKE_SCREENSHOTS = process.env.KHOI_DOCS_SCREENSHOTS === '1';

export type BrowserHarness = TestApp & {
  browser: Browser;
  baseUrl: string;
  newPage: (opts?: {
    width?: number;
    height?: number;
    lang?: string;
    /** The app's service worker is blocked, so every journey loads from the server; install.test.ts allows it. */
    serviceWorkers?: 'allow' | 'block';
  }) => Promise<Page>;
  /** Every page opened by newPage is checked (accessibility, narrow screens) on each route it reaches. */
  pageChecks: PageChecks;
};

/** The real app on its own database, listening on a free loopback port, and a headless Chromium. */
/** `start`: the server clock's start (default the test clock's); the browser's own clock is the real one. */
export async function startBrowserHarness(opts: { start?: string } = {}): Promise<BrowserHarness> {
  await ensureWebBuilt(() => undefined);
  const t = await buildTestApp({ serveWeb: true, start: opts.start });
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  const address = t.app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const pageChecks = new PageChecks();
  return {
    ...t,
    browser,
    baseUrl,
    pageChecks,
    newPage: async (opts = {}) => {
      const context = await browser.newContext({
        viewport: { width: opts.width ?? 1366, height: opts.height ?? 800 },
        locale: opts.lang ?? 'vi-VN',
        timezoneId: 'Asia/Ho_Chi_Minh',
        baseURL: baseUrl,
        serviceWorkers: opts.serviceWorkers ?? 'block',
      });
      await trackRequests(context);
      const page = await context.newPage();
      pageChecks.watch(page);
      // KHOI_E2E_CPU_SLOWDOWN=8 runs the page as on a machine eight times slower: a journey that only passes on a
      // fast machine (a click before the next page has rendered) fails here too.
      const slowdown = Number(process.env.KHOI_E2E_CPU_SLOWDOWN ?? 1);
      if (slowdown > 1)
        await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: slowdown });
      return page;
    },
  };
}

/** The harness of a journey file: started before its journeys, with `setup` (demo data…) run on it. A journey
 * that fails leaves its records behind (an account it made, half a programme), and CI runs a failed journey once
 * more: so after a failure the next journey, or that run again, starts on a new harness and database, as the first
 * run did. `start` is read each time a harness starts (the server clock's start). */
export function useBrowserHarness(
  setup: (h: BrowserHarness) => Promise<unknown> = () => Promise.resolve(undefined),
  opts: { start?: () => string; timeout?: number } = {},
): () => BrowserHarness {
  let h: BrowserHarness | null = null;
  let failed = false;
  const timeout = opts.timeout ?? 300_000;
  const start = async () => {
    h = await startBrowserHarness({ start: opts.start?.() });
    await setup(h);
  };
  beforeAll(start, timeout);
  beforeEach(async ({ onTestFailed }) => {
    if (failed) {
      failed = false;
      await stopBrowserHarness(h);
      h = null;
      await start();
    }
    onTestFailed(() => {
      failed = true;
    });
  }, timeout);
  // A journey fails when a page it reached has a fault people would meet (page-checks.ts).
  afterEach(async () => h?.pageChecks.flush(), timeout);
  afterAll(async () => stopBrowserHarness(h));
  return () => {
    if (!h) throw new Error('the browser harness has not started');
    return h;
  };
}

export async function stopBrowserHarness(h: BrowserHarness | null): Promise<void> {
  if (!h) return;
  await h.browser.close();
  await h.app.close();
  await h.db.drop();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  if (!TAKE_SCREENSHOTS) return;
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

/** Waits until drawers, modals and popups have finished moving (the 2-second fade of a button's click wave, which
 * moves nothing, does not count) (a click on a moving element misses, and a
 * screenshot of a half-faded drawer is useless). */
export async function settled(page: Page): Promise<void> {
  const { expect } = await import('vitest');
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          document
            .getAnimations()
            .filter(
              (a) =>
                a.effect?.getTiming().iterations !== Infinity &&
                a.playState === 'running' &&
                !((a.effect as KeyframeEffect | null)?.target as Element | null)?.classList.contains('ant-wave'),
            ).length,
      ),
    )
    .toBe(0);
}

/** Picks `option` in an antd select. While a dialog is still opening, a click can land on the moving dialog and
 * close the list again, and on a busy machine a click on an option can be lost while the page renders an answer, so
 * the pick is retried (a few times, never waiting blindly) until the field shows it. */
export async function chooseOption(page: Page, field: Locator, option: string): Promise<void> {
  const { expect } = await import('vitest');
  const item = page.locator('.ant-select-item-option').filter({ hasText: new RegExp(`^${option}$`) });
  // The select shows its value as the title of its content, beside the search input (antd 6).
  const shown = () =>
    field.evaluate(
      (input) => input.closest('.ant-select')?.querySelector('.ant-select-content')?.getAttribute('title') ?? null,
    );
  for (let attempt = 1; ; attempt++) {
    try {
      if (!(await item.first().isVisible())) await field.click({ timeout: 5000 });
      await item.first().click({ timeout: 5000 });
      await expect.poll(shown, { timeout: 5000 }).toBe(option);
      return;
    } catch (err) {
      if (attempt >= 5) throw err;
    }
  }
}

/** Opens a dropdown menu with `trigger` and picks its item `name`, until `done` holds. The menu zooms in and is
 * aligned to its trigger as it opens; on a busy machine a click on it can land beside the item while it moves, close
 * the menu and do nothing (the CI run of 2026-12-03 signed out that way: the page stayed put for 20 s). So the menu is
 * let settle before the click, and a pick after which the menu has closed without `done` is made again, at most
 * twice. Only for items that may be picked twice (a language, signing out). */
export async function chooseInMenu(
  page: Page,
  trigger: Locator,
  name: string,
  done: () => boolean | Promise<boolean>,
): Promise<void> {
  const { expect } = await import('vitest');
  const item = page.getByRole('menuitem', { name, exact: true });
  for (let attempt = 1; attempt <= 3; attempt++) {
    if (attempt > 1 && (await done())) return;
    // A menu still fading out after a lost pick counts as closed only once it has gone.
    if (attempt > 1) await settled(page);
    if (!(await item.isVisible())) await trigger.click();
    await item.waitFor();
    await settled(page);
    await item.click();
    // The last pick gets the whole poll time of the run; the ones before it five seconds each.
    if (attempt === 3) await expect.poll(done).toBe(true);
    else if (
      await expect
        .poll(done, { timeout: 5000 })
        .toBe(true)
        .then(
          () => true,
          () => false,
        )
    )
      return;
  }
}

/** Opens a confirmation dialog with `opener` and submits it with its `submit` button (submitDialog). */
export async function confirmInDialog(page: Page, opener: Locator, submit: string): Promise<void> {
  await opener.click();
  const dialog = page.getByRole('dialog').filter({ has: page.getByRole('button', { name: submit, exact: true }) });
  await dialog.waitFor();
  await submitDialog(page, dialog, submit);
}

/** Submits an open dialog or drawer with its `submit` button, then waits for what a person sees next: the dialog
 * gone, or why it stayed. Antd fades a closing dialog (and slides a drawer) out, and playwright counts it visible
 * until the motion has ended and it is hidden; so a dialog that is leaving is "closing" (never "open", never clicked
 * again) and the helper waits until it has gone. A click on a dialog that is still zooming in can miss on a busy
 * machine, so the dialog is let settle first, and a click after which nothing happened (the dialog open and still,
 * no error, nothing sending) is made again, at most twice; a change still sending is waited for. An error in the
 * dialog (an error or warning alert: a refused change, a stale version; a field's error) fails the journey with its
 * text; an info alert (a note the dialog always shows) does not. */
export async function submitDialog(page: Page, dialog: Locator, submit: string): Promise<void> {
  const { expect } = await import('vitest');
  await settled(page);
  const button = dialog.getByRole('button', { name: submit, exact: true });
  const alerts = dialog.locator('.ant-alert-error, .ant-alert-warning').filter({ visible: true });
  const invalid = dialog.locator('.ant-form-item-explain-error').filter({ visible: true });
  // In the page: whether the dialog is inside an antd motion taking it away (rc-motion's `…-leave` classes, on a
  // modal's panel or a drawer's content wrapper). evaluateAll, unlike evaluate, does not wait for a dialog now gone.
  const leaving = (nodes: Element[]) =>
    nodes.some((node) => {
      for (let el: Element | null = node; el; el = el.parentElement)
        if ([...el.classList].some((name) => /-leave(-prepare|-start|-active)?$/.test(name))) return true;
      return false;
    });
  const outcome = async () => {
    if (!(await dialog.isVisible())) return 'closed';
    if (await dialog.evaluateAll(leaving)) return 'closing';
    if (await alerts.count()) return `alert: ${(await alerts.allTextContents()).join('; ')}`;
    if (await invalid.count()) return `invalid: ${(await invalid.allTextContents()).join('; ')}`;
    // By its class, not through `button`: a sending button's name gains its spinner's label.
    return (await dialog.locator('.ant-btn-loading').count()) ? 'sending' : 'open';
  };
  for (let attempt = 1; ; attempt++) {
    await button.click();
    try {
      await expect.poll(outcome, { timeout: 5000 }).not.toBe('open');
      break;
    } catch (err) {
      if (attempt >= 3) throw err;
    }
  }
  // Sending, closing, or open for a moment between the answer and the fade: wait until it has gone or says why not.
  try {
    await expect.poll(outcome).toMatch(/^(closed|alert|invalid)/);
  } catch {
    // Reported below with what the dialog shows now.
  }
  const result = await outcome();
  if (result !== 'closed') throw new Error(`The dialog "${submit}" did not close: ${result}`);
}

/** Fills in and sends the sign-in form (the password: the test accounts' one unless given); does not wait for what
 * follows, so a journey can expect a refusal as well as the app. */
export async function fillSignIn(
  page: Page,
  login: string,
  password: string = PASSWORD,
  at = '/dang-nhap',
): Promise<void> {
  await page.goto(at);
  await page.getByLabel('Tên đăng nhập, số điện thoại hoặc email').fill(login);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

/** Signs in through the form and waits for the signed-in app (its account menu). */
export async function signIn(page: Page, login: string, password: string = PASSWORD): Promise<void> {
  await fillSignIn(page, login, password);
  await page.getByTestId('account-menu').waitFor();
}

/** Signs in and lands on `target` (the sign-in page's `next`), so that no other page is passed through. */
export async function signInTo(page: Page, login: string, target: string): Promise<void> {
  await fillSignIn(page, login, PASSWORD, `/dang-nhap?next=${encodeURIComponent(target)}`);
  await page.getByTestId('account-menu').waitFor();
}

/** A set-up call through the API that must succeed: its JSON, or an error naming the call and the answer. */
export async function apiOk<T>(h: Pick<TestApp, 'app'>, c: Parameters<typeof call>[1]): Promise<T> {
  const res = await call(h.app, c);
  if (res.statusCode >= 300) throw new Error(`${c.method ?? 'GET'} ${c.url}: ${res.statusCode} ${res.body}`);
  return res.json<T>();
}
