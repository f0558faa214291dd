import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../server/features/demo/demo.seed.ts';
import { signIn as apiSignIn, type Session } from '../app.ts';
import { buildAccount, PASSWORD, signInAdmin } from '../factories.ts';
import {
  apiOk,
  browserAvailable,
  type BrowserHarness,
  screenshot,
  settled,
  signInTo,
  useBrowserHarness,
} from './browser.ts';

/** What the journey's setup made: the accounts, the form and the period the reporter must report now. */
type Setup = { reviewer: string; viewer: string; formName: string; periodId: string; periodLabel: string };
let setup: Setup;

const ok = apiOk;

/** An account holding `role` on a unit since the reform, made through the API by an administrator. */
async function accountWithRole(h: BrowserHarness, admin: Session, role: string, unitCode: string, name: string) {
  const account = await buildAccount(h.ctx, { displayName: name });
  await ok(h, {
    method: 'POST',
    url: `/api/accounts/${account.id}/roles`,
    session: admin,
    body: { role, unitCode, validFrom: '2025-07-01' },
  });
  return account.username;
}

/**
 * The demo's units and its village reporter (Khu Hồng Hải, under Phường Móng Cái 1 since the reform); the rest
 * through the API: the ward's reviewer, the province's leader, an indicator of its own (so that no demo figure is
 * in its totals), a monthly form asking it of villages, and the province's target for the period due now.
 */
async function prepare(h: BrowserHarness): Promise<void> {
  await seedDemo(h.ctx, { accountId: null, label: 'test' }, { password: PASSWORD });
  const admin = await signInAdmin(h);
  const reviewer = await accountWithRole(h, admin, 'leader', '06712', 'Lãnh đạo Phường Móng Cái 1');
  const viewer = await accountWithRole(h, admin, 'leader', '22', 'Lãnh đạo tỉnh Quảng Ninh');
  const indicator = await ok<{ id: string }>(h, {
    method: 'POST',
    url: '/api/reporting/indicators',
    session: admin,
    body: {
      code: 'E2E_HS_TT',
      name: 'Hồ sơ trực tuyến được hỗ trợ',
      measure: 'hồ sơ',
      valueType: 'integer',
      treeAggregation: 'sum',
      timeAggregation: 'sum',
    },
  });
  const formName = 'Báo cáo tháng kết quả hỗ trợ dịch vụ công';
  await ok(h, {
    method: 'POST',
    url: '/api/reporting/forms',
    session: admin,
    body: {
      code: 'E2E_THANG',
      name: formName,
      periodType: 'month',
      firstVersion: {
        submitter: 'unit',
        unitKinds: ['quarter', 'village'],
        bodyKinds: [],
        windowDay: 15,
        dueDays: 5,
        lockDays: null,
        sections: [{ key: 'results', title: 'Kết quả nổi bật' }],
        indicators: [{ indicatorId: indicator.id, required: true }],
      },
    },
  });
  const reporter = await apiSignIn(h.app, 'baocao', PASSWORD);
  const mine = await ok<{ items: { form: { name: string }; period: { id: string; label: string } }[] }>(h, {
    url: '/api/reporting/my-reports',
    session: reporter,
  });
  const due = mine.items.find((r) => r.form.name === formName);
  if (!due) throw new Error(`the reporter has no "${formName}" to report: ${JSON.stringify(mine)}`);
  const province = (await ok<{ unit: { id: string } }>(h, { url: '/api/units/22', session: admin })).unit;
  await ok(h, {
    method: 'PUT',
    url: '/api/reporting/targets',
    session: admin,
    body: { indicatorId: indicator.id, unitId: province.id, periodId: due.period.id, value: 2000 },
  });
  setup = { reviewer, viewer, formName, periodId: due.period.id, periodLabel: due.period.label };
}

/** The dashboard's row of a unit (its name in the first cell). */
const rowOf = (page: Page, name: string) =>
  page.locator('tr.ant-table-row').filter({ has: page.getByText(name, { exact: true }) });

