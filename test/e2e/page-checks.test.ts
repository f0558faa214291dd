import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, CHROMIUM } from './browser.ts';
import { PageChecks, routeOf, trackRequests } from './page-checks.ts';

const SITE = 'http://khoi.test';

/** Pages served by the test itself, by path. */
const PAGES: Record<string, string> = {
  '/good': `<main><h1>Trang tốt</h1><p style="color:#595959">Chữ phụ đủ tương phản.</p>
    <label>Họ và tên <input name="name"></label><button>Lưu</button></main>`,
  '/faint': `<main><h1>Chữ mờ</h1><p class="faint" style="color:#bfbfbf;background:#fff">Chữ xám nhạt</p>
    <input name="unnamed"></main>`,
  '/no-title': `<main><p>Không có tiêu đề</p></main>`,
  // An open antd Select: its dropdown holds a listbox the library gives no name; one of the page's own must have one.
  '/select-open': `<main><h1>Chọn</h1><input role="combobox" aria-expanded="true" aria-label="Loại đơn" aria-controls="kind_list"></main>
    <div class="ant-select-dropdown"><div class="holder" style="height:40px;overflow-y:auto"><div role="listbox" id="kind_list">
    <div role="option" style="height:30px">Khiếu nại</div><div role="option" style="height:30px">Tố cáo</div></div></div></div>`,
  '/own-scroll': `<main><h1>Cuộn</h1><div class="own" style="height:40px;overflow-y:auto">
    <p style="height:30px">Dòng một</p><p style="height:30px">Dòng hai</p></div></main>`,
  '/own-listbox': `<main><h1>Chọn</h1><div role="listbox" class="own"><div role="option">Khiếu nại</div></div></main>`,
  '/wide': `<main><h1>Bảng rộng</h1><div class="wide" style="width:700px">Một dòng rất rộng</div></main>`,
  // The page fits, but its table scrolls sideways inside its box: the last column is out of sight on a phone.
  '/table-box': `<main><h1>Danh sách</h1><div class="table-box" style="overflow-x:auto">
    <table aria-label="Tài khoản" style="width:700px"><tr><th>Tên đăng nhập</th><th>Thao tác</th></tr>
    <tr><td>baocao</td><td><button>Sửa</button></td></tr></table></div></main>`,
  '/table-fits': `<main><h1>Danh sách</h1><div class="table-box" style="overflow-x:auto">
    <table aria-label="Tài khoản" style="width:100%"><tr><th>Tên đăng nhập</th><th>Thao tác</th></tr>
    <tr><td>baocao</td><td><button>Sửa</button></td></tr></table></div></main>`,
  '/app': `<main><h1>Ứng dụng</h1><button id="go">Sang trang khác</button></main>
    <script>document.getElementById('go').onclick = () => {
      history.pushState(null, '', '/app/123/faint');
      document.querySelector('main').innerHTML = '<h1>Trang mới</h1><button class="icon"><svg width="16" height="16"></svg></button>';
    };</script>`,
};

