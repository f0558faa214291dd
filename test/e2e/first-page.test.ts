import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../server/features/demo/demo.seed.ts';
import { PASSWORD } from '../factories.ts';
import { browserAvailable, chooseInMenu, signIn, useBrowserHarness } from './browser.ts';

/** Signs in and waits for the first page: its heading, and its address. */
async function firstPage(page: Page, login: string, heading: string, path: string) {
  await signIn(page, login);
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
  await expect.poll(() => new URL(page.url()).pathname).toBe(path);
}

/** Opens the programmes page and waits until the server has said whether this person may create a programme. */
async function openProgrammes(page: Page) {
  const permissions = page.waitForResponse((r) => r.url().endsWith('/api/work/permissions'));
  await page.getByRole('menuitem', { name: 'Chương trình công tác' }).click();
  await page.getByRole('heading', { name: 'Chương trình công tác', level: 1 }).waitFor();
  await permissions;
  await page
    .getByText(/chương trình năm/)
    .first()
    .waitFor();
}

describe.skipIf(!browserAvailable)('browser journeys: the first page', () => {
  const harness = useBrowserHarness(
    (h) => seedDemo(h.ctx, { accountId: null, label: 'test' }, { password: PASSWORD }),
    { start: () => new Date().toISOString() },
  );

  it('officers and a village reporter start on my work, a leader on the overview; create and import only for those the server lets', async () => {
    const officer = await harness().newPage({ width: 1366, height: 900 });
    await firstPage(officer, 'canbo@khoi.local', 'Việc của tôi', '/viec-cua-toi');

    const leader = await harness().newPage({ width: 1366, height: 900 });
    await firstPage(leader, 'mongcai@khoi.local', 'Tổng quan', '/tong-quan');
    // The leader manages the ward's work: the programmes page offers creating and importing.
    await openProgrammes(leader);
    await leader.getByRole('button', { name: 'Tạo chương trình' }).first().waitFor();
    await leader.getByRole('button', { name: 'Nhập từ Excel' }).waitFor();

    // The village reporter reports on tasks only: no programme to create or import, on a phone either.
    const reporter = await harness().newPage({ width: 360, height: 760 });
    await firstPage(reporter, 'baocao@khoi.local', 'Việc của tôi', '/viec-cua-toi');
    await reporter.getByRole('button', { name: 'Mở menu' }).click();
    await openProgrammes(reporter);
    expect(await reporter.getByRole('button', { name: 'Tạo chương trình' }).count()).toBe(0);
    expect(await reporter.getByRole('button', { name: 'Nhập từ Excel' }).count()).toBe(0);
  }, 180_000);

  it("while the first page's code is on its way after signing in, the shell says it is loading, never an empty page", async () => {
    const page = await harness().newPage({ width: 1366, height: 900 });
    // The overview's code is held back (a slow connection), from before the sign-in form preloads it.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/assets\/OverviewPage[^/]*\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await signIn(page, 'mongcai@khoi.local');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/tong-quan');
    await page.locator('#main-content [aria-busy="true"]').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(0);
    release();
    await page.getByRole('heading', { name: 'Tổng quan', level: 1 }).waitFor();
  }, 180_000);

  it('an administrator returns to the page last open after signing out and in; a page gone falls back to the overview', async () => {
    const page = await harness().newPage({ width: 1366, height: 900 });
    await firstPage(page, 'admin@khoi.local', 'Tổng quan', '/tong-quan');
    await page.getByRole('menuitem', { name: 'Nhật ký', exact: true }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/quan-tri/nhat-ky');
    await page.getByRole('heading', { name: 'Nhật ký', level: 1 }).waitFor();

    await chooseInMenu(page, page.getByTestId('account-menu'), 'Đăng xuất', () => page.url().includes('/dang-nhap'));
    await firstPage(page, 'admin@khoi.local', 'Nhật ký', '/quan-tri/nhat-ky');

    // A remembered address the menu no longer has opens the administrator's home.
    const admin = await harness()
      .ctx.db.selectFrom('accounts')
      .select('id')
      .where('username', '=', 'admin')
      .executeTakeFirstOrThrow();
    await page.evaluate((key) => localStorage.setItem(key, '/trang-da-bo'), `khoi.lastPage.${admin.id}`);
    await page.goto('/');
    await page.getByRole('heading', { name: 'Tổng quan', level: 1 }).waitFor();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/tong-quan');
  }, 180_000);
});
