import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildAccount } from '../factories.ts';
import { importQuangNinh } from '../units-fixture.ts';
import { browserAvailable, chooseOption, screenshot, signIn, useBrowserHarness } from './browser.ts';

type TreeRow = { title: string; depth: number };

/**
 * Every row of the (virtualised) unit tree, top to bottom: scrolls the list through and back to the top.
 * Only the rows in view are in the page at any time.
 */
async function treeRows(page: Page): Promise<TreeRow[]> {
  return page.locator('.unit-tree').evaluate(async (tree) => {
    const holder = tree.querySelector<HTMLElement>('.ant-tree-list-holder');
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const seen = new Map<string, { title: string; depth: number; top: number }>();
    const collect = () => {
      for (const node of tree.querySelectorAll<HTMLElement>('.ant-tree-treenode')) {
        // rc-tree keeps a hidden row of its own (for measuring); only unit rows count.
        const title = node.querySelector('.unit-node-name')?.textContent;
        if (!title) continue;
        const code = node.querySelector('.unit-code')?.textContent ?? title;
        const top = node.getBoundingClientRect().top + (holder?.scrollTop ?? 0);
        seen.set(code, { title, depth: node.querySelectorAll('.ant-tree-indent-unit').length, top });
      }
    };
    if (holder) holder.scrollTop = 0;
    await frame();
    collect();
    while (holder && holder.scrollTop + holder.clientHeight < holder.scrollHeight - 1) {
      holder.scrollTop += Math.max(40, holder.clientHeight - 60);
      await frame();
      collect();
    }
    if (holder) holder.scrollTop = 0;
    return [...seen.values()].sort((a, b) => a.top - b.top).map(({ title, depth }) => ({ title, depth }));
  });
}

/** The titles of the rows just under the row titled `parent`. */
function childrenOf(rows: TreeRow[], parent: string): string[] {
  const at = rows.findIndex((r) => r.title === parent);
  if (at < 0) return [];
  const kids: string[] = [];
  for (const row of rows.slice(at + 1)) {
    if (row.depth <= rows[at]!.depth) break;
    if (row.depth === rows[at]!.depth + 1) kids.push(row.title);
  }
  return kids;
}

const node = (page: Page, name: string) =>
  page
    .locator('.unit-tree .ant-tree-treenode')
    .filter({ has: page.locator('.unit-node-name', { hasText: new RegExp(`^${name}$`) }) });

/** Opens a tree node until `child` shows. The tree reloads after a date change and may redraw closed under a click
 * made in between (on a loaded machine): the switcher is clicked again only while the node shows closed. */
async function expandUntil(page: Page, name: string, child: string) {
  await expect
    .poll(async () => {
      if (await node(page, child).isVisible()) return true;
      const closed = node(page, name).locator('.ant-tree-switcher_close');
      if (await closed.isVisible()) await closed.click();
      return node(page, child).isVisible();
    })
    .toBe(true);
}

async function setDate(page: Page, ddmmyyyy: string) {
  const input = page.getByLabel('Tại ngày');
  await input.click();
  await input.fill(ddmmyyyy);
  await input.press('Enter');
  const [d, m, y] = ddmmyyyy.split('/');
  await expect.poll(() => page.url()).toContain(`ngay=${y}-${m}-${d}`);
}

async function search(page: Page, text: string, pick: string) {
  const box = page.getByRole('combobox', { name: 'Tìm đơn vị hành chính' });
  await box.click();
  await box.fill(text);
  const option = page
    .locator('.unit-hit')
    .filter({ has: page.locator('.unit-hit-name', { hasText: new RegExp(`^${pick}$`) }) });
  await expect.poll(() => option.first().isVisible()).toBe(true);
  await option.first().click();
  await expect.poll(() => page.locator('#unit-card-title').textContent()).toBe(pick);
}

/** What Thành phố Móng Cái became on 1/7/2025, by name. */
const MONG_CAI_NOW = [
  'Phường Móng Cái 1',
  'Phường Móng Cái 2',
  'Phường Móng Cái 3',
  'Xã Hải Ninh',
  'Xã Hải Sơn',
  'Xã Vĩnh Thực',
];

