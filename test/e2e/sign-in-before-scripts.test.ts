import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildAccount, PASSWORD } from '../factories.ts';
import { browserAvailable, chooseInMenu, useBrowserHarness } from './browser.ts';

const LOGIN = 'Tên đăng nhập, số điện thoại hoặc email';
/** The element web/first-sign-in.js draws the form in. */
const DRAWN = '#first-sign-in-page';

/** Holds back the app's first script (index.html's module, named index-<hash>.js) until the returned function is
 * called: a phone still loading it. */
async function holdAppScript(page: Page): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/index-[^/]+\.js$/, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

/** Notes in the page whether the drawn form ever appeared. */
async function watchDrawnForm(page: Page): Promise<() => Promise<boolean>> {
  await page.addInitScript(`
    new MutationObserver(() => {
      if (document.getElementById('first-sign-in-page')) window.khoiDrawn = true;
    }).observe(document, { childList: true, subtree: true });
  `);
  return () => page.evaluate(() => (window as unknown as { khoiDrawn?: boolean }).khoiDrawn === true);
}

describe.skipIf(!browserAvailable)('browser journey: the sign-in form before the app has loaded', () => {
  const harness = useBrowserHarness((h) =>
    buildAccount(h.ctx, { username: 'le.thi.hoa', displayName: 'Lê Thị Hoa', isAdmin: true }),
  );

  it('is there before the scripts; what the person typed, the focus and the caret stay when the app takes over', async () => {
    const page = await harness().newPage();
    const release = await holdAppScript(page);
    // Not until the page's load: that waits for the script held back.
    await page.goto('/', { waitUntil: 'commit' });
    await page.locator(DRAWN).getByLabel(LOGIN).waitFor();
    // "/" without a session is the sign-in page, as the app would have made it.
    expect(new URL(page.url()).pathname).toBe('/dang-nhap');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('login');

    await page.keyboard.type('le.thi.hoa');
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Home');
    await page.getByRole('button', { name: 'Hiện mật khẩu' }).click();
    release();

    await page.locator(DRAWN).waitFor({ state: 'detached' });
    await expect(page.getByLabel(LOGIN).inputValue()).resolves.toBe('le.thi.hoa');
    const password = page.getByLabel('Mật khẩu', { exact: true });
    await expect(password.inputValue()).resolves.toBe(PASSWORD);
    // Shown, as the person asked, with the focus and the caret where they were.
    await expect(password.getAttribute('type')).resolves.toBe('text');
    await expect(page.getByRole('button', { name: 'Hiện mật khẩu' }).getAttribute('aria-pressed')).resolves.toBe(
      'true',
    );
    expect(
      await page.evaluate(() => {
        const active = document.activeElement as HTMLInputElement;
        return [active.id, active.selectionStart];
      }),
    ).toEqual(['password', 0]);

    await page.keyboard.press('Enter');
    await page.getByTestId('account-menu').waitFor();
  }, 120_000);

  it('a form sent before the app has loaded signs in once it has; with a session it is not drawn, after signing out it is', async () => {
    const page = await harness().newPage();
    const drawn = await watchDrawnForm(page);
    const release = await holdAppScript(page);
    await page.goto('/dang-nhap?next=%2Ftai-khoan-cua-toi', { waitUntil: 'commit' });
    const form = page.locator(DRAWN);
    await form.getByLabel(LOGIN).fill('le.thi.hoa');
    await form.getByLabel('Mật khẩu', { exact: true }).fill(PASSWORD);
    await form.getByLabel('Mật khẩu', { exact: true }).press('Enter');
    // Not sent by the browser itself: the password never goes into the address.
    expect(page.url()).not.toContain(PASSWORD);
    release();
    // The app sends it, and goes where the sign-in page was asked to return to.
    await expect.poll(() => new URL(page.url()).pathname, { timeout: 30_000 }).toBe('/tai-khoan-cua-toi');
    await page.getByTestId('account-menu').waitFor();
    expect(await drawn()).toBe(true);

    // Signed in: opening the app again draws no sign-in form before it.
    await page.unrouteAll();
    await page.goto('/');
    await page.getByTestId('account-menu').waitFor();
    expect(await drawn()).toBe(false);

    await chooseInMenu(page, page.getByTestId('account-menu'), 'Đăng xuất', () => page.url().includes('/dang-nhap'));
    await page.goto('/');
    await page.getByLabel(LOGIN).waitFor();
    expect(await drawn()).toBe(true);
  }, 120_000);
});
