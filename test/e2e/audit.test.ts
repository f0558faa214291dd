import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../server/features/demo/demo.seed.ts';
import { call, signIn } from '../app.ts';
import { buildAccount, PASSWORD } from '../factories.ts';
import { browserAvailable, chooseOption, fillSignIn, screenshot, settled, useBrowserHarness } from './browser.ts';

/** Picks an option of one of the log's filter selects by its visible label. */
async function pickOption(page: Page, selectLabel: string, option: string) {
  await chooseOption(page, page.getByRole('combobox', { name: selectLabel, exact: true }), option);
}

describe.skipIf(!browserAvailable)('browser journey: the audit log', () => {
  const harness = useBrowserHarness();

  it('an admin finds a failed sign-in and sees what an edit of an account changed, field by field', async () => {
    const { ctx, app, newPage } = harness();
    const admin = await buildAccount(ctx, { username: 'vu.quan.tri', displayName: 'Vũ Quản Trị', isAdmin: true });
    const edited = await buildAccount(ctx, { username: 'dao.van.ban', displayName: 'Đào Văn Bản' });
    const page = await newPage({ width: 1366, height: 900 });

    // A wrong password first: it is refused and logged.
    await fillSignIn(page, 'vu.quan.tri', 'khong-dung-mat-khau');
    await page.getByRole('alert').filter({ hasText: 'Tên đăng nhập hoặc mật khẩu không đúng.' }).waitFor();
    await page.getByLabel('Mật khẩu', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByTestId('account-menu').waitFor();

    // An edit through the API, as an integrator would make it.
    const session = await signIn(app, admin.username, PASSWORD);
    const saved = await call(app, {
      method: 'PATCH',
      url: `/api/accounts/${edited.id}`,
      session,
      body: { version: edited.version, displayName: 'Đào Văn Bảo', email: null, phone: null, isAdmin: false },
    });
    expect(saved.statusCode).toBe(200);

    // Quản trị › Nhật ký, only the failed sign-ins.
    await page.getByRole('menuitem', { name: 'Nhật ký', exact: true }).click();
    await expect.poll(() => page.url()).toContain('/quan-tri/nhat-ky');
    await pickOption(page, 'Thao tác', 'Đăng nhập sai');
    await expect.poll(() => page.url()).toContain('action=sign_in_failed');
    const rows = page.locator('.ant-table-tbody > .ant-table-row');
    await expect.poll(() => rows.count()).toBe(1);
    await expect.poll(() => rows.first().textContent()).toContain('Đăng nhập sai');
    await expect.poll(() => rows.first().textContent()).toContain('Tài khoản');

    // The edit of the account: its record, the "Sửa" entries; expanding shows before and after.
    await pickOption(page, 'Thao tác', 'Sửa');
    await expect.poll(() => page.url()).toContain('action=update');
    await page.getByRole('searchbox', { name: 'Mã bản ghi' }).fill(edited.id);
    await page.getByRole('searchbox', { name: 'Mã bản ghi' }).press('Enter');
    await expect.poll(() => page.url()).toContain(`record=${edited.id}`);
    await expect.poll(() => page.url()).toContain('action=update');
    // The table keeps showing the last answer while the next loads (the failed sign-in, one row by Vũ Quản Trị too):
    // wait for the edit itself and for the loading to end, or the row expanded is the one being replaced.
    await expect.poll(() => page.locator('.ant-table-wrapper .ant-spin-spinning').count()).toBe(0);
    await expect.poll(() => rows.count()).toBe(1);
    await expect.poll(() => rows.first().textContent()).toContain('Sửa');
    await expect.poll(() => rows.first().textContent()).toContain('Vũ Quản Trị');
    await rows
      .first()
      .getByRole('button', { name: /Mở rộng|Expand/ })
      .click();
    const change = page.locator('.audit-changes .ant-table-row').filter({ hasText: 'display_name' });
    await expect.poll(() => change.count()).toBe(1);
    await expect.poll(() => change.locator('.audit-before').textContent()).toBe('Đào Văn Bản');
    await expect.poll(() => change.locator('.audit-after').textContent()).toBe('Đào Văn Bảo');
    // The filters stay in the address: a reload shows the same line.
    await page.reload();
    await expect.poll(() => rows.count()).toBe(1);
    await rows
      .first()
      .getByRole('button', { name: /Mở rộng|Expand/ })
      .click();
    await expect.poll(() => change.count()).toBe(1);
    await settled(page);
    await screenshot(page, 'nhat-ky');
  }, 240_000);

  it("on a person's card an admin sees its change history and sets a photo, shrunk in the browser, then removes it", async () => {
    const { ctx, app, newPage } = harness();
    const admin = await buildAccount(ctx, { isAdmin: true });
    const session = await signIn(app, admin.username, PASSWORD);
    const created = await call(app, {
      method: 'POST',
      url: '/api/people',
      session,
      body: { fullName: 'Hoàng Thị Ảnh' },
    });
    expect(created.statusCode).toBe(201);
    const person = created.json<{ id: string; version: number }>();
    await call(app, {
      method: 'PATCH',
      url: `/api/people/${person.id}`,
      session,
      body: { version: person.version, fullName: 'Hoàng Thị Ánh' },
    });

    const page = await newPage({ width: 1366, height: 900 });
    await fillSignIn(page, admin.username, PASSWORD);
    await page.getByTestId('account-menu').waitFor();
    await page.goto(`/danh-muc/can-bo/${person.id}`);
    await expect.poll(() => page.locator('#person-card-title').textContent()).toBe('Hoàng Thị Ánh');

    // Lịch sử thay đổi, newest first: this view of her personal data, the rename, the creation.
    await page.getByRole('button', { name: 'Lịch sử thay đổi' }).click();
    const entries = page.locator('.record-history .record-history-item');
    await expect.poll(() => entries.count()).toBe(3);
    await expect.poll(() => entries.nth(0).textContent()).toContain('Xem thông tin cá nhân');
    await expect.poll(() => entries.nth(1).textContent()).toContain('Sửa');
    await expect.poll(() => entries.nth(2).textContent()).toContain('Tạo mới');

    // A 1600 × 1000 photo is sent as 800 × 500.
    const png = await page.evaluate(() => {
      const canvas = document.createElement('canvas');
      canvas.width = 1600;
      canvas.height = 1000;
      const c = canvas.getContext('2d')!;
      c.fillStyle = '#a61d24';
      c.fillRect(0, 0, 1600, 1000);
      return canvas.toDataURL('image/png').split(',')[1]!;
    });
    await page
      .locator('.person-photo input[type=file]')
      .setInputFiles({ name: 'anh.png', mimeType: 'image/png', buffer: Buffer.from(png, 'base64') });
    await expect.poll(() => page.getByText('Đã lưu ảnh của "Hoàng Thị Ánh".').isVisible()).toBe(true);
    const img = page.locator('.person-photo-img');
    await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(800);

    // A file of another kind is refused beside the button.
    await page
      .locator('.person-photo input[type=file]')
      .setInputFiles({ name: 'ghi-chu.txt', mimeType: 'text/plain', buffer: Buffer.from('không phải ảnh') });
    await expect
      .poll(() => page.locator('.person-photo-error').textContent())
      .toContain('Chỉ nhận ảnh JPG, PNG hoặc WebP.');

    await page.locator('.person-photo').getByRole('button', { name: 'Xóa ảnh' }).click();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: 'Xóa ảnh' }).click();
    await expect.poll(() => page.getByText('Đã xóa ảnh của "Hoàng Thị Ánh".').isVisible()).toBe(true);
    await expect.poll(() => img.count()).toBe(0);
    await expect.poll(() => page.locator('.person-photo-avatar').textContent()).toBe('Á');
  }, 240_000);

  it('an admin sets how long the personal details of deleted people are kept', async () => {
    const { ctx, newPage } = harness();
    await buildAccount(ctx, { username: 'ha.quan.tri', displayName: 'Hà Quản Trị', isAdmin: true });
    const page = await newPage({ width: 1366, height: 900 });
    await fillSignIn(page, 'ha.quan.tri', PASSWORD);
    await page.getByTestId('account-menu').waitFor();
    await page.getByRole('menuitem', { name: 'Lưu giữ dữ liệu' }).click();
    await page.getByRole('heading', { name: 'Lưu giữ dữ liệu cá nhân' }).waitFor();
    const period = page.getByLabel('Thời hạn lưu giữ: Thông tin cá nhân của cán bộ đã xóa khỏi danh mục');
    await expect.poll(() => period.inputValue()).toBe('24');
    await period.fill('60');
    await page
      .getByRole('row')
      .filter({ hasText: 'Thông tin cá nhân của cán bộ đã xóa khỏi danh mục' })
      .getByRole('button', { name: 'Lưu' })
      .click();
    await expect
      .poll(() =>
        page.getByText('Đã lưu thời hạn cho «Thông tin cá nhân của cán bộ đã xóa khỏi danh mục».').isVisible(),
      )
      .toBe(true);
    const rule = await ctx.db
      .selectFrom('retention_rules')
      .select('months')
      .where('kind', '=', 'deleted_person')
      .executeTakeFirstOrThrow();
    expect(rule.months).toBe(60);
    await settled(page);
    await screenshot(page, 'luu-giu-du-lieu');
  }, 120_000);

  it('the log names records as people call them, and on a 360 px phone each entry is a card, readable without sideways scroll', async () => {
    const { ctx, newPage } = harness();
    await seedDemo(ctx, { accountId: null, label: 'test' });
    await buildAccount(ctx, { username: 'le.quan.tri', displayName: 'Lê Quản Trị', isAdmin: true });
    const page = await newPage({ width: 1366, height: 900 });
    await fillSignIn(page, 'le.quan.tri', PASSWORD);
    await page.getByTestId('account-menu').waitFor();

    // The tasks' entries: each names its task by its number and title, not by an id.
    await page.getByRole('menuitem', { name: 'Nhật ký', exact: true }).click();
    await pickOption(page, 'Loại bản ghi', 'Nhiệm vụ');
    await expect.poll(() => page.url()).toContain('table=tasks');
    const rows = page.locator('.ant-table-tbody > .ant-table-row');
    await expect.poll(() => page.locator('.ant-table-wrapper .ant-spin-spinning').count()).toBe(0);
    await expect.poll(() => rows.first().textContent()).toMatch(/Nhiệm vụ số \d+ — \S/);
    // The accounts' entries: the demo officer by its login and name.
    await pickOption(page, 'Loại bản ghi', 'Tài khoản');
    await expect.poll(() => page.url()).toContain('table=accounts');
    await expect.poll(() => rows.filter({ hasText: 'Tài khoản canbo (Vũ Thị Lan)' }).count()).toBeGreaterThan(0);

    // On a phone: cards with the action and the record's name, when and who; the change one tap away.
    const phone = await newPage({ width: 360, height: 740 });
    await fillSignIn(phone, 'le.quan.tri', PASSWORD);
    await phone.getByTestId('account-menu').waitFor();
    await phone.goto('/quan-tri/nhat-ky?table=tasks&action=update');
    const cards = phone.getByRole('list', { name: 'Nhật ký' }).getByRole('listitem');
    await expect.poll(() => cards.count()).toBeGreaterThan(0);
    const card = cards.first();
    await expect.poll(() => card.textContent()).toMatch(/^Sửa\s*Nhiệm vụ số \d+ — /);
    await expect.poll(() => card.textContent()).toMatch(/Thời gian\d{2}\/\d{2}\/\d{4}.*Người thực hiện/);
    await card.getByRole('button', { name: 'Chi tiết' }).click();
    // A phone has no pointer resting on the button (a mouse would leave it in its hover colour).
    await phone.mouse.move(0, 300);
    const change = card.locator('.audit-change').first();
    await expect.poll(() => change.textContent()).toMatch(/Trước: .+Sau: /);
    // Nothing wider than the screen: neither the page nor a card.
    const widths = await phone.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      screen: window.innerWidth,
      wider: [...document.querySelectorAll('ul[aria-label="Nhật ký"] > li, .ant-table-content')].filter(
        (el) => el.scrollWidth > el.clientWidth + 1,
      ).length,
    }));
    expect(widths).toEqual({ page: 360, screen: 360, wider: 0 });
    await settled(phone);
    await screenshot(phone, 'nhat-ky-dien-thoai');
  }, 240_000);
});
