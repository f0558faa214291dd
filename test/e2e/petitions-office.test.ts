import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../server/features/demo/demo.seed.ts';
import { call, signIn as apiSignIn } from '../app.ts';
import { PASSWORD } from '../factories.ts';
import { checkPage, formatFindings } from './page-checks.ts';
import {
  browserAvailable,
  chooseOption,
  screenshot,
  settled,
  signIn,
  submitDialog,
  useBrowserHarness,
  type BrowserHarness,
} from './browser.ts';

const FRONT = 'Ủy ban MTTQ Phường Móng Cái 1';
/** A demo case forwarded to the province and still awaiting its result (demo.petitions.data.ts 'stuck'). */
const STUCK_SUMMARY = 'Khiếu nại của 05 hộ dân về việc chậm bố trí đất tái định cư dự án cao tốc Vân Đồn – Móng Cái';
const EARLIER_SUMMARY = 'Đề nghị xem xét lại giá bồi thường đất ở khu 3 phường Móng Cái 1';
/** The province's result as the office records it, and the text it later publishes for the citizen. */
const RESULT = 'UBND tỉnh điều chỉnh giá đất ở khu 3 theo Quyết định bồi thường bổ sung.';
const PUBLISHED = 'Cơ quan có thẩm quyền đã ra quyết định điều chỉnh giá bồi thường.';

/** The earlier letter the new one resembles: received by the ward's Front committee through the API (the demo has no
 * petitions yet), by its officer. */
async function earlierLetter(h: BrowserHarness): Promise<string> {
  const front = await h.ctx.db
    .selectFrom('bodies')
    .select('id')
    .where('name', '=', FRONT)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  const officer = await apiSignIn(h.app, 'canbo', PASSWORD);
  const res = await call(h.app, {
    method: 'POST',
    url: '/api/petitions',
    session: officer,
    body: {
      receivingBodyId: front.id,
      receivedOn: new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' }),
      channel: 'post',
      summary: EARLIER_SUMMARY,
      content:
        'Gia đình tôi có đất ở khu 3 phường Móng Cái 1 bị thu hồi để làm đường dẫn cầu Bắc Luân II. Đề nghị xem xét lại giá bồi thường đất ở cho phù hợp giá thị trường.',
      petitioners: [{ fullName: 'Lê Văn Thắng', address: 'Khu 3, phường Móng Cái 1' }],
    },
  });
  if (res.statusCode !== 201) throw new Error(`the earlier letter: ${res.statusCode} ${res.body}`);
  return res.json<{ registerNumber: string }>().registerNumber;
}

/** Types into a body search box until the body named `name` can be picked, and picks it. */
async function pickBody(page: Page, box: Locator, text: string, name: string) {
  const option = page
    .locator('.body-hit')
    .filter({ has: page.locator('.body-hit-name', { hasText: new RegExp(`^${name}$`) }) });
  for (let attempt = 1; ; attempt++) {
    try {
      await box.click({ timeout: 5000 });
      await box.fill(text);
      await expect.poll(() => option.first().isVisible()).toBe(true);
      await option.first().click({ timeout: 5000 });
      // A click lost while the list re-renders with the search's answer picks nothing: then it is made again.
      const shown = () =>
        box.evaluate(
          (input) => input.closest('.ant-select')?.querySelector('.ant-select-content')?.getAttribute('title') ?? null,
        );
      await expect.poll(shown, { timeout: 5000 }).toBe(name);
      return;
    } catch (err) {
      if (attempt >= 3) throw err;
    }
  }
}

/** Opens an action of the case's page from its group of buttons, and its dialog. */
async function openAction(page: Page, name: string): Promise<Locator> {
  await page.getByRole('group', { name: 'Xử lý đơn' }).getByRole('button', { name, exact: true }).click();
  const dialog = page.getByRole('dialog').filter({ has: page.getByRole('button', { name, exact: true }) });
  await dialog.waitFor();
  await settled(page);
  return dialog;
}

/** The page checks (axe, nothing sideways) on the page as it is now, e.g. with a dialog open: the harness checks
 * each route once, before any dialog. */
async function checkView(page: Page, where: string) {
  await expect.poll(async () => formatFindings(where, (await checkPage(page)).findings)).toBe(`${where}:`);
}

