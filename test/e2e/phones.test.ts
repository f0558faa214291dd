import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../server/features/demo/demo.seed.ts';
import { buildAccount, PASSWORD } from '../factories.ts';
import { browserAvailable, fillSignIn, screenshot, settled, useBrowserHarness } from './browser.ts';
import { checkPage } from './page-checks.ts';

const WIDTH = 360;

/** The list of a page (its rows as cards on a phone) once shown, and its card holding `text`. */
async function cardOf(page: Page, list: string, text: string | RegExp): Promise<Locator> {
  const cards = page.getByRole('list', { name: list, exact: true });
  await cards.waitFor();
  const card = cards.getByRole('listitem').filter({ hasText: text }).first();
  await card.waitFor();
  return card;
}

/** The element is on screen, not past the phone's right edge (where it would take a sideways scroll to reach). */
async function expectOnScreen(element: Locator) {
  await element.waitFor();
  const box = await element.boundingBox();
  expect(box).not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(WIDTH);
}

/** Neither the page nor a table in it scrolls sideways now: a drawer opened on a list's route is checked here, since
 * the checks of every journey judge each route once, and the list had been judged before it opened. */
async function expectNothingSideways(page: Page) {
  const { findings } = await checkPage(page);
  expect(findings.filter((f) => f.rule.startsWith('narrow-'))).toEqual([]);
}

/** Opens the card's "Chi tiết" and waits for what it was hiding. */
async function openDetails(card: Locator, label: string) {
  const more = card.getByRole('button', { name: 'Chi tiết' });
  await expectOnScreen(more);
  await more.click();
  await expect.poll(() => card.getByRole('button', { name: 'Thu gọn' }).getAttribute('aria-expanded')).toBe('true');
  await expectOnScreen(card.getByText(label, { exact: true }));
}

