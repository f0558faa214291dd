import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../server/features/demo/demo.seed.ts';
import { call, signIn as apiSignIn } from '../app.ts';
import { PASSWORD } from '../factories.ts';
import {
  browserAvailable,
  chooseOption,
  screenshot,
  settled,
  signIn,
  submitDialog,
  useBrowserHarness,
} from './browser.ts';
import { checkPage, formatFindings } from './page-checks.ts';

/** A demo case the ward's officer registered from the public form: a proposal about Khu 2, placed in the ward, with
 * no key project named yet. */
const SUMMARY = 'Đề nghị lắp biển báo tại điểm giao giữa đường công vụ và đường Khu 2';
const EDITED = 'Đề nghị lắp biển báo, đèn cảnh báo tại điểm giao giữa đường công vụ và đường Khu 2';
const ELSEWHERE = 'Đề nghị lắp biển báo tại điểm giao đường công vụ với đường Khu 2 (bổ sung ảnh hiện trường)';
const PROJECT = 'Mở rộng cảng cạn ICD Móng Cái';

/** The page checks (axe, no sideways scrolling) on what is open now: a dialog is not a route of its own. */
async function checkOpen(page: Page, where: string) {
  await expect.poll(async () => formatFindings(where, (await checkPage(page)).findings)).toBe(`${where}:`);
}

describe.skipIf(!browserAvailable)('browser journey: correcting what was taken in on a case', () => {
  let caseId = '';
  const harness = useBrowserHarness(
    async (h) => {
      await seedDemo(h.ctx, { accountId: null, label: 'test' }, { password: PASSWORD });
      const row = await h.ctx.db
        .selectFrom('petitions')
        .select('id')
        .where('summary', '=', SUMMARY)
        .where('deleted_at', 'is', null)
        .executeTakeFirstOrThrow();
      caseId = row.id;
    },
    { start: () => new Date().toISOString() },
  );

  it('an officer on a phone corrects a case’s summary and names its key project; a change made meanwhile elsewhere is not overwritten', async () => {
    const h = harness();
    const phone = await h.newPage({ width: 360, height: 780 });
    await signIn(phone, 'canbo@khoi.local');
    await phone.goto(`/don-thu/${caseId}`);
    await phone.getByRole('heading', { level: 1, name: SUMMARY }).waitFor();

    // "Sửa" opens the form filled in with what the case holds now, the place included.
    const edit = phone.getByRole('group', { name: 'Xử lý đơn' }).getByRole('button', { name: 'Sửa', exact: true });
    await edit.click();
    const dialog = phone.getByRole('dialog', { name: 'Sửa thông tin đơn' });
    await dialog.waitFor();
    await settled(phone);
    const summary = dialog.getByLabel('Tóm tắt nội dung');
    await expect.poll(() => summary.inputValue()).toBe(SUMMARY);
    await expect
      .poll(() =>
        dialog.locator('.ant-form-item', { hasText: 'Địa bàn xảy ra sự việc' }).locator('.ant-select').textContent(),
      )
      .toContain('Phường Móng Cái 1');
    await checkOpen(phone, 'the edit form at 360 px');
    await screenshot(phone, 'don-thu-sua-360');

    await summary.fill(EDITED);
    await chooseOption(phone, dialog.getByLabel('Dự án trọng điểm liên quan'), PROJECT);
    await submitDialog(phone, dialog, 'Lưu');
    await phone.getByRole('heading', { level: 1, name: EDITED }).waitFor();
    await phone.locator('.petition-fact', { hasText: 'Dự án trọng điểm liên quan' }).getByText(PROJECT).waitFor();
    await phone.locator('.petition-timeline').getByText('Sửa thông tin đơn').waitFor();

    // Someone else corrects it too, from another screen; this page still shows the version it read.
    const other = await apiSignIn(h.app, 'canbo', PASSWORD);
    const read = await call(h.app, { url: `/api/petitions/${caseId}`, session: other });
    const res = await call(h.app, {
      method: 'PATCH',
      url: `/api/petitions/${caseId}`,
      session: other,
      body: { version: read.json<{ version: number }>().version, summary: ELSEWHERE },
    });
    expect(res.statusCode, res.body).toBe(200);
    await edit.click();
    await dialog.waitFor();
    await settled(phone);
    await summary.fill(`${EDITED}.`);
    await dialog.getByRole('button', { name: 'Lưu', exact: true }).click();
    await dialog.getByText('Dữ liệu đã được người khác thay đổi, vui lòng tải lại.').waitFor();
    await dialog.getByRole('button', { name: 'Tải lại' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await phone.getByRole('heading', { level: 1, name: ELSEWHERE }).waitFor();
  }, 300_000);
});