describe.skipIf(!browserAvailable)('browser journeys: reporting', () => {
  // The server's today is the browser's: the period the reporter must report now is the one the pages show.
  const harness = useBrowserHarness(prepare, { start: () => new Date().toISOString() });

  it('a village reporter enters and submits on a phone, the ward approves, and the province dashboard already open shows the new total without a reload', async () => {
    const h = harness();

    // The province's leader has the dashboard open: nothing approved yet for the period.
    const dashboard = await h.newPage({ width: 1366, height: 900 });
    await signInTo(dashboard, setup.viewer, `/bao-cao/tong-hop?don-vi=22&ky=${setup.periodId}&chi-tieu=E2E_HS_TT`);
    await dashboard.getByRole('heading', { name: 'Tổng hợp số liệu', level: 1 }).waitFor();
    const ward = rowOf(dashboard, 'Phường Móng Cái 1');
    await ward.waitFor();
    await expect.poll(() => ward.locator('td').nth(1).textContent()).toBe('—');
    // A mark on the window: it is still there at the end only if the page was never reloaded.
    await dashboard.evaluate(() => ((window as unknown as { stillOpen: boolean }).stillOpen = true));

    // The village reporter, on a 360 px phone, opens the report due and enters it with the keyboard.
    const phone = await h.newPage({ width: 360, height: 780 });
    await signInTo(phone, 'baocao@khoi.local', '/bao-cao');
    await phone.getByRole('heading', { name: 'Báo cáo của tôi', level: 1 }).waitFor();
    const enter = phone.getByRole('button', { name: `Nhập báo cáo: ${setup.formName}, ${setup.periodLabel}` });
    await enter.waitFor();
    await settled(phone);
    await screenshot(phone, 'bao-cao-cua-toi-360');
    await enter.click();
    await expect.poll(() => phone.url()).toMatch(/\/bao-cao\/[0-9a-f-]{36}$/);
    const field = phone.getByLabel('Hồ sơ trực tuyến được hỗ trợ', { exact: true });
    await field.waitFor();
    await field.fill('1234');
    await field.press('Enter');
    // Enter moved on to the narrative, and the number is written the Vietnamese way.
    await expect.poll(() => phone.evaluate(() => document.activeElement?.id)).toBe('section-results');
    await expect.poll(() => field.inputValue()).toBe('1.234');
    await phone.keyboard.type('Hỗ trợ người dân nộp hồ sơ trực tuyến tại nhà văn hóa khu.');
    await phone.keyboard.press('Control+s');
    await phone.getByText(/^Đã lưu lúc \d\d:\d\d$/).waitFor();
    await settled(phone);
    await screenshot(phone, 'bao-cao-nhap-360');
    await phone.getByRole('button', { name: 'Nộp báo cáo' }).click();
    await phone.locator('.page-header').getByText('Đã nộp', { exact: true }).waitFor();
    await expect
      .poll(() => phone.getByLabel('Hồ sơ trực tuyến được hỗ trợ', { exact: true }).textContent())
      .toBe('1.234');

    // The ward's reviewer approves it.
    const reviewer = await h.newPage({ width: 1366, height: 900 });
    await signInTo(reviewer, setup.reviewer, '/bao-cao/duyet');
    await reviewer.getByRole('heading', { name: 'Duyệt báo cáo', level: 1 }).waitFor();
    await reviewer
      .getByRole('button', { name: new RegExp(`^Duyệt: ${setup.formName}, ${setup.periodLabel}, `) })
      .click();
    await expect.poll(() => reviewer.url()).toMatch(/\/bao-cao\/duyet\/[0-9a-f-]{36}$/);
    await reviewer.getByText('1.234', { exact: true }).waitFor();
    await screenshot(reviewer, 'bao-cao-duyet');
    await reviewer.getByRole('button', { name: 'Duyệt', exact: true }).click();
    await reviewer.locator('.page-header').getByText('Đã duyệt', { exact: true }).waitFor();

    // The dashboard, never reloaded, shows the ward's new total and the province's against its target.
    await expect.poll(() => ward.locator('td').nth(1).textContent(), { timeout: 45_000 }).toBe('1.234');
    const total = dashboard.locator('tr.pivot-total');
    await expect.poll(() => total.locator('td').nth(1).textContent()).toBe('1.234');
    await expect.poll(() => total.locator('td').nth(2).textContent()).toBe('2.000');
    await expect.poll(() => total.locator('td').nth(3).textContent()).toBe('61,7%');
    await expect.poll(() => total.locator('td').nth(4).textContent()).toBe('thiếu 766');
    expect(await dashboard.evaluate(() => (window as unknown as { stillOpen?: boolean }).stillOpen)).toBe(true);

    // A click on the ward opens its villages; Back returns to the province.
    await ward.getByRole('button', { name: 'Xem chi tiết Phường Móng Cái 1' }).click();
    const village = rowOf(dashboard, 'Khu Hồng Hải');
    await expect.poll(() => village.locator('td').nth(1).textContent()).toBe('1.234');
    await dashboard.goBack();
    await expect.poll(() => dashboard.locator('tr.pivot-total td').first().textContent()).toBe('Tỉnh Quảng Ninh');

    // The demo's story on the same dashboard: Móng Cái's online dossiers of 2021 to November against the year's plan,
    // by commune, with the chart under the table (the page taller, so that both are in the picture).
    await dashboard.goto('/bao-cao/tong-hop?don-vi=194&ky=202101..202111&chi-tieu=HS_TRUC_TUYEN');
    const city = dashboard.locator('tr.pivot-total');
    await expect.poll(() => city.locator('td').first().textContent()).toBe('Thành phố Móng Cái');
    await expect.poll(() => city.locator('td').nth(1).textContent()).toBe('36.793');
    await expect.poll(() => city.locator('td').nth(3).textContent()).toBe('167,2%');
    await expect.poll(() => city.locator('td').nth(4).textContent()).toBe('vượt 14.793');
    await dashboard.setViewportSize({ width: 1366, height: 1950 });
    await dashboard.getByRole('img', { name: /^Biểu đồ kết quả so với kế hoạch/ }).waitFor();
    await settled(dashboard);
    await screenshot(dashboard, 'bao-cao-tong-hop');

    // The same dossiers by organisation: the Youth Union's volunteer teams' part and its share of the whole, as the
    // totals contract gives them, on a desktop and on a phone.
    const admin = await signInAdmin(h);
    const read = (category = '') =>
      ok<{ value: number }>(h, {
        url: `/api/reporting/totals?indicator=HS_TRUC_TUYEN&unit=194&period=202101..202111${category}`,
        session: admin,
      }).then((r) => r.value);
    const [whole, youth] = [await read(), await read('&category=youth_union')];
    const share = Math.round((youth * 1000) / whole) / 10;
    for (const width of [1366, 360]) {
      await dashboard.setViewportSize({ width, height: 1200 });
      await dashboard.goto('/bao-cao/tong-hop?don-vi=194&ky=202101..202111&chi-tieu=HS_TRUC_TUYEN');
      await dashboard.getByText('Theo tổ chức', { exact: true }).click();
      const table = dashboard.getByRole('table', { name: 'Bảng số liệu và tỷ lệ theo tổ chức' });
      const row = table.locator('tr', { hasText: 'Đoàn Thanh niên Cộng sản Hồ Chí Minh' });
      await expect.poll(() => row.locator('td').nth(1).textContent()).toBe(youth.toLocaleString('vi-VN'));
      await expect
        .poll(() => row.locator('td').nth(2).textContent())
        .toBe(`${share.toLocaleString('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}%`);
      await dashboard.getByRole('img', { name: /^Biểu đồ .* theo tổ chức/ }).waitFor();
      await settled(dashboard);
      await screenshot(dashboard, width === 360 ? 'bao-cao-theo-to-chuc-360' : 'bao-cao-theo-to-chuc');
    }

    // An administrator's whole country: the provinces as rows and "Cả nước" last, its total as the API gives it.
    const countryTotal = await ok<{ rows: { key: string }[]; cells: { value: number | null }[][] }>(h, {
      url: '/api/reporting/pivot?period=202101..202111&indicators=HS_TRUC_TUYEN',
      session: admin,
    }).then((p) => p.cells[p.rows.findIndex((r) => r.key === 'total')]![0]!.value!);
    const office = await h.newPage({ width: 1366, height: 900 });
    await signInTo(office, 'admin', '/bao-cao/tong-hop?ky=202101..202111&chi-tieu=HS_TRUC_TUYEN');
    await office.getByRole('button', { name: 'Cả nước' }).click();
    const nation = office.locator('tr.pivot-total');
    await expect.poll(() => nation.locator('td').first().textContent()).toBe('Cả nước');
    await expect.poll(() => nation.locator('td').nth(1).textContent()).toBe(countryTotal.toLocaleString('vi-VN'));
    await expect
      .poll(() => rowOf(office, 'Tỉnh Quảng Ninh').locator('td').nth(1).textContent())
      .toBe(countryTotal.toLocaleString('vi-VN'));
    await settled(office);
    await screenshot(office, 'bao-cao-ca-nuoc');

    // Chỉ tiêu and Mẫu báo cáo, on a desktop and on a phone (the page checks run on each).
    for (const width of [1366, 360]) {
      await dashboard.setViewportSize({ width, height: 900 });
      await dashboard.goto('/bao-cao/chi-tieu');
      await dashboard.getByRole('heading', { name: 'Chỉ tiêu', level: 1 }).waitFor();
      await expect.poll(() => dashboard.getByText('HS_TRUC_TUYEN').first().isVisible()).toBe(true);
      await settled(dashboard);
      await dashboard.goto('/bao-cao/mau');
      await dashboard.getByRole('heading', { name: 'Mẫu báo cáo', level: 1 }).waitFor();
      await settled(dashboard);
    }
  }, 300_000);
});
