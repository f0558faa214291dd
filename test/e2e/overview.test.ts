import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../server/features/demo/demo.seed.ts';
import { wrapName } from '../../web/features/overview/chartLabels.ts';
import { PASSWORD } from '../factories.ts';
import { browserAvailable, type BrowserHarness, screenshot, signIn, useBrowserHarness } from './browser.ts';
import { checkPage, formatFindings } from './page-checks.ts';

type Box = { x: number; y: number; width: number; height: number };

const LEAD_BODIES = ['Ủy ban MTTQ Phường Móng Cái 1', 'Hội LHPN Phường Móng Cái 1'];
const KEY_KIND = 'Nhiệm vụ trọng tâm đăng ký với cấp ủy';
/** A tag on one line is 22 px high (antd); a wrapped one at least twice that. */
const ONE_LINE = 26;

/** The current programme of the demo is of the server's year (Vietnam's). */
const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format());

async function open(h: BrowserHarness, width: number, height: number): Promise<Page> {
  const page = await h.newPage({ width, height });
  // Early December in the browser: "Hôm nay" stands right beside the month label "T12", where it used to cover it.
  await page.clock.setFixedTime(new Date(`${year}-12-07T09:00:00+07:00`));
  return page;
}

/** The page itself and every box in it (or in `within`) whose content is wider than the box and scrolls sideways. */
async function sidewaysScrollers(page: Page, within = 'body'): Promise<string[]> {
  return page.evaluate((selector) => {
    const found: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > window.innerWidth) found.push(`the page (${doc.scrollWidth} px wide)`);
    for (const root of document.querySelectorAll(selector))
      for (const el of root.querySelectorAll<HTMLElement>('*')) {
        const x = getComputedStyle(el).overflowX;
        if ((x === 'auto' || x === 'scroll') && el.scrollWidth > el.clientWidth + 1 && el.getClientRects().length)
          found.push(
            `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} (${el.scrollWidth} > ${el.clientWidth})`,
          );
      }
    return found;
  }, within);
}

/** The page checks of test/e2e/page-checks.ts, run here on a view of a programme's page: the harness checks each
 * route once, and the board and the timeline share the list's route. */
async function checkView(page: Page, where: string) {
  await expect.poll(async () => formatFindings(where, (await checkPage(page)).findings)).toBe(`${where}:`);
}

function overlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The overview's chart and table of lead bodies: the chart drawn, every body's full name readable as a link. */
async function checkOverview(page: Page) {
  await page.goto('/tong-quan');
  await page.getByRole('heading', { name: 'Tổng quan', level: 1 }).waitFor();
  const card = page.locator('.ant-card', { has: page.getByRole('heading', { name: 'Theo tổ chức chủ trì' }) });
  await card
    .getByRole('img', { name: /^Biểu đồ số nhiệm vụ theo tổ chức chủ trì/ })
    .locator('canvas')
    .waitFor();
  for (const name of LEAD_BODIES) await card.getByRole('link', { name, exact: true }).waitFor();
  expect(await sidewaysScrollers(page, '.overview')).toEqual([]);
}

/** "Hôm nay" and the months' names of the timeline are apart, and "Hôm nay" is inside the chart. */
async function checkToday(page: Page) {
  const today = page.locator('.work-tl-today-label');
  await today.waitFor();
  const box = (await today.boundingBox())!;
  const months = await page.locator('.work-tl-month-name').all();
  expect(months).toHaveLength(12);
  for (const month of months) {
    const m = (await month.boundingBox())!;
    expect(
      overlap(box, m),
      `"Hôm nay" ${JSON.stringify(box)} over ${await month.textContent()} ${JSON.stringify(m)}`,
    ).toBe(false);
  }
  const chart = (await page.locator('.work-tl-scroll').boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(chart.x);
  expect(box.x + box.width).toBeLessThanOrEqual(chart.x + chart.width);
}

describe('chart names on two lines', () => {
  const measure = (s: string) => s.length * 7;

  it('keeps a short name whole, breaks a long one between words and ends one too long for two lines with "…"', () => {
    expect(wrapName('Hội LHPN Phường Móng Cái 1', 300, measure)).toBe('Hội LHPN Phường Móng Cái 1');
    expect(wrapName('Cuộc vận động "Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh"', 300, measure)).toBe(
      'Cuộc vận động "Toàn dân đoàn kết xây dựng\nnông thôn mới, đô thị văn minh"',
    );
    // A word longer than a line is cut too.
    expect(wrapName(`${'A'.repeat(60)} b`, 300, measure)).toBe(`${'A'.repeat(41)}…\nb`);
    const long = wrapName(`${'Thực hiện các phong trào thi đua yêu nước '.repeat(4)}trên địa bàn`, 300, measure);
    const lines = long.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]!.endsWith('…')).toBe(true);
    for (const line of lines) expect(measure(line)).toBeLessThanOrEqual(300);
  });
});

