import { describe, expect, it } from 'vitest';
import { buildAccount, PASSWORD } from '../factories.ts';
import { browserAvailable, chooseInMenu, screenshot, useBrowserHarness } from './browser.ts';

describe.skipIf(!browserAvailable)('browser journey: sign in, switch language, sign out', () => {
  const harness = useBrowserHarness();

  it('a person signs in in Vietnamese, switches to English (remembered for the account) and signs out', async () => {
    const { ctx, newPage } = harness();
    await buildAccount(ctx, {
      username: 'pham.thi.lan',
      displayName: 'Phạm Thị Lan',
      email: 'lan@mongcai.vn',
      isAdmin: true,
    });
    const page = await newPage();

    await page.goto('/');
    await expect.poll(() => page.url()).toContain('/dang-nhap');
    await expect.poll(() => page.getByRole('heading', { name: 'Đăng nhập' }).isVisible()).toBe(true);
    await screenshot(page, 'dang-nhap');

    await page.getByLabel('Tên đăng nhập, số điện thoại hoặc email').fill('lan@mongcai.vn');
    await page.getByLabel('Mật khẩu', { exact: true }).fill('sai-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect.poll(() => page.getByText('Tên đăng nhập hoặc mật khẩu không đúng.').isVisible()).toBe(true);

    await page.getByLabel('Mật khẩu', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Mật khẩu', { exact: true }).press('Enter');
    await page.getByTestId('account-menu').waitFor();
    await expect.poll(() => page.getByTestId('account-menu').textContent()).toContain('Phạm Thị Lan');
    await expect
      .poll(() =>
        page
          .getByRole('menuitem', { name: /Tài khoản của tôi/ })
          .first()
          .isVisible(),
      )
      .toBe(true);
    // "/" opens the administrator's home: the overview.
    await page.getByRole('heading', { name: 'Tổng quan', level: 1 }).waitFor();

    await chooseInMenu(page, page.getByTestId('account-menu'), 'English', () =>
      page
        .getByRole('menuitem', { name: /My account/ })
        .first()
        .isVisible(),
    );
    // The page turns English at once and saves the choice after, with nothing to show for it: the account is asked
    // until it has it.
    const locale = async () =>
      (
        await ctx.db
          .selectFrom('accounts')
          .select('locale')
          .where('username', '=', 'pham.thi.lan')
          .executeTakeFirstOrThrow()
      ).locale;
    await expect.poll(locale).toBe('en');

    // Another browser, signed in as the same person, opens in English.
    const other = await newPage({ lang: 'vi-VN' });
    await other.goto('/dang-nhap');
    await other.getByLabel('Tên đăng nhập, số điện thoại hoặc email').fill('pham.thi.lan');
    await other.getByLabel('Mật khẩu', { exact: true }).fill(PASSWORD);
    await other.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect
      .poll(() =>
        other
          .getByRole('menuitem', { name: /My account/ })
          .first()
          .isVisible(),
      )
      .toBe(true);

    await chooseInMenu(page, page.getByTestId('account-menu'), 'Sign out', () => page.url().includes('/dang-nhap'));
    await page.goto('/tai-khoan-cua-toi');
    await expect.poll(() => page.url()).toContain('/dang-nhap');
  }, 120_000);
});
