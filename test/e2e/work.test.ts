import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../server/features/demo/demo.seed.ts';
import { PASSWORD } from '../factories.ts';
import { PNG } from '../work-fixture.ts';
import {
  browserAvailable,
  confirmInDialog,
  screenshot,
  settled,
  signIn,
  submitDialog,
  useBrowserHarness,
} from './browser.ts';

/** Types a name into a body search box, waits for the search's answer, and picks the body with exactly that name.
 * A failure says what the server answered and what the list showed. */
async function pickBody(page: Page, box: Locator, text: string, name: string) {
  const option = page
    .locator('.body-hit')
    .filter({ has: page.locator('.body-hit-name', { hasText: new RegExp(`^${name}$`) }) });
  const q = encodeURIComponent(text).replace(/%20/g, '(%20|\\+)');
  const answered = () =>
    page.waitForResponse((r) => new RegExp(`/api/bodies\\?.*q=${q}`).test(r.url()), { timeout: 20_000 });
  let seen = '';
  for (let attempt = 1; ; attempt++) {
    try {
      await box.click({ timeout: 5000 });
      const answer = answered();
      await box.fill(text);
      const res = await answer.catch(() => null);
      seen = `answer ${res ? `${res.status()} ${(await res.text()).slice(0, 300)}` : 'none within 20 s'}`;
      await expect.poll(() => option.first().isVisible()).toBe(true);
      await option.first().click({ timeout: 5000 });
      return;
    } catch (err) {
      const shown = await page
        .locator('.body-hit-name')
        .allTextContents()
        .catch(() => []);
      if (attempt >= 3)
        throw new Error(
          `could not pick "${name}" after typing "${text}": ${seen}; the list showed ${JSON.stringify(shown.slice(0, 10))}`,
          { cause: err },
        );
    }
  }
}

/** Types a date into a picker and leaves it with a click on the drawer's title (Enter would submit the form). */
async function typeDate(page: Page, field: Locator, ddmmyyyy: string) {
  await field.click();
  await field.fill(ddmmyyyy);
  await page.locator('.ant-drawer-title').click();
  await expect.poll(() => field.inputValue()).toBe(ddmmyyyy);
}

