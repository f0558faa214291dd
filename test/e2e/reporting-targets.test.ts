import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../server/features/demo/demo.seed.ts';
import type { Session } from '../app.ts';
import { buildAccount, PASSWORD, signInAdmin } from '../factories.ts';
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

/** What the journey's setup made: the ward's leader and the ward's villages, in the tree's order. */
type Setup = { leader: string; villages: string[] };
let setup: Setup;

const PERIOD = '2026';
const INDICATOR = 'E2E_KH_HS';

const ok = apiOk;

/** The demo's units; through the API an indicator of its own (no demo target on it) and a leader of Phường Móng
 * Cái 1, who manages reporting over the ward and so splits its target among its villages. */
async function prepare(h: BrowserHarness): Promise<void> {
  await seedDemo(h.ctx, { accountId: null, label: 'test' }, { password: PASSWORD });
  const admin: Session = await signInAdmin(h);
  await ok(h, {
    method: 'POST',
    url: '/api/reporting/indicators',
    session: admin,
    body: {
      code: INDICATOR,
      name: 'Hồ sơ trực tuyến theo kế hoạch',
      measure: 'hồ sơ',
      valueType: 'integer',
      treeAggregation: 'sum',
      timeAggregation: 'sum',
    },
  });
  const account = await buildAccount(h.ctx, { displayName: 'Lãnh đạo Phường Móng Cái 1' });
  await ok(h, {
    method: 'POST',
    url: `/api/accounts/${account.id}/roles`,
    session: admin,
    body: { role: 'leader', unitCode: '06712', validFrom: '2025-07-01' },
  });
  const villages = await ok<{ name: string }[]>(h, {
    url: '/api/units?parent=06712&asOf=2026-12-31',
    session: admin,
  });
  if (villages.length < 2) throw new Error(`Phường Móng Cái 1 has too few villages: ${JSON.stringify(villages)}`);
  setup = { leader: account.username, villages: villages.map((v) => v.name) };
}

/** The table's row of a unit below (its name in the first cell). */
const rowOf = (page: Page, name: string) =>
  page.locator('tr.ant-table-row').filter({ has: page.getByRole('button', { name: `Xem kế hoạch của ${name}` }) });
/** The target shown in a unit's row. */
const valueOf = (page: Page, name: string) => rowOf(page, name).locator('td').nth(1).textContent();
const ownValue = (page: Page) => page.locator('.targets-own-value').textContent();

/** Opens "Giao kế hoạch" (or "Sửa kế hoạch"), types the value and saves it. */
async function setTarget(page: Page, opener: string, value: string): Promise<void> {
  await page.getByRole('button', { name: opener, exact: true }).click();
  const dialog = page.getByRole('dialog').filter({ has: page.getByRole('button', { name: 'Lưu kế hoạch' }) });
  await dialog.waitFor();
  await dialog.getByRole('spinbutton').fill(value);
  await submitDialog(page, dialog, 'Lưu kế hoạch');
}