describe.skipIf(!browserAvailable)('browser journey: the catalogues and the administration on a phone', () => {
  const harness = useBrowserHarness((h) => seedDemo(h.ctx, { accountId: null, label: 'test' }));

  it('an administrator at 360 px reads each list as cards, with the columns a phone hides one tap away, and acts from a card', async () => {
    const { ctx, newPage } = harness();
    await buildAccount(ctx, { username: 'quan.tri.dt', displayName: 'Quản Trị Điện Thoại', isAdmin: true });
    const page = await newPage({ width: WIDTH, height: 740 });
    await fillSignIn(page, 'quan.tri.dt', PASSWORD);
    await page.getByTestId('account-menu').waitFor();

    // Tổ chức: the card says what is in force and since when; the short name and the parent are behind "Chi tiết";
    // "Sửa" is on the card and opens the form.
    await page.goto('/danh-muc/to-chuc');
    const body = await cardOf(page, 'Tổ chức', 'Ủy ban MTTQ Phường Móng Cái 1');
    await expectOnScreen(body.getByText('Hiệu lực', { exact: true }));
    await expect.poll(() => body.getByText('Tên viết tắt', { exact: true }).count()).toBe(0);
    await openDetails(body, 'Cấp trên trong ngành dọc');
    await expectOnScreen(body.getByText('Tên viết tắt', { exact: true }));
    const edit = body.getByRole('button', { name: 'Sửa' });
    await expectOnScreen(edit);
    await edit.click();
    const form = page.getByRole('dialog').filter({ has: page.getByRole('button', { name: 'Lưu', exact: true }) });
    await form.waitFor();
    await expect.poll(() => form.getByLabel('Tên tổ chức', { exact: true }).inputValue()).toContain('Móng Cái 1');
    await settled(page);
    await form.getByRole('button', { name: 'Hủy' }).click();
    await expect.poll(() => form.isVisible()).toBe(false);
    // Its card: who holds a position there, one card each.
    await body.getByRole('button', { name: 'Ủy ban MTTQ Phường Móng Cái 1', exact: true }).click();
    await expect.poll(() => page.locator('#body-card-title').textContent()).toBe('Ủy ban MTTQ Phường Móng Cái 1');
    const holders = page.getByRole('list', { name: /^Người giữ chức vụ ngày/ });
    await holders.getByRole('listitem').first().waitFor();
    await expectOnScreen(holders.getByText('Chức vụ', { exact: true }).first());
    await settled(page);
    await expectNothingSideways(page);
    await page.locator('.body-drawer .ant-drawer-close').click();
    await expect.poll(() => page.locator('.body-drawer .ant-drawer-content').isVisible()).toBe(false);

    // Tài khoản: the e-mail is behind "Chi tiết"; "Vai trò" opens the account's roles.
    await page.goto('/quan-tri/tai-khoan');
    const account = await cardOf(page, 'Tài khoản', /^baocao/);
    await screenshot(page, 'tai-khoan-360');
    await expectOnScreen(account.getByText('Đăng nhập lần cuối', { exact: true }));
    await openDetails(account, 'Email');
    const roles = account.getByRole('button', { name: 'Vai trò' });
    await expectOnScreen(roles);
    await roles.click();
    const drawer = page.getByRole('dialog', { name: /^Vai trò của .*\(baocao\)/ });
    await drawer.waitFor();
    await expect.poll(() => drawer.getByRole('button', { name: 'Thêm vai trò' }).isVisible()).toBe(true);
    const role = drawer.getByRole('list', { name: 'Danh sách vai trò' }).getByRole('listitem').first();
    await expectOnScreen(role.getByText('Đơn vị', { exact: true }));
    await expectOnScreen(role.getByRole('button', { name: 'Xóa' }));
    await settled(page);
    await expectNothingSideways(page);
    await page.keyboard.press('Escape');
    await expect.poll(() => drawer.isVisible()).toBe(false);

    // Cán bộ: the name on the card opens the person's page.
    await page.goto('/danh-muc/can-bo');
    const person = await cardOf(page, 'Cán bộ', 'Nguyễn Văn Định');
    await expectOnScreen(person.getByText('Chức vụ', { exact: true }));
    await person.getByRole('link', { name: 'Nguyễn Văn Định' }).click();
    await expect.poll(() => page.locator('#person-card-title').textContent()).toBe('Nguyễn Văn Định');
    // The positions held, one card each, with their buttons.
    const position = page.getByRole('list', { name: 'Quá trình công tác' }).getByRole('listitem').first();
    await expectOnScreen(position.getByText('Từ ngày', { exact: true }));
    await expectOnScreen(position.getByRole('button', { name: 'Sửa' }));
    await settled(page);
    await expectNothingSideways(page);
    await page.locator('.person-drawer .ant-drawer-close').click();
    await expect.poll(() => page.locator('.person-drawer .ant-drawer-content').isVisible()).toBe(false);

    // Họp giao ban: the chair is behind "Chi tiết"; the title opens the briefing.
    await page.goto('/giao-ban');
    const briefing = await cardOf(page, 'Họp giao ban', /Giao ban công tác tháng/);
    await expectOnScreen(briefing.getByText('Ngày họp', { exact: true }));
    await openDetails(briefing, 'Chủ trì cuộc họp');
    await expectOnScreen(briefing.getByText('Nguyễn Văn Định', { exact: true }));
    await briefing.getByRole('link', { name: /Giao ban công tác tháng/ }).click();
    await expect.poll(() => page.url()).toMatch(/\/giao-ban\/[0-9a-f-]{36}/);
    await page.getByRole('heading', { level: 1, name: /Giao ban công tác tháng/ }).waitFor();

    // Lưu giữ dữ liệu cá nhân: each kind of record a card, its period and "Lưu" on screen.
    await page.goto('/quan-tri/luu-giu-du-lieu');
    const rule = await cardOf(page, 'Lưu giữ dữ liệu cá nhân', 'Địa chỉ IP trong nhật ký đăng nhập');
    await expectOnScreen(rule.getByText('Các trường bị xóa', { exact: true }));
    await expectOnScreen(rule.getByLabel('Thời hạn lưu giữ: Địa chỉ IP trong nhật ký đăng nhập'));
    await expectOnScreen(rule.getByRole('button', { name: 'Lưu' }));

    // Tài khoản của tôi: a token made here is a card, its dates on screen and "Thu hồi" at its foot.
    await page.goto('/tai-khoan-cua-toi');
    const tokensCard = page.locator('.ant-card', { has: page.getByRole('heading', { name: 'Mã truy cập API' }) });
    await tokensCard.getByRole('button', { name: 'Thêm mới' }).click();
    const create = page.getByRole('dialog', { name: 'Tạo mã truy cập API' });
    // Typed once the dialog has opened: at the end of its opening the dialog takes the focus, and text typed while it
    // still moved was lost (the name then empty, the form refused).
    await create.waitFor();
    await settled(page);
    const tokenName = create.getByLabel('Tên mã');
    await tokenName.fill('Đồng bộ báo cáo tháng gửi Ban Thường trực');
    await expect.poll(() => tokenName.inputValue()).toBe('Đồng bộ báo cáo tháng gửi Ban Thường trực');
    await create.getByRole('button', { name: 'Lưu' }).click();
    const created = page.getByRole('dialog', { name: 'Đã tạo mã truy cập' });
    await created.getByRole('button', { name: 'Xong' }).click();
    await expect.poll(() => created.isVisible()).toBe(false);
    const token = await cardOf(page, 'Mã truy cập API', 'Đồng bộ báo cáo tháng gửi Ban Thường trực');
    await expectOnScreen(token.getByText('Dùng lần cuối', { exact: true }));
    await expectOnScreen(token.getByRole('button', { name: 'Thu hồi' }));
    await settled(page);
    await expectNothingSideways(page);
  }, 240_000);
});