describe.skipIf(!browserAvailable)('browser journey: administrative units', () => {
  const harness = useBrowserHarness((h) => importQuangNinh(h.db.db));

  it('a person browses Quảng Ninh before and after the 2025 reform, follows its links, searches and adds a quarter', async () => {
    const { ctx, newPage } = harness();
    await buildAccount(ctx, { username: 'tran.van.hai', displayName: 'Trần Văn Hải', isAdmin: true });
    const page = await newPage({ width: 1366, height: 900 });
    await signIn(page, 'tran.van.hai');

    // Danh mục › Đơn vị hành chính
    await expect.poll(() => page.getByRole('menuitem', { name: /Đơn vị hành chính/ }).isVisible()).toBe(true);
    await page.getByRole('menuitem', { name: /Đơn vị hành chính/ }).click();
    await expect.poll(() => page.url()).toContain('/danh-muc/don-vi');
    await page.getByRole('heading', { name: 'Đơn vị hành chính' }).waitFor();

    // Before the reform: province › city › 16 wards and communes.
    await setDate(page, '30/06/2025');
    await expandUntil(page, 'Tỉnh Quảng Ninh', 'Thành phố Móng Cái');
    await expandUntil(page, 'Thành phố Móng Cái', 'Phường Ka Long');
    await node(page, 'Thành phố Móng Cái').locator('.unit-node-name').click();
    await expect.poll(() => page.locator('#unit-card-title').textContent()).toBe('Thành phố Móng Cái');
    await expect.poll(async () => childrenOf(await treeRows(page), 'Thành phố Móng Cái').length).toBe(16);
    expect(childrenOf(await treeRows(page), 'Thành phố Móng Cái')).toContain('Phường Ka Long');
    // The city was abolished: its card shows what its wards and communes became.
    const successors = page
      .locator('.unit-links')
      .filter({ hasText: 'Sáp nhập vào / Chuyển thành' })
      .locator('.unit-link');
    await expect.poll(() => successors.count()).toBe(6);
    await expect
      .poll(() => successors.filter({ hasText: 'Phường Móng Cái 1' }).textContent())
      .toContain('Qua: Phường Trần Phú');
    await screenshot(page, 'don-vi-30-06-2025');

    // After: the city is gone; the page says so and lists what it became, the tree open on them.
    await setDate(page, '01/07/2025');
    await expect
      .poll(() =>
        page.getByText('Thành phố Móng Cái không còn từ 01/07/2025; đã chuyển sang 6 đơn vị dưới đây.').isVisible(),
      )
      .toBe(true);
    await expect
      .poll(() => page.locator('.unit-across-item').allTextContents())
      .toEqual(MONG_CAI_NOW.map((name) => expect.stringContaining(name)));
    await expect.poll(() => node(page, 'Phường Móng Cái 1').isVisible()).toBe(true);
    // And back: the date before shows the city again.
    await setDate(page, '30/06/2025');
    await expect.poll(() => page.locator('#unit-card-title').textContent()).toBe('Thành phố Móng Cái');
    await setDate(page, '01/07/2025');
    await page.locator('.unit-across-item').filter({ hasText: 'Phường Móng Cái 3' }).getByRole('button').click();
    await expect.poll(() => page.locator('#unit-card-title').textContent()).toBe('Phường Móng Cái 3');
    await expect.poll(() => page.url()).not.toContain('tu=');
    await expect
      .poll(async () => childrenOf(await treeRows(page), 'Tỉnh Quảng Ninh'))
      .toEqual(
        expect.arrayContaining([
          'Phường Móng Cái 1',
          'Phường Móng Cái 2',
          'Phường Móng Cái 3',
          'Xã Hải Sơn',
          'Xã Hải Ninh',
          'Xã Vĩnh Thực',
        ]),
      );
    const rows = await treeRows(page);
    expect(rows.some((r) => r.title.startsWith('Thành phố') || r.title.startsWith('Huyện'))).toBe(false);

    // A ward with a reused code: on the new date the page lands on its one successor and says so.
    await setDate(page, '30/06/2025');
    await search(page, 'ka long', 'Phường Ka Long');
    await setDate(page, '01/07/2025');
    await expect
      .poll(() =>
        page.getByText('Phường Ka Long không còn từ 01/07/2025; đã chuyển sang Phường Móng Cái 2.').isVisible(),
      )
      .toBe(true);
    await expect.poll(() => page.locator('#unit-card-title').textContent()).toBe('Phường Móng Cái 2');
    await expect
      .poll(() => page.locator('.ant-tree-node-selected .unit-node-name').textContent())
      .toBe('Phường Móng Cái 2');

    // Phường Móng Cái 1 was formed from five units.
    await search(page, '06712', 'Phường Móng Cái 1');
    const sources = page.locator('.unit-links').filter({ hasText: 'Hình thành từ' }).locator('.unit-link');
    await expect.poll(() => sources.count()).toBe(5);
    await expect.poll(() => page.getByText('Hiệu lực: từ 01/07/2025 đến nay').isVisible()).toBe(true);
    await expect
      .poll(() => page.locator('.ant-tree-node-selected .unit-node-name').textContent())
      .toBe('Phường Móng Cái 1');
    await screenshot(page, 'don-vi-01-07-2025');

    // Back in time from the new ward: before it existed, the page lists what it was formed from.
    await setDate(page, '30/06/2025');
    await expect
      .poll(() =>
        page.getByText('Phường Móng Cái 1 chỉ có từ 01/07/2025; được hình thành từ 5 đơn vị dưới đây.').isVisible(),
      )
      .toBe(true);
    await expect.poll(() => page.locator('.unit-across-item').count()).toBe(5);
    await expect.poll(() => node(page, 'Phường Trà Cổ').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Xem lại Phường Móng Cái 1 ngày 01/07/2025' }).click();
    await expect.poll(() => page.locator('#unit-card-title').textContent()).toBe('Phường Móng Cái 1');

    // Following a source opens it on its last day.
    await sources.filter({ hasText: 'Phường Trần Phú' }).getByRole('button').click();
    await expect.poll(() => page.locator('#unit-card-title').textContent()).toBe('Phường Trần Phú');
    await expect.poll(() => page.url()).toContain('ngay=2025-06-30');
    await setDate(page, '01/07/2025');

    // Search without diacritics.
    await search(page, 'mong cai 2', 'Phường Móng Cái 2');
    await expect.poll(() => page.getByText('Tỉnh Quảng Ninh').first().isVisible()).toBe(true);

    // A quarter for Phường Móng Cái 1.
    await search(page, 'mong cai 1', 'Phường Móng Cái 1');
    await page.getByRole('button', { name: 'Thêm thôn/khu' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Tên thôn/khu').fill('Khu Hồng Hải');
    await chooseOption(page, dialog.getByLabel('Loại'), 'Khu');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => page.getByText('Đã thêm "Khu Hồng Hải" từ ngày 01/07/2025.').isVisible()).toBe(true);
    await expect.poll(() => page.locator('#unit-card-title').textContent()).toBe('Khu Hồng Hải');
    await expect.poll(async () => childrenOf(await treeRows(page), 'Phường Móng Cái 1')).toContain('Khu Hồng Hải');
    await expect.poll(() => node(page, 'Khu Hồng Hải').isVisible()).toBe(true);
  }, 180_000);

  it('on a phone, the date changes with the card open and the units Móng Cái became are listed', async () => {
    const { ctx, newPage } = harness();
    await buildAccount(ctx, { username: 'le.thi.mai', displayName: 'Lê Thị Mai' });
    const page = await newPage({ width: 360, height: 740 });
    await signIn(page, 'le.thi.mai');
    await page.goto('/danh-muc/don-vi?ngay=2025-06-30&ma=194');
    const drawer = page.locator('.unit-drawer');
    await expect.poll(() => drawer.locator('#unit-card-title').textContent()).toBe('Thành phố Móng Cái');
    // Its history: each version a card within the phone's width, its parent a labelled line.
    const version = drawer
      .getByRole('list', { name: 'Lịch sử thay đổi' })
      .getByRole('listitem')
      .filter({ hasText: 'Thành phố Móng Cái' });
    await expect.poll(() => version.getByText('Tỉnh Quảng Ninh').isVisible()).toBe(true);
    const box = await version.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(360);

    const input = drawer.getByLabel('Tại ngày');
    await input.click();
    await input.fill('01/07/2025');
    await input.press('Enter');
    await expect.poll(() => drawer.getByText('Thành phố Móng Cái không còn từ 01/07/2025').isVisible()).toBe(true);
    const items = drawer.locator('.unit-across-item');
    await expect.poll(() => items.count()).toBe(6);
    for (const name of MONG_CAI_NOW) await expect.poll(() => items.getByText(name).isVisible()).toBe(true);

    await items.filter({ hasText: 'Xã Hải Sơn' }).getByRole('button').click();
    await expect.poll(() => drawer.locator('#unit-card-title').textContent()).toBe('Xã Hải Sơn');
    await expect.poll(() => page.url()).toContain('ma=06724');
  }, 120_000);
});
