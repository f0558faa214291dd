import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../server/features/demo/demo.seed.ts';
import { call, signIn } from '../app.ts';
import { buildAccount, PASSWORD } from '../factories.ts';
import { browserAvailable, chooseOption, fillSignIn, screenshot, settled, useBrowserHarness } from './browser.ts';

/** Types a date into a picker and leaves it with Tab (Enter would submit the form around it). */
async function typeDate(field: Locator, ddmmyyyy: string) {
  await field.click();
  await field.fill(ddmmyyyy);
  await field.press('Tab');
  await expect.poll(() => field.inputValue()).toBe(ddmmyyyy);
}

/** Sets the page's "Tại ngày" picker (outside any form) and waits for the address to follow. */
async function setPageDate(page: Page, ddmmyyyy: string) {
  const input = page.getByLabel('Tại ngày');
  await input.click();
  await input.fill(ddmmyyyy);
  await input.press('Enter');
  const [d, m, y] = ddmmyyyy.split('/');
  await expect.poll(() => page.url()).toContain(`ngay=${y}-${m}-${d}`);
}

async function pickUnit(page: Page, box: Locator, text: string, name: string) {
  await box.click();
  await box.fill(text);
  const option = page
    .locator('.unit-hit')
    .filter({ has: page.locator('.unit-hit-name', { hasText: new RegExp(`^${name}$`) }) });
  await expect.poll(() => option.first().isVisible()).toBe(true);
  await option.first().click();
}

async function pickBody(page: Page, box: Locator, text: string, name: string) {
  await box.click();
  await box.fill(text);
  const option = page
    .locator('.body-hit')
    .filter({ has: page.locator('.body-hit-name', { hasText: new RegExp(`^${name}$`) }) });
  await expect.poll(() => option.first().isVisible()).toBe(true);
  await option.first().click();
}

async function addPosition(page: Page, p: { body: string; search: string; title: string; concurrent?: boolean }) {
  await page.locator('.person-card').getByRole('button', { name: 'Thêm chức vụ' }).click();
  const dialog = page.getByRole('dialog', { name: /^Thêm chức vụ cho/ });
  await dialog.waitFor();
  await typeDate(dialog.getByLabel('Từ ngày', { exact: true }), '01/07/2025');
  await pickBody(page, dialog.getByLabel('Tổ chức', { exact: true }), p.search, p.body);
  await dialog.getByLabel('Chức vụ', { exact: true }).fill(p.title);
  await dialog.locator('.ant-modal-title').click();
  if (p.concurrent) await dialog.getByLabel('Kiêm nhiệm', { exact: true }).check();
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect.poll(() => page.getByText(`Đã thêm chức vụ "${p.title} – ${p.body}".`).isVisible()).toBe(true);
}

async function searchUnit(page: Page, text: string, pick: string) {
  await pickUnit(page, page.getByRole('combobox', { name: 'Tìm đơn vị hành chính' }), text, pick);
  await expect.poll(() => page.locator('#unit-card-title').textContent()).toBe(pick);
}