describe.skipIf(!browserAvailable)('page checks on every page a journey reaches', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox'] });
  });
  afterAll(async () => browser?.close());

  async function open(checks: PageChecks, width = 1024): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: 700 } });
    await trackRequests(context);
    await context.route(`${SITE}/**`, (route) => {
      const path = new URL(route.request().url()).pathname;
      const body = PAGES[path] ?? PAGES['/good']!;
      return route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: `<!doctype html><html lang="vi"><title>Khối</title>${body}`,
      });
    });
    const page = await context.newPage();
    checks.watch(page);
    return page;
  }

  it('passes a page with nothing wrong', async () => {
    const checks = new PageChecks();
    const page = await open(checks);
    await page.goto(`${SITE}/good`);
    await expect(checks.flush()).resolves.toBeUndefined();
  });

  it('fails on text without enough contrast and a field without a name, naming the rule, the element and its text', async () => {
    const checks = new PageChecks();
    const page = await open(checks);
    await page.goto(`${SITE}/faint`);
    const error = await checks.flush().then(
      () => null,
      (err: Error) => err.message,
    );
    expect(error).toContain('/faint at 1024 px:');
    expect(error).toMatch(
      /color-contrast \(serious\).*\n\s+p {2}"Chữ xám nhạt" — Element has insufficient color contrast/,
    );
    expect(error).toMatch(/label \(critical\)/);
    // The faults are reported once: a second flush has nothing left to say.
    await expect(checks.flush()).resolves.toBeUndefined();
  });

  it("passes over the unnamed listbox of an open antd Select, not a page's own unnamed listbox", async () => {
    const checks = new PageChecks();
    const page = await open(checks);
    await page.goto(`${SITE}/select-open`);
    await expect(checks.flush()).resolves.toBeUndefined();
    await page.goto(`${SITE}/own-listbox`);
    await expect(checks.flush()).rejects.toThrow(/aria-input-field-name \(serious\)/);
    // its scrolling list is reached from the combobox (aria-activedescendant), a page's own must take the focus
    await page.goto(`${SITE}/own-scroll`);
    await expect(checks.flush()).rejects.toThrow(/scrollable-region-focusable/);
  });

  it('fails on a page without an h1', async () => {
    const checks = new PageChecks();
    const page = await open(checks);
    await page.goto(`${SITE}/no-title`);
    await expect(checks.flush()).rejects.toThrow(/page-has-heading-one/);
  });

  it('fails on a page that scrolls sideways on a narrow screen, and passes it on a wide one', async () => {
    const narrow = new PageChecks();
    await (await open(narrow, 360)).goto(`${SITE}/wide`);
    await expect(narrow.flush()).rejects.toThrow(
      /narrow-screen-scroll \(serious\): The page scrolls sideways at 360 px \(its width is 70\d px\)\n\s+div\.wide/,
    );
    const wide = new PageChecks();
    await (await open(wide, 1024)).goto(`${SITE}/wide`);
    await expect(wide.flush()).resolves.toBeUndefined();
  });

  it('fails on a table that scrolls sideways in its own box on a narrow screen, naming the box and the table', async () => {
    const narrow = new PageChecks();
    await (await open(narrow, 360)).goto(`${SITE}/table-box`);
    const error = await narrow.flush().then(
      () => null,
      (err: Error) => err.message,
    );
    expect(error).toMatch(
      /\/table-box at 360 px:\n\s+narrow-table-scroll \(serious\): A table scrolls sideways at 360 px.*\n\s+div\.table-box {2}"Tài khoản" — 700 px wide in a \d+ px box/,
    );
    // The page itself does not scroll: only its table does.
    expect(error).not.toContain('narrow-screen-scroll (serious)');
    // A table that fits its box passes, and so does the wide one on a wide screen.
    const fits = new PageChecks();
    await (await open(fits, 360)).goto(`${SITE}/table-fits`);
    await expect(fits.flush()).resolves.toBeUndefined();
    const wide = new PageChecks();
    await (await open(wide, 1024)).goto(`${SITE}/table-box`);
    await expect(wide.flush()).resolves.toBeUndefined();
  });

  it('checks a route the app moves to by itself (history.pushState), as one route whatever its ids', async () => {
    const checks = new PageChecks();
    const page = await open(checks);
    await page.goto(`${SITE}/app`);
    await page.getByRole('button', { name: 'Sang trang khác' }).click();
    await expect(checks.flush()).rejects.toThrow(/\/app\/:id\/faint at 1024 px:\n\s+button-name \(critical\)/);
  });

  it('reads a route without its ids and query', () => {
    expect(routeOf('http://x/danh-muc/can-bo/42?ngay=2026-01-01')).toBe('/danh-muc/can-bo/:id');
    expect(routeOf('http://x/viec/0b9f0c4e-7a53-4a8e-9a53-8a1f3c0e9d11')).toBe('/viec/:id');
    expect(routeOf('data:text/html,<p>x</p>')).toBe('data:');
  });
});
