import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { COMMISSIONED_TASK } from '../../server/features/demo/demo.clearance.data.ts';
import { seedDemo } from '../../server/features/demo/demo.seed.ts';
import type { Session } from '../app.ts';
import { buildAccount, PASSWORD, signInAdmin } from '../factories.ts';
import { PNG } from '../work-fixture.ts';
import {
  apiOk,
  browserAvailable,
  type BrowserHarness,
  chooseOption,
  screenshot,
  settled,
  signInTo,
  submitDialog,
  useBrowserHarness,
} from './browser.ts';
import { checkPage, formatFindings } from './page-checks.ts';

/** What the setup made: the ward officer who goes door to door, the project and its households. */
type Setup = { officer: string; projectId: string; today: string };
let setup: Setup;

const ok = apiOk;

/** The demo's units and bodies; through the API, a leader of Phường Móng Cái 1, the Bắc Luân II approach road
 * (ten households announced, four registered, one of them agreed) and a dialogue about it. */
async function prepare(h: BrowserHarness): Promise<void> {
  await seedDemo(h.ctx, { accountId: null, label: 'test' }, { password: PASSWORD });
  const admin: Session = await signInAdmin(h);
  const account = await buildAccount(h.ctx, { displayName: 'Cán bộ Mặt trận Phường Móng Cái 1' });
  await ok(h, {
    method: 'POST',
    url: `/api/accounts/${account.id}/roles`,
    session: admin,
    body: { role: 'leader', unitCode: '06712', validFrom: '2025-07-01' },
  });
  const body = await h.ctx.db
    .selectFrom('bodies')
    .select('id')
    .where('name', '=', 'Ủy ban MTTQ Phường Móng Cái 1')
    .executeTakeFirstOrThrow();
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
  const start = `${Number(today.slice(0, 4)) - 1}-01-01`;
  const project = await ok<{ project: { id: string } }>(h, {
    method: 'POST',
    url: '/api/key-projects',
    session: admin,
    body: {
      bodyId: body.id,
      code: 'BL2',
      name: 'Đường dẫn cầu Bắc Luân II',
      investor: 'UBND thành phố Móng Cái',
      householdTotal: 10,
      startDate: start,
      plannedCompletionDate: `${Number(today.slice(0, 4)) + 1}-12-31`,
    },
  });
  const id = project.project.id;
  for (const [headName, status] of [
    ['Hộ ông Nguyễn Văn Thành', 'agreed'],
    ['Hộ bà Lê Thị Hoa', 'mobilising'],
    ['Hộ ông Trần Văn Bình', 'not_agreed'],
    ['Hộ ông Phạm Văn Quang', 'not_agreed'],
  ])
    await ok(h, {
      method: 'POST',
      url: `/api/key-projects/${id}/households`,
      session: admin,
      body: { headName, address: 'Khu 3, Phường Móng Cái 1', status, statusOn: start },
    });
  await ok(h, {
    method: 'POST',
    url: '/api/dialogues',
    session: admin,
    body: {
      bodyId: body.id,
      projectId: id,
      heldOn: today,
      title: 'Đối thoại với các hộ dân dự án đường dẫn cầu Bắc Luân II',
      place: 'Nhà văn hóa khu 3',
      chairName: 'Chủ tịch Ủy ban MTTQ phường',
      attendees: [{ kind: 'resident', name: 'Bà Nguyễn Thị Tám', role: 'Đại diện các hộ khu 3' }],
      outcomes: [{ text: 'Rà soát lại đơn giá bồi thường đất vườn' }],
    },
  });
  setup = { officer: account.username, projectId: id, today };
}

/** Types into the task picker until the task titled `title` is offered, and picks it (again if a click was lost while
 * the list re-rendered with the search's answer). */
async function pickTask(page: Page, box: Locator, text: string, title: string): Promise<void> {
  const option = page.locator('.body-hit').filter({ has: page.locator('.body-hit-name', { hasText: title }) });
  const shown = () =>
    box.evaluate(
      (input) => input.closest('.ant-select')?.querySelector('.ant-select-content')?.getAttribute('title') ?? null,
    );
  for (let attempt = 1; ; attempt++) {
    try {
      await box.click({ timeout: 5000 });
      await box.fill(text);
      await option.first().click({ timeout: 20_000 });
      await expect.poll(shown, { timeout: 5000 }).toBe(title);
      return;
    } catch (err) {
      if (attempt >= 3) throw err;
    }
  }
}