describe.skipIf(!browserAvailable)('browser journey: bodies, people and roles', () => {
  const harness = useBrowserHarness((h) => seedDemo(h.ctx, { accountId: null, label: 'test' }));

  it('an admin records a person with two positions, gives her an account with a role on her ward, and she works in that ward only', async () => {
    const { ctx, app, newPage } = harness();
    await buildAccount(ctx, { username: 'le.quan.tri', displayName: 'Lê Quản Trị', isAdmin: true });
    const page = await newPage({ width: 1366, height: 900 });
    await fillSignIn(page, 'le.quan.tri', PASSWORD);
    await page.getByTestId('account-menu').waitFor();

    // Danh mục › Tổ chức: Móng Cái's bloc office on its last day, with who held positions and its successors.
    await page.getByRole('menuitem', { name: 'Tổ chức', exact: true }).click();
    await expect.poll(() => page.url()).toContain('/danh-muc/to-chuc');
    await setPageDate(page, '30/06/2025');
    await pickUnit(
      page,
      page.getByRole('combobox', { name: 'Lọc theo đơn vị hành chính' }),
      '194',
      'Thành phố Móng Cái',
    );
    await expect.poll(() => page.url()).toContain('dv=194');
    // Only the city's own bodies are left (Quảng Yên's are filtered out).
    await expect.poll(() => page.locator('.ant-table-row').filter({ hasText: 'thị xã Quảng Yên' }).count()).toBe(0);
    await expect.poll(() => page.locator('.ant-table-row').count()).toBeGreaterThan(5);
    const office = 'Cơ quan Khối MTTQ và các đoàn thể CT-XH TP Móng Cái';
    await page.getByRole('button', { name: office, exact: true }).click();
    await expect.poll(() => page.locator('#body-card-title').textContent()).toBe(office);
    await expect.poll(() => page.locator('.body-holders').textContent()).toContain('Nguyễn Văn Định');
    const successors = page.locator('.body-links').filter({ hasText: 'Tổ chức kế thừa' }).locator('.body-link');
    await expect.poll(() => successors.count()).toBe(6);
    expect(await successors.allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('Ủy ban MTTQ Phường Móng Cái 1')]),
    );
    await expect.poll(() => page.getByText('từ 01/07/2015 đến 30/06/2025').first().isVisible()).toBe(true);
    await settled(page);
    await screenshot(page, 'to-chuc');
    await page.locator('.body-drawer .ant-drawer-close').click();

    // Danh mục › Cán bộ: Nguyễn Văn Định's page, three positions at once on 30/06/2025.
    await page.getByRole('menuitem', { name: 'Cán bộ', exact: true }).click();
    await expect.poll(() => page.url()).toContain('/danh-muc/can-bo');
    // The address changes before the page has rendered: wait for the people page itself, not the last page's picker.
    await expect.poll(() => page.getByLabel('Lọc theo tổ chức').isVisible()).toBe(true);
    await setPageDate(page, '30/06/2025');
    // The list of that date first: a click on a row of the list being replaced once missed on a busy machine.
    await expect.poll(() => page.locator('.ant-table-wrapper .ant-spin-spinning').count()).toBe(0);
    await page.getByRole('link', { name: 'Nguyễn Văn Định' }).click();
    await expect.poll(() => page.locator('#person-card-title').textContent()).toBe('Nguyễn Văn Định');
    await expect.poll(() => page.locator('.person-card .position-current').count()).toBe(3);
    await expect.poll(() => page.getByText('Thông tin cá nhân — mỗi lần xem được ghi nhật ký.').isVisible()).toBe(true);
    await settled(page);
    await screenshot(page, 'can-bo');
    await page.locator('.person-drawer .ant-drawer-close').click();
    await expect.poll(() => page.locator('.person-drawer .ant-drawer-content').isVisible()).toBe(false);

    // A new person with two positions in Phường Móng Cái 1.
    await page.getByRole('button', { name: 'Thêm mới' }).click();
    const create = page.getByRole('dialog', { name: 'Thêm mới cán bộ' });
    await create.getByLabel('Họ và tên', { exact: true }).fill('Ngô Thị Thu');
    await chooseOption(page, create.getByLabel('Giới tính', { exact: true }), 'Nữ');
    await create.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => page.locator('#person-card-title').textContent()).toBe('Ngô Thị Thu');
    await addPosition(page, {
      body: 'Ủy ban MTTQ Phường Móng Cái 1',
      search: 'uy ban mttq phuong mong cai 1',
      title: 'Phó Chủ tịch',
    });
    await addPosition(page, {
      body: 'Hội LHPN Phường Móng Cái 1',
      search: 'hoi lhpn phuong mong cai 1',
      title: 'Chủ tịch',
      concurrent: true,
    });
    const history = page.locator('.person-card .ant-table-tbody .ant-table-row');
    await expect.poll(() => history.count()).toBe(2);
    await expect
      .poll(() => history.filter({ hasText: 'Hội LHPN Phường Móng Cái 1' }).textContent())
      .toContain('Kiêm nhiệm');
    await page.locator('.person-drawer .ant-drawer-close').click();
    await expect.poll(() => page.locator('.person-drawer .ant-drawer-content').isVisible()).toBe(false);

    // Quản trị › Tài khoản: her account, with the role Cán bộ on Phường Móng Cái 1.
    await page.getByRole('menuitem', { name: 'Tài khoản', exact: true }).click();
    await expect.poll(() => page.url()).toContain('/quan-tri/tai-khoan');
    // As above: the address changes before the page has rendered, and the people page has a "Thêm mới" of its own.
    await page.getByRole('heading', { name: 'Tài khoản', exact: true, level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Thêm mới' }).click();
    const account = page.getByRole('dialog', { name: 'Thêm mới tài khoản' });
    await account.getByLabel('Tên đăng nhập', { exact: true }).fill('ngo.thi.thu');
    await account.getByLabel('Họ và tên', { exact: true }).fill('Ngô Thị Thu');
    await account.getByLabel('Mật khẩu ban đầu', { exact: true }).fill('tam-thoi-2025');
    // The account belongs to the person just recorded (tasks naming her then show in her "my work").
    const personBox = account.getByLabel('Cán bộ (trong danh mục)', { exact: true });
    await personBox.click();
    await personBox.fill('ngo thi thu');
    const personHit = page.locator('.ant-select-item-option').filter({ hasText: 'Ngô Thị Thu' });
    await expect.poll(() => personHit.first().isVisible()).toBe(true);
    await personHit.first().click();
    await account.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => page.getByText('Đã thêm tài khoản "Ngô Thị Thu".').isVisible()).toBe(true);
    const linked = await ctx.db
      .selectFrom('accounts as a')
      .innerJoin('people as p', 'p.id', 'a.person_id')
      .select('p.full_name')
      .where('a.username', '=', 'ngo.thi.thu')
      .executeTakeFirst();
    expect(linked?.full_name).toBe('Ngô Thị Thu');
    await page.getByRole('row').filter({ hasText: 'ngo.thi.thu' }).getByRole('button', { name: 'Vai trò' }).click();
    const drawer = page.getByRole('dialog', { name: /^Vai trò của Ngô Thị Thu/ });
    await expect
      .poll(() =>
        drawer
          .getByText('Vai trò có hiệu lực trên đơn vị được chọn và mọi đơn vị trực thuộc', { exact: false })
          .isVisible(),
      )
      .toBe(true);
    await drawer.getByRole('button', { name: 'Thêm vai trò' }).click();
    const role = page.getByRole('dialog', { name: /^Thêm vai trò cho/ });
    await chooseOption(page, role.getByLabel('Vai trò', { exact: true }), 'Cán bộ');
    await typeDate(role.getByLabel('Từ ngày', { exact: true }), '01/07/2025');
    await pickUnit(page, role.getByLabel('Đơn vị', { exact: true }), '06712', 'Phường Móng Cái 1');
    await role.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => page.getByText('Đã thêm vai trò Cán bộ tại Phường Móng Cái 1.').isVisible()).toBe(true);
    await expect
      .poll(() => drawer.locator('.ant-table-row').filter({ hasText: 'Phường Móng Cái 1 (06712)' }).count())
      .toBe(1);

    // She signs in in her own browser and changes the temporary password as required.
    const thu = await newPage({ width: 1366, height: 900 });
    await fillSignIn(thu, 'ngo.thi.thu', 'tam-thoi-2025');
    await expect.poll(() => thu.getByLabel('Mật khẩu hiện tại').isVisible()).toBe(true);
    await thu.getByLabel('Mật khẩu hiện tại').fill('tam-thoi-2025');
    await thu.getByLabel('Mật khẩu mới', { exact: true }).fill('thu-mat-khau-moi');
    await thu.getByLabel('Nhập lại mật khẩu mới').fill('thu-mat-khau-moi');
    await thu.getByRole('button', { name: 'Lưu' }).click();
    await thu.getByTestId('account-menu').waitFor();

    // Her ward: she adds a quarter.
    await thu.getByRole('menuitem', { name: /Đơn vị hành chính/ }).click();
    await expect.poll(() => thu.url()).toContain('/danh-muc/don-vi');
    await setPageDate(thu, '01/07/2025');
    await searchUnit(thu, 'mong cai 1', 'Phường Móng Cái 1');
    await thu.getByRole('button', { name: 'Thêm thôn/khu' }).click();
    let dialog = thu.getByRole('dialog', { name: /^Thêm thôn\/khu vào/ });
    await dialog.getByLabel('Tên thôn/khu').fill('Khu Hải Hòa');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => thu.getByText('Đã thêm "Khu Hải Hòa" từ ngày 01/07/2025.').isVisible()).toBe(true);
    await expect.poll(() => thu.locator('#unit-card-title').textContent()).toBe('Khu Hải Hòa');

    // The sibling ward is refused, in the form and by the API.
    await searchUnit(thu, 'mong cai 2', 'Phường Móng Cái 2');
    await thu.getByRole('button', { name: 'Thêm thôn/khu' }).click();
    dialog = thu.getByRole('dialog', { name: /^Thêm thôn\/khu vào/ });
    await dialog.getByLabel('Tên thôn/khu').fill('Khu Thử');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => dialog.getByText('Bạn không có quyền thực hiện thao tác này.').isVisible()).toBe(true);

    const session = await signIn(app, 'ngo.thi.thu', 'thu-mat-khau-moi');
    const hits = await call(app, { url: '/api/units/search?q=mong%20cai%202&asOf=2025-07-01', session });
    const mc2 = hits.json<{ code: string; name: string }[]>().find((u) => u.name === 'Phường Móng Cái 2')!;
    const refused = await call(app, {
      method: 'POST',
      url: '/api/villages',
      session,
      body: { parentCode: mc2.code, name: 'Khu Thử', kind: 'quarter', validFrom: '2025-07-01' },
    });
    expect(refused.statusCode).toBe(403);
    const allowed = await call(app, {
      method: 'POST',
      url: '/api/villages',
      session,
      body: { parentCode: '06712', name: 'Khu Hải Yến', kind: 'quarter', validFrom: '2025-07-01' },
    });
    expect(allowed.statusCode).toBe(201);
  }, 240_000);
});
