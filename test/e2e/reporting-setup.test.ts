import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { call, signIn as apiSignIn, type Session } from '../app.ts';
import { buildAccount, PASSWORD } from '../factories.ts';
import {
  apiOk,
  browserAvailable,
  type BrowserHarness,
  screenshot,
  settled,
  signInTo,
  submitDialog,
  useBrowserHarness,
} from './browser.ts';

/** What the journey's setup made: the administrator, the form and one of its periods already locked. */
type Setup = { admin: string; formId: string; lockedLabel: string };
let setup: Setup;

const ok = <T>(h: BrowserHarness, session: Session, c: Omit<Parameters<typeof call>[1], 'session'>) =>
  apiOk<T>(h, { ...c, session });

/** Today in Vietnam, as the server's clock (the real one here) counts it. */
const todayInVietnam = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' });

/**
 * Through the API: an administrator, two indicators a rule can compare ("Hộ mẫu đạt" cannot exceed "Hộ đăng ký"), and
 * a monthly form that locks on its due day, so that a period two months back is already locked today.
 */
async function prepare(h: BrowserHarness): Promise<void> {
  const account = await buildAccount(h.ctx, { isAdmin: true, displayName: 'Quản trị hệ thống' });
  const admin = await apiSignIn(h.app, account.username, PASSWORD);
  const indicator = (code: string, name: string) =>
    ok<{ id: string }>(h, admin, {
      method: 'POST',
      url: '/api/reporting/indicators',
      body: { code, name, measure: 'hộ', valueType: 'integer', treeAggregation: 'sum', timeAggregation: 'sum' },
    });
  const registered = await indicator('E2E_HO_DK', 'Hộ đăng ký gia đình văn hóa');
  const model = await indicator('E2E_HO_DAT', 'Hộ đạt gia đình văn hóa');
  const form = await ok<{ id: string }>(h, admin, {
    method: 'POST',
    url: '/api/reporting/forms',
    body: {
      code: 'E2E_GDVH',
      name: 'Báo cáo tháng gia đình văn hóa',
      periodType: 'month',
      firstVersion: {
        submitter: 'unit',
        unitKinds: ['village'],
        bodyKinds: [],
        windowDay: null,
        dueDays: 5,
        lockDays: 0,
        sections: [],
        indicators: [
          { indicatorId: registered.id, required: true },
          { indicatorId: model.id, required: true },
        ],
      },
    },
  });
  const periods = await ok<{ items: { label: string; locksOn: string | null }[] }>(h, admin, {
    url: `/api/reporting/forms/${form.id}/periods?count=6`,
  });
  const locked = periods.items.find((p) => p.locksOn !== null && p.locksOn <= todayInVietnam());
  if (!locked) throw new Error(`no locked period: ${JSON.stringify(periods)}`);
  setup = { admin: account.username, formId: form.id, lockedLabel: locked.label };
}

/** Picks `option` in an antd select among several with the same options: only the open list's option is clicked (the
 * other selects keep theirs, hidden, in the page), and the pick is made again until the field shows it. */
async function pick(page: Page, field: Locator, option: string): Promise<void> {
  const item = page
    .locator('.ant-select-item-option')
    .filter({ hasText: new RegExp(`^${option}$`) })
    .filter({ visible: true });
  const shown = () =>
    field.evaluate((input) =>
      input.closest('.ant-select')?.querySelector('.ant-select-content')?.getAttribute('title'),
    );
  for (let attempt = 1; ; attempt++) {
    try {
      if (!(await item.isVisible())) await field.click({ timeout: 5000 });
      await item.click({ timeout: 5000 });
      await expect.poll(shown, { timeout: 5000 }).toBe(option);
      return;
    } catch (err) {
      if (attempt >= 5) throw err;
    }
  }
}

