import { describe, expect, it } from 'vitest';
import { buildAccount } from '../factories.ts';
import { browserAvailable, chooseOption, screenshot, settled, signIn, useBrowserHarness } from './browser.ts';

describe.skipIf(!browserAvailable)('browser journey: legal deadlines', () => {
  const harness = useBrowserHarness(undefined, { start: () => '2026-03-02T02:00:00Z' });

  it('an officer computes a deadline across Tết on a phone; an admin adds a bridge day to 2026', async () => {
    const { ctx, newPage, baseUrl } = harness();
    const officer = await buildAccount(ctx, { username: 'can.bo.don.thu', displayName: 'Cán bộ đơn thư' });
    const phone = await newPage({ width: 360, height: 780 });
    await signIn(phone, officer.username);
    await phone.goto(`${baseUrl}/danh-muc/thoi-han-phap-ly`);
    await phone.getByRole('heading', { name: 'Thời hạn pháp lý' }).waitFor();
    await phone.getByText('complaint.accept', { exact: true }).waitFor();
    await expect.poll(() => phone.getByRole('button', { name: 'Thêm phiên bản' }).count()).toBe(0);
    await screenshot(phone, 'thoi-han-phap-ly-360');

    await phone.getByRole('tab', { name: 'Tính thời hạn' }).click();
    await chooseOption(
      phone,
      phone.getByRole('combobox', { name: 'Quy tắc' }),
      'Vào sổ, phân loại, xử lý ban đầu tố cáo',
    );
    const start = phone.getByLabel('Ngày xảy ra sự việc');
    await start.click();
    await start.fill('12/02/2026');
    await start.press('Enter');
    // 7 working days after Thursday 12/2/2026 skip Tết Bính Ngọ (14/2–22/2): Monday 2/3/2026
    const result = phone.locator('.ant-card').filter({ hasText: 'Hạn cuối' });
    await result.getByText('02/03/2026').waitFor();
    await result.getByText('7 ngày làm việc', { exact: true }).waitFor();
    await result.getByText('Tạm tính', { exact: true }).waitFor();
    await settled(phone);
    await screenshot(phone, 'tinh-thoi-han-360');

    const admin = await buildAccount(ctx, { username: 'quan.tri.thoi.han', isAdmin: true });
    const page = await newPage({ width: 1366, height: 900 });
    await signIn(page, admin.username);
    await page.goto(`${baseUrl}/danh-muc/thoi-han-phap-ly?tab=holidays`);
    await page.getByText('Chưa xác nhận — thời hạn trong năm là tạm tính').waitFor();
    const date = page.getByLabel('Ngày', { exact: true });
    await date.click();
    await date.fill('02/01/2026');
    await date.press('Enter');
    await page.getByLabel('Ghi chú', { exact: true }).fill('Nghỉ cầu Tết Dương lịch');
    await page.getByRole('button', { name: 'Thêm ngày' }).click();
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByText('Đã lưu điều chỉnh năm 2026.').waitFor();
    await page.getByRole('cell', { name: 'Nghỉ cầu Tết Dương lịch' }).waitFor();
    await page.getByRole('button', { name: 'Xác nhận lịch năm 2026' }).click();
    await page.getByText('Đã xác nhận theo thông báo').waitFor();
    await screenshot(page, 'lich-nghi-le');
  }, 180_000);
});