/** The case's state tag reads `state`. */
async function stateIs(page: Page, state: string) {
  await expect
    .poll(() =>
      page
        .locator('.petition-tags .ant-tag')
        .filter({ hasText: new RegExp(`^${state}$`) })
        .count(),
    )
    .toBe(1);
}

describe.skipIf(!browserAvailable)('browser journey: petitions at the office', () => {
  let earlier = '';
  // The server's today is the browser's: the dates the forms propose (today) are the server's too.
  const harness = useBrowserHarness(
    async (h) => {
      await seedDemo(h.ctx, { accountId: null, label: 'test' }, { password: PASSWORD });
      earlier = await earlierLetter(h);
    },
    { start: () => new Date().toISOString() },
  );

  it('an officer receives a letter from two people, sees the similar earlier letter, classifies it as a complaint outside the Front’s competence, forwards it once, records the decision and the reply, publishes the reply for the citizen afterwards, and closes it', async () => {
    const page = await harness().newPage({ width: 1366, height: 900 });
    await signIn(page, 'canbo@khoi.local');
    await page.getByRole('menuitem', { name: 'Đơn thư', exact: true }).click();
    await page.getByRole('heading', { name: 'Đơn thư', level: 1 }).waitFor();
    await page.getByRole('link', { name: new RegExp(EARLIER_SUMMARY) }).waitFor();

    // The intake form, for the ward's Front committee (the officer's unit's), by post.
    await page.getByRole('button', { name: 'Tiếp nhận đơn' }).click();
    await page.getByRole('heading', { name: 'Tiếp nhận đơn', level: 1 }).waitFor();
    const form = page.getByRole('form', { name: 'Tiếp nhận đơn' });
    await expect
      .poll(() => form.locator('.ant-form-item', { hasText: 'Cơ quan tiếp nhận' }).locator('.ant-select').textContent())
      .toContain(FRONT);
    const first = form.getByRole('group', { name: 'Người đứng đơn 1' });
    await first.getByLabel('Họ và tên').fill('Trần Thị Hoa');
    await first.getByLabel('Số CMND/CCCD').fill('022185004321');
    await first.getByLabel('Số điện thoại').fill('0987654321');
    await first.getByLabel('Địa chỉ', { exact: true }).fill('Khu 3, phường Móng Cái 1');
    await form.getByRole('button', { name: 'Thêm người đứng đơn' }).click();
    const second = form.getByRole('group', { name: 'Người đứng đơn 2' });
    await second.getByLabel('Họ và tên').fill('Trần Văn Bình');
    await second.getByLabel('Địa chỉ', { exact: true }).fill('Khu 3, phường Móng Cái 1');
    // With several people the form says how many representatives the law asks for.
    await form.getByText(/Luật Tiếp công dân, Điều 29/).waitFor();

    // Typed without diacritics, as on a keyboard without a Vietnamese input method: the earlier letter is found.
    await form.getByLabel('Tóm tắt nội dung').fill('De nghi xem xet lai gia boi thuong dat o khu 3 phuong Mong Cai 1');
    await form
      .getByLabel('Nội dung đơn')
      .fill(
        'Hai hộ gia đình chúng tôi ở khu 3 phường Mong Cai 1 bị thu hồi đất làm đường dẫn cầu Bac Luan II, đề nghị xem xét lại giá bồi thường đất ở.',
      );
    const hints = form.getByRole('region', { name: 'Có thể trùng với đơn đã nhận' });
    // (The demo's letters about the same clearance may be hinted too: the one typed is the earlier letter above.)
    const hint = hints
      .locator('.petition-hint')
      .filter({ has: page.getByRole('link', { name: `${earlier} · ${EARLIER_SUMMARY}` }) });
    await hint.waitFor();
    await hint.getByText(/Nội dung tương tự/).waitFor();
    await hint.getByRole('button', { name: /^Gộp vào đơn này/ }).waitFor();
    await settled(page);
    await screenshot(page, 'don-thu-tiep-nhan');

    // Not the same household: saved as a letter of its own, numbered in the letters register.
    await form.getByRole('button', { name: 'Lưu và vào sổ' }).click();
    const saved = page.getByRole('status').filter({ hasText: /Đã vào sổ đơn số \d+\/\d{4} \(Sổ theo dõi đơn\)/ });
    await saved.waitFor();
    const number = /số (\d+\/\d{4})/.exec((await saved.textContent()) ?? '')![1]!;
    // The receipt for the citizen comes as a Word file.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'In phiếu tiếp nhận' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.docx$/);
    await page.getByRole('button', { name: 'Mở đơn' }).click();
    await page.getByRole('heading', { name: /De nghi xem xet lai gia boi thuong/, level: 1 }).waitFor();
    const caseUrl = new URL(page.url()).pathname;
    // The officer handles it, so sees who the petitioners are.
    await page.getByText('Trần Thị Hoa').waitFor();
    await page.getByText('Trần Văn Bình').waitFor();
    await stateIs(page, 'Đã vào sổ');
    await page
      .getByText(/Luật Tiếp công dân.*— phiên bản \d+/)
      .first()
      .waitFor();

    // A complaint about a People's Committee's compensation decision: outside the Front's competence.
    let dialog = await openAction(page, 'Phân loại');
    await chooseOption(page, dialog.getByRole('combobox', { name: 'Loại đơn' }), 'Khiếu nại');
    await chooseOption(
      page,
      dialog.getByRole('combobox', { name: 'Thẩm quyền giải quyết' }),
      'Cơ quan hành chính nhà nước',
    );
    await submitDialog(page, dialog, 'Phân loại');
    await stateIs(page, 'Đã phân loại');

    // Forwarded once, to the province's People's Committee.
    dialog = await openAction(page, 'Chuyển đơn');
    await pickBody(
      page,
      dialog.getByRole('combobox', { name: 'Cơ quan có thẩm quyền' }),
      'ubnd tinh',
      'UBND tỉnh Quảng Ninh',
    );
    await dialog.getByLabel('Ghi chú (không bắt buộc)').fill('Chuyển kèm bản chụp đơn và giấy tờ.');
    await submitDialog(page, dialog, 'Chuyển đơn');
    await stateIs(page, 'Đã chuyển đơn');
    await page.getByText(/chuyển đến UBND tỉnh Quảng Ninh/).waitFor();
    // No second forward is offered.
    await expect
      .poll(() => page.getByRole('group', { name: 'Xử lý đơn' }).getByRole('button', { name: 'Chuyển đơn' }).count())
      .toBe(0);

    // The committee decided: its written result is owed within 07 days (Luật Khiếu nại, Điều 66).
    dialog = await openAction(page, 'Ghi ngày ra quyết định');
    await submitDialog(page, dialog, 'Ghi ngày ra quyết định');
    await stateIs(page, 'Chờ văn bản kết quả');
    await page
      .getByText(/Luật Khiếu nại.*— phiên bản \d+/)
      .first()
      .waitFor();

    // The result is recorded for the office first, not published: the citizen's text is written afterwards.
    dialog = await openAction(page, 'Ghi kết quả giải quyết');
    await dialog.getByRole('textbox', { name: 'Kết quả giải quyết' }).fill(RESULT);
    await submitDialog(page, dialog, 'Ghi kết quả giải quyết');
    await stateIs(page, 'Đã có kết quả');
    const reply = page
      .locator('.petition-card', { has: page.getByRole('heading', { name: 'Chuyển đơn và kết quả' }) })
      .locator('.petition-block', { hasText: 'nhận văn bản kết quả' });
    await reply.getByText(RESULT).waitFor();
    expect(await reply.getByText('Công khai cho người gửi').count()).toBe(0);

    // Published later, with a text without anyone's personal data; the button is offered only while a result waits.
    dialog = await openAction(page, 'Công khai kết quả');
    await dialog.getByLabel('Nội dung công khai', { exact: true }).fill(PUBLISHED);
    await submitDialog(page, dialog, 'Công khai kết quả');
    await reply.getByText('Công khai cho người gửi', { exact: true }).waitFor();
    await reply.getByText(PUBLISHED).waitFor();
    await page
      .locator('.petition-timeline .petition-event > strong')
      .filter({ hasText: /^Công khai kết quả$/ })
      .waitFor();
    await stateIs(page, 'Đã có kết quả');
    await expect
      .poll(() =>
        page.getByRole('group', { name: 'Xử lý đơn' }).getByRole('button', { name: 'Công khai kết quả' }).count(),
      )
      .toBe(0);

    // The citizen, with the code the office gave, sees the published text and not the office's own record.
    const code = (await page.locator('.petition-fact', { hasText: 'Mã tra cứu' }).locator('dd').textContent())!.trim();
    const citizen = await harness().newPage({ width: 360, height: 780 });
    await citizen.goto(`/tra-cuu-don/${encodeURIComponent(code)}`);
    await citizen.getByRole('heading', { name: 'Đã có trả lời' }).waitFor();
    await citizen.getByText(PUBLISHED).waitFor();
    expect(await citizen.locator('main').textContent()).not.toContain(RESULT);

    dialog = await openAction(page, 'Kết thúc đơn');
    await submitDialog(page, dialog, 'Kết thúc đơn');
    await stateIs(page, 'Đã kết thúc');
    await expect.poll(() => page.getByRole('group', { name: 'Xử lý đơn' }).count()).toBe(0);

    // The timeline has each step, in order.
    const timeline = page.locator('.petition-timeline');
    const steps = [
      'Vào sổ',
      'Soạn văn bản',
      'Phân loại',
      'Chuyển đơn',
      'Cơ quan có thẩm quyền ra quyết định',
      'Nhận văn bản kết quả',
      'Công khai kết quả',
      'Kết thúc',
    ];
    await expect.poll(() => timeline.locator('.petition-event > strong').allTextContents()).toEqual(steps);
    // The confirmations have faded (the guide's picture shows the page, not them).
    await expect.poll(() => page.locator('.ant-message-notice').count(), { timeout: 15_000 }).toBe(0);
    await settled(page);
    await screenshot(page, 'don-thu-chi-tiet');

    // Forwarding it again through the API is refused too.
    const h = harness();
    const officer = await apiSignIn(h.app, 'canbo', PASSWORD);
    const id = caseUrl.split('/').pop()!;
    const current = await call(h.app, { url: `/api/petitions/${id}`, session: officer });
    const again = await call(h.app, {
      method: 'POST',
      url: `/api/petitions/${id}/forward`,
      session: officer,
      body: { version: current.json<{ version: number }>().version, toName: 'UBND tỉnh Quảng Ninh' },
    });
    expect(again.statusCode).toBe(409);

    // The list shows the case closed, under its number.
    await page.getByRole('link', { name: 'Danh sách đơn thư' }).click();
    const row = page.getByRole('row').filter({ hasText: number }).filter({ hasText: 'De nghi xem xet lai' });
    await row.getByText('Đã kết thúc').waitFor();
    await row.getByText('Khiếu nại').waitFor();
    await settled(page);
    await screenshot(page, 'don-thu');

    // On a phone: the list as cards and the case's page, with nothing scrolling sideways (the page checks too).
    const phone = await harness().newPage({ width: 360, height: 780 });
    await signIn(phone, 'canbo@khoi.local');
    await phone.goto('/don-thu');
    await phone.getByRole('heading', { name: 'Đơn thư', level: 1 }).waitFor();
    await phone.locator('.list-card').filter({ hasText: number }).filter({ hasText: 'De nghi xem xet lai' }).waitFor();
    await settled(phone);
    await screenshot(phone, 'don-thu-360');
    await phone.goto(caseUrl);
    await phone.getByRole('heading', { name: /De nghi xem xet lai gia boi thuong/, level: 1 }).waitFor();
    await phone.locator('.petition-timeline').waitFor();
    await settled(phone);
    await screenshot(phone, 'don-thu-chi-tiet-360');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  }, 300_000);

  it('on a phone, an officer drafts the forwarding slip of a forwarded demo case, signs it, issues it and sees its number; and downloads the register and the report of the ward’s Front committee', async () => {
    const h = harness();
    const stuck = await h.ctx.db
      .selectFrom('petitions')
      .select('id')
      .where('summary', '=', STUCK_SUMMARY)
      .executeTakeFirstOrThrow();
    const front = await h.ctx.db
      .selectFrom('bodies')
      .select('id')
      .where('name', '=', FRONT)
      .where('deleted_at', 'is', null)
      .executeTakeFirstOrThrow();
    const page = await h.newPage({ width: 360, height: 780 });
    await signIn(page, 'canbo@khoi.local');
    await page.goto(`/don-thu/${stuck.id}`);
    await page.getByRole('heading', { name: STUCK_SUMMARY, level: 1 }).waitFor();
    const card = page.locator('.petition-card', { has: page.getByRole('heading', { name: 'Văn bản, phiếu' }) });
    await card.getByText('Chưa có văn bản nào.').waitFor();

    // Drafted: not numbered yet, with its Word file.
    await card.getByRole('button', { name: 'Soạn văn bản' }).click();
    let dialog = page
      .getByRole('dialog')
      .filter({ has: page.getByRole('button', { name: 'Soạn văn bản', exact: true }) });
    await dialog.waitFor();
    await settled(page);
    await chooseOption(page, dialog.getByRole('combobox', { name: 'Loại văn bản' }), 'Phiếu chuyển đơn');
    await dialog.getByLabel('Nội dung bổ sung (không bắt buộc)').fill('Kèm bản chụp đơn của 05 hộ.');
    await checkView(page, 'the draft dialog at 360 px');
    await submitDialog(page, dialog, 'Soạn văn bản');
    const slip = card.getByRole('listitem').filter({ hasText: 'Phiếu chuyển đơn' });
    await slip.getByText('Dự thảo', { exact: true }).waitFor();
    expect(await slip.getByRole('link', { name: 'Tải về (Word)' }).getAttribute('href')).toMatch(
      new RegExp(`^/api/petitions/${stuck.id}/documents/[0-9a-f-]{36}/docx$`),
    );

    // Signed by the committee's vice chair, today.
    await slip.getByRole('button', { name: 'Ký', exact: true }).click();
    dialog = page.getByRole('dialog', { name: 'Ký: Phiếu chuyển đơn' });
    await dialog.waitFor();
    await dialog.getByLabel('Họ và tên người ký').fill('Nguyễn Thị Lan');
    await dialog.getByLabel('Chức vụ (không bắt buộc)').fill('Phó Chủ tịch');
    await submitDialog(page, dialog, 'Ký');
    await slip.getByText('Đã ký', { exact: true }).waitFor();
    await slip.getByText(/Người ký: Phó Chủ tịch Nguyễn Thị Lan, ngày \d{2}\/\d{2}\/\d{4}/).waitFor();
    await expect.poll(() => page.locator('.ant-message-notice').count(), { timeout: 15_000 }).toBe(0);

    // Issued: it takes its number in the committee's series now.
    await slip.getByRole('button', { name: 'Ban hành', exact: true }).click();
    dialog = page.getByRole('dialog', { name: 'Ban hành: Phiếu chuyển đơn' });
    await dialog.waitFor();
    await submitDialog(page, dialog, 'Ban hành');
    await slip.getByText('Đã ban hành', { exact: true }).waitFor();
    const numbered = slip.locator('.petition-document-number');
    await expect.poll(() => numbered.textContent()).toMatch(/^Số \d+\/[^,]+, ngày \d{2}\/\d{2}\/\d{4}$/);
    // Nothing left to do with it, and the step is on the case's timeline.
    expect(await slip.getByRole('button').count()).toBe(0);
    await page.locator('.petition-timeline').getByText('Phát hành văn bản').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // The registers and the report: the officer's Front committee chosen already.
    await page.goto('/don-thu');
    await page.getByRole('heading', { name: 'Đơn thư', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Sổ và báo cáo' }).click();
    dialog = page.getByRole('dialog', { name: 'Sổ và báo cáo đơn thư' });
    await dialog.waitFor();
    const year = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' }).slice(0, 4);
    const registers = dialog.getByRole('group', { name: 'Sổ đơn thư' });
    const registerExcel = registers.getByRole('link', { name: 'Xuất Excel' });
    await expect
      .poll(() => registerExcel.getAttribute('href'))
      .toBe(`/api/petition-registers.xlsx?bodyId=${front.id}&year=${year}&register=reception`);
    await registers.getByText('Sổ theo dõi đơn', { exact: true }).click();
    await expect
      .poll(() => registerExcel.getAttribute('href'))
      .toBe(`/api/petition-registers.xlsx?bodyId=${front.id}&year=${year}&register=letters`);
    const report = dialog.getByRole('group', { name: 'Báo cáo tiếp công dân, xử lý đơn' });
    await report.getByText('Cả năm', { exact: true }).click();
    const reportWord = report.getByRole('link', { name: 'Xuất Word' });
    await expect
      .poll(() => reportWord.getAttribute('href'))
      .toBe(`/api/petition-report.docx?bodyId=${front.id}&period=${year}`);
    await settled(page);
    await checkView(page, 'the exports dialog at 360 px');
    // The link downloads the report (the page's own session).
    const answer = await page.request.get((await reportWord.getAttribute('href'))!);
    expect(answer.status()).toBe(200);
    expect(answer.headers()['content-disposition']).toMatch(/\.docx/);
  }, 300_000);
});