describe.skipIf(!browserAvailable)('browser journeys: reporting set-up', () => {
  // The server's today is the browser's: the period locked for the server is locked on the page.
  const harness = useBrowserHarness(prepare, { start: () => new Date().toISOString() });

  it('an administrator adds a blocking rule, changes it, and reopens a locked period with a reason', async () => {
    const h = harness();
    const page = await h.newPage({ width: 1366, height: 900 });
    await signInTo(page, setup.admin, '/bao-cao/quy-tac');
    await page.getByRole('heading', { name: 'Quy tắc kiểm tra', level: 1 }).waitFor();
    await page.getByText('Chưa có quy tắc kiểm tra nào.').waitFor();

    // A blocking rule: the model households cannot exceed the registered ones.
    await page.getByRole('button', { name: 'Thêm quy tắc' }).click();
    const drawer = page.getByRole('dialog', { name: 'Thêm quy tắc kiểm tra' });
    await drawer.waitFor();
    await settled(page);
    await pick(page, drawer.getByLabel('Chỉ tiêu được kiểm tra'), 'E2E_HO_DAT — Hộ đạt gia đình văn hóa');
    await pick(page, drawer.getByLabel('Chỉ tiêu so sánh'), 'E2E_HO_DK — Hộ đăng ký gia đình văn hóa');
    await drawer.getByText('Chặn', { exact: true }).click();
    await drawer.getByLabel('Thông báo cho người nhập').fill('Số hộ đạt không vượt quá số hộ đăng ký');
    await submitDialog(page, drawer, 'Lưu');
    const sentence = 'Hộ đạt gia đình văn hóa không vượt quá Hộ đăng ký gia đình văn hóa';
    const row = page.locator('tr.ant-table-row').filter({ hasText: sentence });
    await row.waitFor();
    await row.getByText('Chặn', { exact: true }).waitFor();
    await row.getByText('Mọi mẫu báo cáo', { exact: true }).waitFor();
    await settled(page);
    // Clicks in the drawer's lists (placed in the document) scrolled the window, which a person's mouse does not.
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'bao-cao-quy-tac');

    // Changed: strictly fewer, and for the form only.
    await row.getByRole('button', { name: sentence, exact: true }).click();
    const edit = page.getByRole('dialog', { name: 'Sửa quy tắc kiểm tra' });
    await edit.waitFor();
    await settled(page);
    await pick(page, edit.getByLabel('Điều kiện'), 'nhỏ hơn');
    await pick(page, edit.getByLabel('Mẫu báo cáo'), 'Báo cáo tháng gia đình văn hóa');
    await submitDialog(page, edit, 'Lưu');
    const changed = page
      .locator('tr.ant-table-row')
      .filter({ hasText: 'Hộ đạt gia đình văn hóa nhỏ hơn Hộ đăng ký gia đình văn hóa' });
    await changed.getByText('Báo cáo tháng gia đình văn hóa', { exact: true }).waitFor();
    await expect.poll(() => page.getByText(sentence).count()).toBe(0);

    // On a phone the rules are cards (the page checks run at 360 px).
    await page.setViewportSize({ width: 360, height: 780 });
    await page.goto('/bao-cao/quy-tac');
    await page.getByRole('heading', { name: 'Quy tắc kiểm tra', level: 1 }).waitFor();
    await page.getByText('Hộ đạt gia đình văn hóa nhỏ hơn Hộ đăng ký gia đình văn hóa').waitFor();
    await settled(page);

    // The form's periods: the old one is locked and says why; reopened with a reason, it shows open again.
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`/bao-cao/mau/${setup.formId}`);
    const card = page.locator('.ant-card').filter({ has: page.getByText('Kỳ báo cáo', { exact: true }) });
    const period = card.locator('li').filter({ has: page.getByText(setup.lockedLabel, { exact: true }) });
    await period.getByText('Đã khóa', { exact: true }).waitFor();
    await period.getByText(/^Khóa từ \d\d\/\d\d\/\d{4} vì đã quá hạn nộp/).waitFor();
    await period.getByRole('button', { name: `Mở lại kỳ ${setup.lockedLabel}` }).click();
    const dialog = page.getByRole('dialog', { name: `Mở lại kỳ ${setup.lockedLabel}` });
    await dialog.waitFor();
    await dialog.getByLabel('Lý do mở lại').fill('Khu phố bổ sung số liệu hộ đạt sau bình xét');
    await submitDialog(page, dialog, 'Mở lại kỳ');
    await period.getByText('Đã mở lại', { exact: true }).waitFor();
    await period
      .getByText(/^Mở lại cho mọi đơn vị báo cáo đến hết .* Khu phố bổ sung số liệu hộ đạt sau bình xét$/)
      .waitFor();
    await expect.poll(() => period.getByRole('button', { name: `Mở lại kỳ ${setup.lockedLabel}` }).count()).toBe(0);
    await settled(page);
    await screenshot(page, 'bao-cao-mo-lai-ky');
  }, 300_000);
});