describe.skipIf(!browserAvailable)('browser journeys: the overview and a programme’s views', () => {
  // The server's today is the browser's real today: the demo's current programme is of this year.
  const harness = useBrowserHarness(
    (h) => seedDemo(h.ctx, { accountId: null, label: 'test' }, { password: PASSWORD }),
    { start: () => new Date().toISOString() },
  );
  it('at 1366 px a leader reads the chart’s names, every column of the tables, kinds on one line and "Hôm nay" clear of "T12"', async () => {
    const page = await open(harness(), 1366, 768);
    await signIn(page, 'mongcai@khoi.local');
    await checkOverview(page);
    await screenshot(page, 'tong-quan');

    // The programme's list: every task's kind on one line (its whole name there for screen readers), and every
    // column of the tables in view without scrolling sideways.
    await page.getByRole('link', { name: 'Mở chương trình' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/chuong-trinh\/[0-9a-f-]{36}$/);
    const programme = page.url().split('?')[0]!;
    const kinds = page.locator('.work-list .work-kind-tag');
    await kinds.first().waitFor();
    for (const tag of await kinds.all()) expect((await tag.boundingBox())!.height).toBeLessThanOrEqual(ONE_LINE);
    await expect.poll(() => page.locator('.work-kind-tag', { hasText: KEY_KIND }).count()).toBeGreaterThan(0);
    expect(await sidewaysScrollers(page, '.work-list')).toEqual([]);
    await page.locator('.work-list').getByRole('columnheader', { name: 'Trạng thái' }).first().waitFor();

    await page.goto(`${programme}?view=timeline`);
    await checkToday(page);
    await screenshot(page, 'tien-do-theo-thoi-gian');
    await checkView(page, 'the timeline at 1366 px');

    // The board shows the statuses with tasks side by side, none hidden off to the right.
    await page.goto(`${programme}?view=board`);
    await page.locator('.work-board-col').first().waitFor();
    expect(await sidewaysScrollers(page, '.work-board')).toEqual([]);
    await checkView(page, 'the board at 1366 px');
  }, 180_000);

  it('at 360 px a leader reads the overview, and a programme as cards, a board and a timeline, none scrolling sideways', async () => {
    const page = await open(harness(), 360, 740);
    await signIn(page, 'mongcai@khoi.local');
    await checkOverview(page);
    expect(await sidewaysScrollers(page)).toEqual([]);

    await page.getByRole('link', { name: 'Mở chương trình' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/chuong-trinh\/[0-9a-f-]{36}$/);
    const programme = page.url().split('?')[0]!;
    await page.locator('.work-list .work-cards').first().waitFor();
    expect(await page.locator('.work-list .ant-table').count()).toBe(0);
    expect(await sidewaysScrollers(page)).toEqual([]);

    await page.goto(`${programme}?view=board`);
    await page.locator('.work-board-col').first().waitFor();
    expect(await sidewaysScrollers(page)).toEqual([]);
    await checkView(page, 'the board at 360 px');

    await page.goto(`${programme}?view=timeline`);
    await checkToday(page);
    await page.locator('.work-tl-task').first().waitFor();
    expect(await sidewaysScrollers(page)).toEqual([]);
    await checkView(page, 'the timeline at 360 px');
  }, 180_000);

  it('at 360 px an officer reads the programme’s list and timeline without scrolling sideways', async () => {
    const page = await open(harness(), 360, 740);
    await signIn(page, 'canbo@khoi.local');
    await page.goto('/chuong-trinh');
    await page.getByRole('heading', { name: 'Chương trình công tác', level: 1 }).waitFor();
    await page
      .locator('a[href^="/chuong-trinh/"]', { hasText: `năm ${year}` })
      .first()
      .click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/chuong-trinh\/[0-9a-f-]{36}$/);
    const programme = page.url().split('?')[0]!;
    await page.locator('.work-list .work-cards').first().waitFor();
    expect(await sidewaysScrollers(page)).toEqual([]);

    await page.goto(`${programme}?view=timeline`);
    await checkToday(page);
    expect(await sidewaysScrollers(page)).toEqual([]);
  }, 180_000);
});