describe.skipIf(!browserAvailable)('browser journeys: work', () => {
  // The server's today is the browser's today: dates the page proposes (a report's date) agree with the server.
  const harness = useBrowserHarness(
    (h) => seedDemo(h.ctx, { accountId: null, label: 'test' }, { password: PASSWORD }),
    { start: () => new Date().toISOString() },
  );

  it('at desktop width a leader creates a programme and a task with two cooperating bodies; an officer reports progress with a file; the leader accepts it', async () => {
    const year = 2027;
    const leader = await harness().newPage({ width: 1366, height: 900 });
    await signIn(leader, 'mongcai@khoi.local');
    await leader.getByRole('menuitem', { name: 'Chương trình công tác' }).click();
    await leader.getByRole('heading', { name: 'Chương trình công tác', level: 1 }).waitFor();

    // A programme of the ward's Front committee for next year, with two task groups.
    await leader.getByRole('button', { name: 'Tạo chương trình' }).first().click();
    const create = leader.getByRole('dialog');
    await create.waitFor();
    await settled(leader);
    await pickBody(
      leader,
      create.getByLabel('Tổ chức chủ quản', { exact: true }),
      'mttq phuong mong cai 1',
      'Ủy ban MTTQ Phường Móng Cái 1',
    );
    await create.getByLabel('Năm', { exact: true }).fill(String(year));
    await create
      .getByLabel('Tên chương trình', { exact: true })
      .fill(`Chương trình công tác năm ${year} của Ủy ban MTTQ Phường Móng Cái 1`);
    await create
      .getByLabel('Nhóm nhiệm vụ (mỗi dòng một nhóm)')
      .fill('1. Công tác tuyên truyền, vận động\n2. Giám sát, phản biện xã hội');
    await create.getByRole('button', { name: 'Tạo chương trình' }).click();
    await expect.poll(() => leader.url()).toMatch(/\/chuong-trinh\/[0-9a-f-]{36}/);
    await leader
      .getByRole('heading', { name: `Chương trình công tác năm ${year} của Ủy ban MTTQ Phường Móng Cái 1` })
      .waitFor();

    // A task led by the Front committee with the Women's Union and a residential area's Front work committee.
    await leader.getByRole('button', { name: 'Thêm nhiệm vụ' }).first().click();
    const drawer = leader.getByRole('dialog').filter({ hasText: 'Nội dung nhiệm vụ' });
    await drawer.waitFor();
    await settled(leader);
    await drawer
      .getByLabel('Nội dung nhiệm vụ', { exact: true })
      .fill(`Tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm ${year}`);
    await pickBody(
      leader,
      drawer.getByLabel('Đơn vị chủ trì', { exact: true }),
      'mttq phuong mong cai 1',
      'Ủy ban MTTQ Phường Móng Cái 1',
    );
    await drawer.getByRole('button', { name: 'Thêm đơn vị phối hợp' }).click();
    await pickBody(
      leader,
      drawer.getByRole('group', { name: 'Đơn vị phối hợp 1' }).getByLabel('Đơn vị phối hợp', { exact: true }),
      'hoi lhpn phuong mong cai 1',
      'Hội LHPN Phường Móng Cái 1',
    );
    await drawer
      .getByRole('group', { name: 'Đơn vị phối hợp 1' })
      .getByLabel('Phần việc của đơn vị phối hợp')
      .fill('Vận động hội viên phụ nữ tham gia');
    await drawer.getByRole('button', { name: 'Thêm đơn vị phối hợp' }).click();
    await pickBody(
      leader,
      drawer.getByRole('group', { name: 'Đơn vị phối hợp 2' }).getByLabel('Đơn vị phối hợp', { exact: true }),
      'dang uy phuong mong cai 1',
      'Đảng ủy Phường Móng Cái 1',
    );
    await typeDate(leader, drawer.locator('#startDate'), `01/03/${year}`);
    await typeDate(leader, drawer.locator('#dueDate'), `18/11/${year}`);
    await settled(leader);
    await screenshot(leader, 'nhiem-vu-them');
    await submitDialog(leader, drawer, 'Lưu');
    const row = leader
      .getByRole('link', { name: new RegExp(`Tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm ${year}`) })
      .first();
    await row.waitFor();
    await settled(leader);
    await screenshot(leader, 'chuong-trinh');
    await row.click();
    await expect.poll(() => leader.url()).toMatch(/\/nhiem-vu\/[0-9a-f-]{36}/);
    const taskUrl = new URL(leader.url()).pathname;
    await expect.poll(() => leader.getByText('Hội LHPN Phường Móng Cái 1').first().isVisible()).toBe(true);
    await expect.poll(() => leader.getByText('Đảng ủy Phường Móng Cái 1').first().isVisible()).toBe(true);

    // The ward's officer reports progress with a photo, then reports the work done.
    const officer = await harness().newPage({ width: 1366, height: 900 });
    await signIn(officer, 'canbo@khoi.local');
    await officer.goto(taskUrl);
    await officer.getByLabel('Tỷ lệ hoàn thành (%)').waitFor();
    await officer
      .locator('.work-evidence .ant-upload input[type=file]')
      .setInputFiles([{ name: 'anh-hien-truong.png', mimeType: 'image/png', buffer: PNG }]);
    await expect.poll(() => officer.locator('.work-evidence').textContent()).toContain('anh-hien-truong');
    await officer.getByLabel('Tỷ lệ hoàn thành (%)').fill('60');
    await officer.getByLabel('Nội dung báo cáo').fill('Đã họp Ban công tác Mặt trận 8 khu, thống nhất kế hoạch.');
    await officer.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await expect
      .poll(() => officer.getByText('Đã họp Ban công tác Mặt trận 8 khu, thống nhất kế hoạch.').first().isVisible())
      .toBe(true);
    // The photo shows as a thumbnail in the report's history entry.
    await expect
      .poll(() =>
        officer
          .getByRole('img', { name: /anh-hien-truong/ })
          .first()
          .isVisible(),
      )
      .toBe(true);
    await confirmInDialog(
      officer,
      officer.getByRole('group', { name: 'Thao tác với nhiệm vụ' }).getByRole('button', { name: 'Báo cáo hoàn thành' }),
      'Báo cáo hoàn thành',
    );
    await expect
      .poll(() =>
        officer
          .locator('.ant-tag')
          .filter({ hasText: /^Báo cáo hoàn thành$/ })
          .first()
          .isVisible(),
      )
      .toBe(true);

    // The leader accepts it: done, on time.
    await leader.reload();
    await expect
      .poll(() =>
        leader
          .locator('.ant-tag')
          .filter({ hasText: /^Báo cáo hoàn thành$/ })
          .first()
          .isVisible(),
      )
      .toBe(true);
    await confirmInDialog(
      leader,
      leader.getByRole('group', { name: 'Thao tác với nhiệm vụ' }).getByRole('button', { name: 'Nghiệm thu' }),
      'Nghiệm thu',
    );
    await expect
      .poll(() =>
        leader
          .locator('.ant-tag')
          .filter({ hasText: /^Đã nghiệm thu$/ })
          .first()
          .isVisible(),
      )
      .toBe(true);
    await expect.poll(() => leader.getByText('Hoàn thành đúng hạn').first().isVisible()).toBe(true);
    await settled(leader);
    await screenshot(leader, 'nhiem-vu');
  }, 180_000);

  it('at 360 px a commune officer opens "my work" and reports progress with a photo, in the task page\'s form', async () => {
    const page = await harness().newPage({ width: 360, height: 760 });
    await signIn(page, 'canbo@khoi.local');
    await page.goto('/viec-cua-toi');
    const card = page.locator('.mywork-card', { hasText: 'Vận động xây dựng mô hình tổ dân cư tự quản an toàn' });
    await card.waitFor();
    await settled(page);
    await screenshot(page, 'viec-cua-toi-360');
    await card.getByRole('button', { name: 'Báo cáo tiến độ' }).click();
    const form = page.locator('.work-progress-form');
    await form.waitFor();
    await settled(page);
    await form.getByLabel('Tỷ lệ hoàn thành (%)').fill('75');
    await form.getByLabel('Nội dung báo cáo').fill('Khu 3 và khu 5 đã ra mắt tổ tự quản.');
    // The camera button's input (on a phone it opens the camera).
    await form
      .locator('input.work-camera-input')
      .setInputFiles([{ name: 'anh-ra-mat.png', mimeType: 'image/png', buffer: PNG }]);
    await expect.poll(() => form.locator('.work-evidence .ant-upload-list-item-done').count()).toBe(1);
    await settled(page);
    await screenshot(page, 'bao-cao-tien-do-360');
    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await expect
      .poll(() =>
        page
          .getByText('Đã ghi nhận tiến độ nhiệm vụ "Vận động xây dựng mô hình tổ dân cư tự quản an toàn".')
          .isVisible(),
      )
      .toBe(true);
    await expect.poll(() => card.locator('.mywork-progress').textContent()).toContain('75');
    // No page wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    // The report is on the task with its photo, entered by the officer.
    const task = await harness()
      .ctx.db.selectFrom('tasks')
      .select('id')
      .where('title', '=', 'Vận động xây dựng mô hình tổ dân cư tự quản an toàn')
      .executeTakeFirstOrThrow();
    const files = await harness()
      .ctx.db.selectFrom('task_files as tf')
      .innerJoin('task_updates as u', 'u.id', 'tf.update_id')
      .select(['u.progress'])
      .where('tf.task_id', '=', task.id)
      .execute();
    expect(files).toEqual([{ progress: 75 }]);
  }, 120_000);
});