describe.skipIf(!browserAvailable)('browser journeys: reporting targets', () => {
  const harness = useBrowserHarness(prepare);

  it('the administrator sets the province’s and a ward’s plan; the ward’s leader on a phone splits it by hand, is told when the parts do not add up, then equally', async () => {
    const h = harness();
    const { villages } = setup;
    const n = villages.length;

    // The administrator, on a desktop, sets the province's plan for the year.
    const desk = await h.newPage({ width: 1366, height: 900 });
    await signInTo(desk, 'admin', `/bao-cao/ke-hoach?don-vi=22&chi-tieu=${INDICATOR}&ky=${PERIOD}`);
    await desk.getByRole('heading', { name: 'Kế hoạch giao', level: 1 }).waitFor();
    await expect.poll(() => ownValue(desk)).toBe('Chưa giao');
    await setTarget(desk, 'Giao kế hoạch', '40000');
    await expect.poll(() => ownValue(desk)).toBe('40.000 hồ sơ');
    await expect
      .poll(() => desk.locator('.targets-summary').textContent())
      .toBe('Đã chia cho cấp dưới: 0 hồ sơ — còn 40.000 hồ sơ chưa chia');

    // One step down to the ward (its row in the province's table), whose plan the administrator sets too.
    await desk.getByRole('button', { name: 'Xem kế hoạch của Phường Móng Cái 1' }).click();
    await desk.getByRole('heading', { name: 'Phường Móng Cái 1', level: 2 }).waitFor();
    await expect.poll(() => ownValue(desk)).toBe('Chưa giao');
    await setTarget(desk, 'Giao kế hoạch', '1200');
    await expect.poll(() => ownValue(desk)).toBe('1.200 hồ sơ');
    await settled(desk);
    await screenshot(desk, 'bao-cao-ke-hoach');
    // Back to the province: the ward's part is in its table.
    await desk.goBack();
    await expect.poll(() => valueOf(desk, 'Phường Móng Cái 1')).toBe('1.200');

    // The ward's leader, on a 360 px phone, opens the page on the ward (the unit of the role) and splits it by hand.
    const phone = await h.newPage({ width: 360, height: 780 });
    await signInTo(phone, setup.leader, `/bao-cao/ke-hoach?chi-tieu=${INDICATOR}&ky=${PERIOD}`);
    await phone.getByRole('heading', { name: 'Phường Móng Cái 1', level: 2 }).waitFor();
    await expect.poll(() => ownValue(phone)).toBe('1.200 hồ sơ');
    await settled(phone);
    await phone.getByRole('button', { name: 'Chia cho cấp dưới' }).click();
    const dialog = phone.getByRole('dialog').filter({ has: phone.getByRole('button', { name: 'Chia kế hoạch' }) });
    await dialog.waitFor();
    await settled(phone);
    await dialog.getByRole('radio', { name: 'Tự nhập từng đơn vị' }).check();
    // Every village 100, the first 100 more than the rest would leave: the parts fall short by 100.
    const first = 1200 - 100 * (n - 1);
    for (const [i, name] of villages.entries())
      await dialog.getByLabel(name, { exact: true }).fill(String(i === 0 ? first - 100 : 100));
    await dialog.getByRole('button', { name: 'Chia kế hoạch', exact: true }).click();
    await dialog.getByText('Tổng các phần (1.100 hồ sơ) chưa bằng kế hoạch: còn thiếu 100 hồ sơ.').waitFor();
    await settled(phone);
    await screenshot(phone, 'bao-cao-ke-hoach-chia-360');
    await dialog.getByLabel(villages[0]!, { exact: true }).fill(String(first));
    await dialog.getByText('Tổng các phần: 1.200 hồ sơ, bằng đúng kế hoạch.').waitFor();
    await submitDialog(phone, dialog, 'Chia kế hoạch');
    await expect.poll(() => valueOf(phone, villages[0]!)).toBe(first.toLocaleString('vi-VN'));
    for (const name of villages.slice(1)) await expect.poll(() => valueOf(phone, name)).toBe('100');
    await expect
      .poll(() => phone.locator('.targets-summary').textContent())
      .toBe('Đã chia cho cấp dưới: 1.200 hồ sơ — bằng đúng kế hoạch');

    // Then equally: 1.200 among the villages, the parts adding up exactly.
    await phone.getByRole('button', { name: 'Chia cho cấp dưới' }).click();
    await dialog.waitFor();
    await settled(phone);
    await dialog.getByRole('radio', { name: 'Chia đều' }).check();
    await submitDialog(phone, dialog, 'Chia kế hoạch');
    const base = Math.floor(1200 / n);
    const extra = 1200 - base * n;
    const parts = villages.map((_, i) => (i < extra ? base + 1 : base));
    for (const [i, name] of villages.entries())
      await expect.poll(() => valueOf(phone, name)).toBe(parts[i]!.toLocaleString('vi-VN'));
    await expect
      .poll(() => phone.locator('.targets-summary').textContent())
      .toBe('Đã chia cho cấp dưới: 1.200 hồ sơ — bằng đúng kế hoạch');
    await settled(phone);
    await screenshot(phone, 'bao-cao-ke-hoach-360');
  }, 300_000);

  it('the administrator picks the province’s Women’s Union, sets its plan and splits it equally among the wards’ unions on its line', async () => {
    const h = harness();
    const desk = await h.newPage({ width: 1366, height: 900 });
    await signInTo(desk, 'admin', `/bao-cao/ke-hoach?don-vi=22&chi-tieu=${INDICATOR}&ky=${PERIOD}`);
    await desk.getByRole('heading', { name: 'Kế hoạch giao', level: 1 }).waitFor();
    // The body picker lists the province's bodies without typing; a hit shows its name above its unit's.
    const province = 'Hội LHPN tỉnh Quảng Ninh';
    const heading = desk.getByRole('heading', { name: province, level: 2 });
    const hit = desk.locator('.ant-select-item-option').filter({ has: desk.getByText(province, { exact: true }) });
    await expect
      .poll(async () => {
        if (await heading.isVisible()) return true;
        if (!(await hit.first().isVisible()))
          await desk.getByRole('combobox', { name: 'Tổ chức', exact: true }).click();
        else await hit.first().click({ timeout: 5000 });
        return heading.isVisible();
      })
      .toBe(true);
    await expect.poll(() => ownValue(desk)).toBe('Chưa giao');
    await setTarget(desk, 'Giao kế hoạch', '600');
    await expect.poll(() => ownValue(desk)).toBe('600 hồ sơ');
    // The unions below on the line: those of the wards and communes formed on 1/7/2025.
    const ward = 'Hội LHPN Phường Móng Cái 1';
    await rowOf(desk, ward).waitFor();
    const n = await desk.locator('tr.ant-table-row').count();
    await desk.getByRole('button', { name: 'Chia cho cấp dưới' }).click();
    const dialog = desk.getByRole('dialog').filter({ has: desk.getByRole('button', { name: 'Chia kế hoạch' }) });
    await dialog.waitFor();
    await settled(desk);
    await dialog.getByRole('radio', { name: 'Chia đều' }).check();
    await submitDialog(desk, dialog, 'Chia kế hoạch');
    await expect
      .poll(() => desk.locator('.targets-summary').textContent())
      .toBe('Đã chia cho cấp dưới: 600 hồ sơ — bằng đúng kế hoạch');
    const part = Math.floor(600 / n);
    // One step down the line to the ward's union, whose plan is its part.
    await desk.getByRole('button', { name: `Xem kế hoạch của ${ward}` }).click();
    await desk.getByRole('heading', { name: ward, level: 2 }).waitFor();
    const own = await ownValue(desk);
    expect([`${part} hồ sơ`, `${part + 1} hồ sơ`]).toContain(own);
  }, 300_000);
});
