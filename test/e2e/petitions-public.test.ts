import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../server/features/petitions-public/petitions-public.service.ts';
import { act, petitionsFixture, type PetitionsFixture } from '../../server/features/petitions/petitions.testkit.ts';
import { PNG } from '../work-fixture.ts';
import { browserAvailable, screenshot, useBrowserHarness } from './browser.ts';

const PUBLISHED = 'UBND phường đã kiểm tra, yêu cầu nhà thầu hoàn trả mặt đường trước ngày 30/3/2026.';
const UNPUBLISHED = 'Kết quả nội bộ: nhắc nhở nhà thầu Bùi Văn Mạnh';

describe.skipIf(!browserAvailable)('browser journey: a citizen sends and tracks a petition on a phone', () => {
  let f: PetitionsFixture;
  const harness = useBrowserHarness(
    async (h) => {
      f = await petitionsFixture(h);
    },
    { start: () => '2026-03-02T02:00:00Z' },
  );

  it('sends a petition without an account, keeps its code, and sees the office’s published reply only', async () => {
    const h = harness();
    const phone = await h.newPage({ width: 360, height: 780 });
    // From the sign-in page's footer, without signing in.
    await phone.goto(`${h.baseUrl}/dang-nhap`);
    await phone.getByRole('link', { name: 'Gửi đơn, kiến nghị' }).click();
    await phone.getByRole('heading', { level: 1, name: 'Gửi đơn, kiến nghị' }).waitFor();

    await phone.getByLabel('Gửi đến').selectOption({ label: 'Ủy ban MTTQ Phường Móng Cái 1' });
    await phone.getByRole('radio', { name: 'Kiến nghị, phản ánh' }).check();
    await phone.getByLabel('Tiêu đề').fill('Đường khu 3 bị đào bới');
    await phone
      .getByLabel('Nội dung', { exact: true })
      .fill('Nhà thầu đào đường khu 3 từ tháng 1 chưa hoàn trả, người dân đi lại khó khăn. Đề nghị xem xét.');
    await phone.getByLabel('Xã, phường, thôn, khu nơi xảy ra sự việc').fill('mong cai 1');
    await phone.getByRole('button', { name: /^Phường Móng Cái 1/ }).click();
    await phone.getByText('Chọn lại').waitFor();
    await phone.getByLabel('Họ và tên').fill('Đỗ Thị Hằng');
    await phone.getByLabel('Số điện thoại').fill('0987 654 321');
    // A photo of the dug-up road goes with it; a text file is refused at once and taken off again.
    const [chooser] = await Promise.all([phone.waitForEvent('filechooser'), phone.getByText('Chọn ảnh, tệp…').click()]);
    await chooser.setFiles([
      { name: 'duong-khu-3.png', mimeType: 'image/png', buffer: PNG },
      { name: 'ghi-chu.txt', mimeType: 'text/plain', buffer: Buffer.from('ghi chú') },
    ]);
    const list = phone.getByRole('list', { name: 'Tệp đã chọn' });
    await list.getByText(/chỉ nhận ảnh/).waitFor();
    await list.getByText('đã tải lên').waitFor();
    await screenshot(phone, 'gui-don-360');
    await phone.getByRole('button', { name: 'Bỏ tệp ghi-chu.txt' }).click();
    await list.getByText('ghi-chu.txt').waitFor({ state: 'detached' });

    // The form's token is in once the button can be pressed; the person then takes longer than a robot would (the
    // server's clock moves on instead of the test waiting).
    const send = phone.getByRole('button', { name: 'Gửi đơn' });
    await expect.poll(() => send.isEnabled()).toBe(true);
    h.clock.advance(LIMITS.minFillSeconds * 1000);
    await send.click();
    await phone.getByRole('heading', { name: 'Đơn đã được gửi' }).waitFor();
    await phone.getByText('Lưu mã này để tra cứu').waitFor();
    const code = (await phone.getByLabel('Mã tra cứu').textContent())!.trim();
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    await phone.getByText(/Trong 10 ngày làm việc \(đến hết ngày 16\/03\/2026\)/).waitFor();
    await phone.getByRole('button', { name: 'Sao chép mã' }).click();
    await phone.getByRole('button', { name: 'Đã sao chép' }).waitFor();
    await screenshot(phone, 'gui-don-ma-tra-cuu-360');

    await phone.getByRole('link', { name: 'Tra cứu đơn này' }).click();
    await phone.getByRole('heading', { level: 1, name: 'Tra cứu đơn' }).waitFor();
    await phone.getByRole('heading', { name: 'Đã tiếp nhận, đang chờ vào sổ' }).waitFor();
    await phone.getByText('Chưa có trả lời được công bố.').waitFor();

    // The office registers, classifies and forwards it, then records the province's reply and publishes it; an earlier
    // result kept for the office only stays unpublished.
    const id = (await sql<{ id: string }>`select id from petitions where tracking_code = ${code}`.execute(h.db.db))
      .rows[0]!.id;
    const seen = await h.app.inject({
      url: `/api/petitions/${id}`,
      headers: { cookie: `khoi_session=${f.leader.session.cookie}` },
    });
    expect(seen.json().attachments.map((a: { filename: string }) => a.filename)).toEqual(['duong-khu-3.png']);
    for (const [action, body] of [
      ['register', {}],
      ['classify', { kind: 'proposal', eligible: true, competence: 'state_admin' }],
      ['forward', { toBodyId: f.bodies.province }],
    ] as const) {
      const r = await act(h.app, f.officer.session, id, action, body);
      expect(r.statusCode, `${action}: ${r.body}`).toBe(200);
    }
    await h.db.db
      .insertInto('petition_replies')
      .values({ petition_id: id, received_on: '2026-03-02', result: UNPUBLISHED, published: false })
      .execute();
    const reply = await act(h.app, f.officer.session, id, 'reply', {
      receivedOn: '2026-03-02',
      result: 'Kết quả: đồng ý hoàn trả mặt đường',
      publish: true,
      publishedText: PUBLISHED,
    });
    expect(reply.statusCode, reply.body).toBe(200);

    // The citizen looks again, typing the code in lower case.
    await phone.goto(`${h.baseUrl}/tra-cuu-don`);
    await phone.getByLabel('Mã tra cứu').fill(code.toLowerCase());
    await phone.getByRole('button', { name: 'Tra cứu', exact: true }).click();
    await phone.getByRole('heading', { name: 'Đã có trả lời' }).waitFor();
    await phone.getByText('Ủy ban MTTQ tỉnh Quảng Ninh (02/03/2026)').waitFor();
    await phone.getByText(PUBLISHED).waitFor();
    const page = (await phone.locator('main').textContent()) ?? '';
    for (const hidden of [UNPUBLISHED, 'Đỗ Thị Hằng', '0987', 'Nhà thầu đào đường', 'Đường khu 3'])
      expect(page).not.toContain(hidden);
    await screenshot(phone, 'tra-cuu-don-360');
  }, 180_000);
});
