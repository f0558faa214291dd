import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, useTestApp, type Session } from '../../../test/app.ts';
import { uploadFile } from '../../../test/work-fixture.ts';
import { officeSkipReason, officeText, removeOfficeProfile } from '../../documents/office.testkit.ts';
import { act, intake, petitionsFixture, SEEDED, type PetitionsFixture } from '../petitions/petitions.testkit.ts';
import { PROTECTED_DENOUNCER } from './documents.texts.ts';
import { share, versus } from './report.ts';

/** The text of a .docx's body (without LibreOffice). */
async function docxText(data: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(data);
  const xml = await zip.file('word/document.xml')!.async('string');
  return xml
    .replace(/<\/w:p>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .normalize('NFC');
}

/** Every cell of a workbook's first sheet, as one text. */
async function xlsxText(data: Buffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as never);
  const out: string[] = [];
  wb.worksheets[0]!.eachRow((row) => row.eachCell((c) => out.push(c.text)));
  return out.join(' | ');
}

const IDENTITY = [SEEDED.fullName, SEEDED.phone, SEEDED.idNumber, 'Khu 3'];

describe('petition notices, registers, the report and attachments', () => {
  const t = useTestApp({ start: '2026-03-02T02:00:00Z' });
  let f: PetitionsFixture;
  beforeAll(async () => {
    f = await petitionsFixture(t());
  }, 120_000);
  afterAll(() => removeOfficeProfile());

  const post = (session: Session, url: string, body: Record<string, unknown>) =>
    call(t().app, { method: 'POST', url, session, body });
  const docs = (id: string) => `/api/petitions/${id}/documents`;
  /** Drafts, signs and issues a notice; the three answers. */
  async function through(session: Session, id: string, kind: string, note?: string) {
    const draft = await post(session, docs(id), { kind, ...(note ? { note } : {}) });
    expect(draft.statusCode, draft.body).toBe(201);
    const d = draft.json();
    const signed = await post(session, `${docs(id)}/${d.id}/sign`, {
      version: d.version,
      signerName: 'Nguyễn Văn Định',
      signerTitle: 'Phó Chủ tịch',
    });
    expect(signed.statusCode, signed.body).toBe(200);
    const issued = await post(session, `${docs(id)}/${d.id}/issue`, { version: signed.json().version });
    expect(issued.statusCode, issued.body).toBe(200);
    return { draft: d, signed: signed.json(), issued: issued.json() };
  }
  const docx = async (session: Session, url: string) => {
    const r = await call(t().app, { url, session });
    expect(r.statusCode, r.body).toBe(200);
    return docxText(r.rawPayload);
  };

  it('numbers a notice only when it is issued, from the gap-free counter, each step on the timeline', async () => {
    const { app, db } = t();
    const s = f.officer.session;
    const p = await intake(app, s, f.bodies.mc1);
    const a = await post(s, docs(p.id), { kind: 'receipt' });
    expect(a.statusCode, a.body).toBe(201);
    expect(a.json()).toMatchObject({ kind: 'receipt', status: 'draft', number: null, written: null });
    // a draft is marked and carries no number
    const draftText = await docx(s, a.json().url);
    expect(draftText).toContain('DỰ THẢO');
    expect(draftText).toMatch(/Số: \/TB-/);
    // issuing a draft that is not signed is refused, and takes no number
    const early = await post(s, `${docs(p.id)}/${a.json().id}/issue`, { version: a.json().version });
    expect(early.json().error.code).toBe('INVALID_TRANSITION');
    const signed = await post(s, `${docs(p.id)}/${a.json().id}/sign`, {
      version: a.json().version,
      signerName: 'Nguyễn Văn Định',
    });
    expect(signed.json()).toMatchObject({ status: 'signed', number: null, signerName: 'Nguyễn Văn Định' });
    // a refused issue (a day in the future) gives its number back
    const future = await post(s, `${docs(p.id)}/${a.json().id}/issue`, {
      version: signed.json().version,
      issuedOn: '2026-03-03',
    });
    expect(future.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'issuedOn' });
    const first = await post(s, `${docs(p.id)}/${a.json().id}/issue`, { version: signed.json().version });
    expect(first.json()).toMatchObject({ status: 'issued', issuedOn: '2026-03-02' });
    const n1 = first.json().number as number;
    // issued twice: refused, no number taken
    const again = await post(s, `${docs(p.id)}/${a.json().id}/issue`, { version: first.json().version });
    expect(again.json().error.code).toBe('INVALID_TRANSITION');
    const second = await through(s, p.id, 'citizen_reply');
    expect(second.issued.number).toBe(n1 + 1);
    expect(second.draft.number).toBeNull();
    expect(second.signed.number).toBeNull();
    const issuedText = await docx(s, second.issued.url);
    expect(issuedText).toContain(`Số: ${second.issued.written}`);
    expect(issuedText).not.toContain('DỰ THẢO');
    expect(issuedText).toContain('PHÓ CHỦ TỊCH');
    // the numbers of the series are exactly 1..n: no gap
    const numbers = await db.db
      .selectFrom('petition_documents')
      .select('number')
      .where('issuer_body_id', '=', f.bodies.mc1)
      .where('series', '=', 'petition_notice')
      .where('number', 'is not', null)
      .orderBy('number')
      .execute();
    expect(numbers.map((x) => x.number)).toEqual(numbers.map((_, i) => i + 1));
    const detail = (await call(app, { url: `/api/petitions/${p.id}`, session: s })).json();
    expect(detail.events.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['document_draft', 'document_sign', 'document_issue']),
    );
    expect(detail.events.filter((e: { action: string }) => e.action.startsWith('document_'))).toHaveLength(6);
    // the list names the notices with their numbers
    const list = (await call(app, { url: docs(p.id), session: s })).json();
    expect(list.items.map((d: { status: string }) => d.status)).toEqual(['issued', 'issued']);
  });

  it('drafts a notice only where its step was taken, and only on a case the caller acts on', async () => {
    const { app } = t();
    const s = f.officer.session;
    const p = await intake(app, s, f.bodies.mc1);
    for (const kind of ['forward', 'guidance', 'filing', 'reminder', 'withdrawal', 'proposal'])
      expect((await post(s, docs(p.id), { kind })).json().error.code, kind).toBe('INVALID_TRANSITION');
    // another ward neither reads nor acts on it
    expect((await post(f.sibling.session, docs(p.id), { kind: 'receipt' })).statusCode).toBe(404);
    expect((await call(app, { url: docs(p.id), session: f.sibling.session })).statusCode).toBe(404);
    expect((await post(s, docs(p.id), { kind: 'minutes' })).json().error.field).toBe('kind');
  });

  it('never names a denouncer in a notice to the competent body; the citizen’s own notices name them', async () => {
    const { app } = t();
    const s = f.officer.session;
    const p = await intake(app, s, f.bodies.mc1);
    expect(
      (await act(app, s, p.id, 'classify', { kind: 'denunciation', eligible: true, competence: 'state_admin' }))
        .statusCode,
    ).toBe(200);
    expect((await act(app, s, p.id, 'forward', { toName: 'Ủy ban nhân dân phường Móng Cái 1' })).statusCode).toBe(200);
    const forward = await through(s, p.id, 'forward');
    expect(forward.issued.written).toMatch(/^01\/PC-/);
    const slip = await docx(s, forward.issued.url);
    expect(slip).toContain('PHIẾU CHUYỂN ĐƠN');
    expect(slip).toContain(PROTECTED_DENOUNCER);
    expect(slip).toContain('Điều 47');
    for (const x of IDENTITY) expect(slip).not.toContain(x);
    const reminder = await through(s, p.id, 'reminder');
    const chase = await docx(s, reminder.issued.url);
    expect(chase).toContain('V/v đôn đốc giải quyết đơn');
    expect(chase).toContain(PROTECTED_DENOUNCER);
    for (const x of IDENTITY) expect(chase).not.toContain(x);
    // the receipt goes to the denouncer: it names them, for whoever may see them
    const receipt = await through(s, p.id, 'receipt');
    const own = await docx(s, receipt.issued.url);
    expect(own).toContain(SEEDED.fullName);
    expect(own).toContain(SEEDED.idNumber);
    // …and shows the marker to a higher level, which reads the case without its identities
    const higher = await docx(f.provinceLeader.session, receipt.issued.url);
    expect(higher).toContain('(ẩn)');
    for (const x of IDENTITY) expect(higher).not.toContain(x);
  });

  it('a complaint’s forwarding slip and reminder cite the 07 days of Luật Khiếu nại Đ.66', async () => {
    const { app } = t();
    const s = f.officer.session;
    const p = await intake(app, s, f.bodies.mc1);
    await act(app, s, p.id, 'classify', { kind: 'complaint', eligible: true, competence: 'state_admin' });
    await act(app, s, p.id, 'forward', { toName: 'Ủy ban nhân dân phường Móng Cái 1' });
    const slip = await docx(s, (await through(s, p.id, 'forward')).issued.url);
    expect(slip).toContain('trong thời hạn 07 ngày, kể từ ngày có quyết định giải quyết');
    expect(slip).toContain(SEEDED.fullName);
    const chase = await docx(
      s,
      (await through(s, p.id, 'reminder', 'Đề nghị gửi kết quả trước ngày 15/3/2026')).issued.url,
    );
    expect(chase).toContain('phải thông báo bằng văn bản cho tổ chức đã chuyển đơn');
    expect(chase).toContain('Kính gửi: Ủy ban nhân dân phường Móng Cái 1.');
    expect(chase).toContain('Đề nghị gửi kết quả trước ngày 15/3/2026.');
  });

  it('exports the registers with the law’s columns; without the personal-data right, without identities', async () => {
    const { app } = t();
    const s = f.officer.session;
    await intake(app, s, f.bodies.mc1, { channel: 'in_person' });
    const url = (format: string, register: string) =>
      `/api/petition-registers.${format}?bodyId=${f.bodies.mc1}&year=2026&register=${register}`;
    const own = await call(app, { url: url('xlsx', 'reception'), session: s });
    expect(own.statusCode, own.body).toBe(200);
    const ownText = await xlsxText(own.rawPayload);
    for (const h of [
      'Số thứ tự',
      'Ngày tiếp',
      'Họ tên',
      'Địa chỉ',
      'Nội dung sự việc',
      'Quá trình xem xét, giải quyết của cơ quan có thẩm quyền (nếu có)',
      'Yêu cầu, đề nghị của người đến',
      'Việc tiếp nhận, xử lý vụ việc',
    ])
      expect(ownText).toContain(h);
    expect(ownText).toContain(SEEDED.fullName);
    // an officer of the ward not assigned to the cases, and the province: the rows, never an identity
    for (const who of [f.otherOfficer.session, f.provinceLeader.session]) {
      for (const register of ['reception', 'letters']) {
        const x = await call(app, { url: url('xlsx', register), session: who });
        const w = await call(app, { url: url('docx', register), session: who });
        const texts = [await xlsxText(x.rawPayload), await docxText(w.rawPayload)];
        for (const text of texts) {
          expect(text).toContain('(ẩn)');
          for (const i of IDENTITY) expect(text).not.toContain(i);
        }
      }
    }
    const letters = await docxText((await call(app, { url: url('docx', 'letters'), session: s })).rawPayload);
    expect(letters).toContain('SỔ THEO DÕI ĐƠN');
    expect(letters).toContain('Người gửi đơn (họ tên, địa chỉ)');
    // another ward's body is not read: 404 on bodyId
    const sibling = await call(app, { url: url('xlsx', 'letters'), session: f.sibling.session });
    expect(sibling.json().error).toMatchObject({ code: 'NOT_FOUND', field: 'bodyId' });
  });

  it('the report counts a period against the same period a year before, in figures and sentences', async () => {
    const { app } = t();
    const s = f.sibling.session; // Móng Cái 2: its own body, counted from nothing
    for (const kind of ['complaint', 'complaint', 'proposal']) {
      const p = await intake(app, s, f.bodies.mc2, { receivedOn: '2026-02-10' });
      await act(app, s, p.id, 'classify', { kind, eligible: true, competence: 'state_admin' });
    }
    await intake(app, s, f.bodies.mc2, { receivedOn: '2025-05-10' });
    await intake(app, s, f.bodies.mc2, { receivedOn: '2025-08-10' }); // the second half: not the same period
    const url = (format: string) => `/api/petition-report.${format}?bodyId=${f.bodies.mc2}&period=2026S1`;
    const word = await docx(s, url('docx'));
    expect(word).toContain('BÁO CÁO');
    expect(word).toContain('6 tháng đầu năm 2026');
    expect(word).toContain('Tiếp nhận 3 đơn (tăng 2 đơn so với cùng kỳ).');
    expect(word).toContain('khiếu nại 2 đơn (chiếm 66,67%)');
    const sheet = await xlsxText((await call(app, { url: url('xlsx'), session: s })).rawPayload);
    expect(sheet).toContain('Đơn tiếp nhận | 3 | 1 | +2');
    expect(sheet).toContain('Kiến nghị, phản ánh | 1 | 0 | +1 | 33,33%');
    const bad = await call(app, { url: `/api/petition-report.xlsx?bodyId=${f.bodies.mc2}&period=2026H1`, session: s });
    expect(bad.json().error.field).toBe('period');
  });

  it('writes shares and changes as the office does', () => {
    expect(share(8990, 9000)).toBe('99,89%');
    expect(share(1, 3)).toBe('33,33%');
    expect(share(1, 2)).toBe('50%');
    expect(share(1, 0)).toBe('');
    expect(versus(42, 37)).toBe('tăng 5 đơn so với cùng kỳ');
    expect(versus(3, 7)).toBe('giảm 4 đơn so với cùng kỳ');
    expect(versus(3, 3)).toBe('bằng cùng kỳ');
  });

  it('gives a petition’s attachments only to those who see its identities', async () => {
    const { app } = t();
    const s = f.officer.session;
    const up = await uploadFile(app, s, 'don-khieu-nai.pdf', Buffer.from('%PDF-1.4\nđơn'));
    expect(up.statusCode, up.body).toBe(201);
    const fileId = up.json().id as string;
    const p = await intake(app, s, f.bodies.mc1, { fileIds: [fileId] });
    const url = `/api/petitions/${p.id}/attachments/${fileId}`;
    const mine = await call(app, { url, session: s });
    expect(mine.statusCode).toBe(200);
    expect(mine.rawPayload.toString()).toContain('%PDF');
    expect((await call(app, { url, session: f.leader.session })).statusCode).toBe(200);
    // reads the case, not its identities: 403; does not read it: 404
    expect((await call(app, { url, session: f.otherOfficer.session })).statusCode).toBe(403);
    expect((await call(app, { url, session: f.provinceLeader.session })).statusCode).toBe(403);
    expect((await call(app, { url, session: f.admin })).statusCode).toBe(403);
    expect((await call(app, { url, session: f.sibling.session })).statusCode).toBe(404);
    const other = await intake(app, s, f.bodies.mc1);
    expect((await call(app, { url: `/api/petitions/${other.id}/attachments/${fileId}`, session: s })).statusCode).toBe(
      404,
    );
    // the generic file route applies the same rule
    expect((await call(app, { url: `/api/files/${fileId}`, session: f.leader.session })).statusCode).toBe(200);
    expect((await call(app, { url: `/api/files/${fileId}`, session: f.otherOfficer.session })).statusCode).toBe(404);
    expect((await call(app, { url: `/api/files/${fileId}`, session: f.admin })).statusCode).toBe(404);
  });

  it.skipIf(officeSkipReason !== null)(
    `a notice and a register open in LibreOffice${officeSkipReason ? ` (skipped: ${officeSkipReason})` : ''}`,
    async () => {
      const { app } = t();
      const s = f.officer.session;
      const p = await intake(app, s, f.bodies.mc1);
      const receipt = await through(s, p.id, 'receipt');
      const notice = await call(app, { url: receipt.issued.url, session: s });
      const text = await officeText(notice.rawPayload, 'docx');
      expect(text).toContain('GIẤY BIÊN NHẬN');
      expect(text).toContain(`Số: ${receipt.issued.written}`);
      expect(text).toContain(SEEDED.fullName);
      const register = await call(app, {
        url: `/api/petition-registers.docx?bodyId=${f.bodies.mc1}&year=2026&register=letters`,
        session: s,
      });
      const reg = await officeText(register.rawPayload, 'docx');
      expect(reg).toContain('SỔ THEO DÕI ĐƠN');
      expect(reg).toContain('Hướng xử lý');
    },
    240_000,
  );
});