describe.skipIf(!browserAvailable)('browser journeys: site clearance and dialogues', () => {
  const harness = useBrowserHarness(prepare, { start: () => new Date().toISOString() });

  it('an officer logs a visit with a photo on a phone, and the project page a leader reads shows the new consent', async () => {
    const h = harness();
    const phone = await h.newPage({ width: 360, height: 780 });
    await signInTo(phone, setup.officer, `/du-an-trong-diem/${setup.projectId}`);
    await phone.getByRole('heading', { name: 'Đường dẫn cầu Bắc Luân II', level: 1 }).waitFor();
    await phone.getByText('Đã vận động 1/10 hộ đồng ý (10%)').waitFor();
    await settled(phone);

    await phone.getByRole('button', { name: 'Ghi lần vận động' }).first().click();
    const dialog = phone.getByRole('dialog', { name: 'Ghi lần vận động' });
    await dialog.waitFor();
    await settled(phone);
    await chooseOption(phone, dialog.getByLabel('Hộ dân', { exact: true }), '2. Hộ bà Lê Thị Hoa');
    await dialog.getByLabel('Kết quả vận động').fill('Gia đình đồng ý nhận bồi thường, hẹn bàn giao trong tháng.');
    await chooseOption(phone, dialog.getByLabel('Tình trạng của hộ sau lần vận động'), 'Đồng ý');
    await dialog.locator('input[type=file]').setInputFiles({ name: 'nha.png', mimeType: 'image/png', buffer: PNG });
    await dialog.getByText('nha.png').waitFor();
    await settled(phone);
    await dialog.getByRole('button', { name: 'Lưu', exact: true }).click();
    await phone.getByText('Đã ghi lần vận động.').waitFor();
    await dialog.waitFor({ state: 'hidden' });
    await phone.getByText('Đã vận động 2/10 hộ đồng ý (20%)').waitFor();

    // The household's history shows the change and the visit with its photo.
    await phone.getByRole('button', { name: 'Hộ bà Lê Thị Hoa' }).click();
    const drawer = phone.getByRole('dialog', { name: 'Hộ bà Lê Thị Hoa' });
    await drawer.getByText('Gia đình đồng ý nhận bồi thường, hẹn bàn giao trong tháng.').first().waitFor();
    await expect.poll(() => drawer.getByRole('img', { name: /^Ảnh lần vận động/ }).count()).toBe(1);
    await settled(phone);
    await phone.keyboard.press('Escape');

    // The list of projects and the dialogues, on a desktop and on a phone (the page checks run on each).
    const desk = await h.newPage({ width: 1366, height: 900 });
    await signInTo(desk, setup.officer, '/du-an-trong-diem');
    for (const width of [1366, 360]) {
      await desk.setViewportSize({ width, height: 900 });
      await desk.goto('/du-an-trong-diem');
      await desk.getByRole('heading', { name: 'Dự án trọng điểm — giải phóng mặt bằng', level: 1 }).waitFor();
      await desk.getByText('2/10 hộ (20%)').waitFor();
      await settled(desk);
      await desk.goto('/doi-thoai');
      await desk.getByRole('heading', { name: 'Đối thoại với nhân dân', level: 1 }).waitFor();
      await desk.getByRole('link', { name: 'Đối thoại với các hộ dân dự án đường dẫn cầu Bắc Luân II' }).click();
      await desk.getByText('Rà soát lại đơn giá bồi thường đất vườn').waitFor();
      await settled(desk);
    }
    await desk.setViewportSize({ width: 1366, height: 900 });
    await desk.goto(`/du-an-trong-diem/${setup.projectId}`);
    await desk.getByText('Đã vận động 2/10 hộ đồng ý (20%)').waitFor();
    await settled(desk);

    // The guide's pictures show the demo's own project (the story the README tells), not this journey's fixture.
    const demo = await h.ctx.db
      .selectFrom('key_projects')
      .select('id')
      .where('code', '=', 'BLII-DD')
      .executeTakeFirstOrThrow();
    for (const [page, name] of [
      [phone, 'du-an-trong-diem-360'],
      [desk, 'du-an-trong-diem'],
    ] as const) {
      await page.goto(`/du-an-trong-diem/${demo.id}`);
      await page.getByText(/^Đã vận động \d+\/\d+ hộ đồng ý/).waitFor();
      await settled(page);
      await screenshot(page, name);
    }
  }, 300_000);

  it('a leader on a phone links the project to the commissioned task that pays for the mobilisation, and its page links to the task', async () => {
    const h = harness();
    const phone = await h.newPage({ width: 360, height: 780 });
    await signInTo(phone, setup.officer, `/du-an-trong-diem/${setup.projectId}`);
    await phone.getByRole('heading', { name: 'Đường dẫn cầu Bắc Luân II', level: 1 }).waitFor();
    await phone.getByRole('button', { name: 'Sửa', exact: true }).click();
    const dialog = phone.getByRole('dialog', { name: 'Sửa dự án: Đường dẫn cầu Bắc Luân II' });
    await dialog.waitFor();
    await settled(phone);
    await pickTask(
      phone,
      dialog.getByLabel('Nhiệm vụ đặt hàng'),
      'dong thuan trong cong tac GPMB',
      COMMISSIONED_TASK.title,
    );
    // The form with its task picker, as a phone shows it (a dialog is not a route the harness checks by itself).
    const where = 'the project form at 360 px';
    await expect.poll(async () => formatFindings(where, (await checkPage(phone)).findings)).toBe(`${where}:`);
    await submitDialog(phone, dialog, 'Lưu');

    const link = phone.getByRole('link', { name: COMMISSIONED_TASK.title });
    await link.click();
    await phone.getByRole('heading', { name: COMMISSIONED_TASK.title, level: 1 }).waitFor();
  }, 300_000);
});
