import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, useTestApp, type Session } from '../../../test/app.ts';
import { buildProgramme } from '../../../test/work-fixture.ts';
import { officeSkipReason, officeText, removeOfficeProfile } from '../../documents/office.testkit.ts';
import { collectiveOf, numberLine } from '../../documents/layouts.ts';
import { monthNumber, parsePeriod } from './periods.ts';
import { reportingFixture, type ReportingFixture } from './reporting.testkit.ts';
import {
  endItem,
  figureSentence,
  headingOf,
  reviewAbstract,
  reviewName,
  reviewTitle,
} from './reporting.exports.rules.ts';
import {
  FIGURE_COLUMNS,
  PARTIAL_NOTE,
  pivotWorkbook,
  SHEET_FIRST_ROW,
  SHEET_HEADER_ROW,
  SHEET_LEAD_COLUMNS,
} from './reporting.exports.xlsx.ts';
import { addSubmission } from './totals.testkit.ts';

/** The text of a .docx's body without LibreOffice (the heading's variants are checked this way, quickly). */
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

/** A count written with leading zeros and nothing before it ("00 nhiệm vụ"), not a thousands group ("1.000 hộ"). */
const ZERO_COUNT = /(^|[^\d.,])00 /;

describe('reporting exports: the pivot as Excel, a period as a Word review report', () => {
  const t = useTestApp({ start: '2026-12-20T02:00:00Z' });
  let f: ReportingFixture;
  let docx: Buffer;

  const get = (session: Session, url: string) => call(t().app, { url, session });

  beforeAll(async () => {
    f = await reportingFixture(t());
    const db = t().db.db;
    await db.updateTable('indicators').set({ measure: 'hồ sơ' }).where('code', '=', 'HS_TT').execute();
    const form = { formId: f.form.id, versionId: f.form.versionId };
    const hs = f.indicators.dossiers;
    // 2026: the ward's own report and its quarter's, 30.000 + 6.793 = 36.793 dossiers against a plan of 22.000; the
    // same months of 2025 (the ward since 1/7/2025): 21.127.
    const mc1 = await addSubmission(db, {
      form,
      periodId: '202603',
      unitId: f.units.mc1,
      values: [{ indicatorId: hs, num: 30000 }],
    });
    const khu = await addSubmission(db, {
      form,
      periodId: '202605',
      unitId: f.village.id,
      values: [
        { indicatorId: hs, num: 6793 },
        { indicatorId: f.indicators.registered, num: 41 },
        { indicatorId: f.indicators.reached, num: 44 },
      ],
    });
    await addSubmission(db, {
      form,
      periodId: '202508',
      unitId: f.units.mc1,
      values: [{ indicatorId: hs, num: 21127 }],
    });
    const draft = await addSubmission(db, {
      form,
      periodId: '202606',
      unitId: f.village.id,
      status: 'draft',
      values: [],
    });
    const sibling = await addSubmission(db, {
      form,
      periodId: '202603',
      unitId: f.units.mc2,
      values: [{ indicatorId: hs, num: 5 }],
    });
    const narrative = async (id: string, n: Record<string, string>) =>
      db
        .updateTable('report_submissions')
        .set({ narrative: JSON.stringify(n) })
        .where('id', '=', id)
        .execute();
    await narrative(mc1, {
      results: 'Đội hình thanh niên tình nguyện hỗ trợ nhân dân nộp hồ sơ trực tuyến vượt kế hoạch',
      shortcomings: 'Một số khu phố chưa có đội hình tình nguyện;',
      causes: 'Thiếu thiết bị tại nhà văn hóa khu.',
    });
    await narrative(khu, { results: 'Khu 1 ra quân hỗ trợ tại nhà văn hóa khu' });
    // the same text again the next month: written once
    const khuAgain = await addSubmission(db, { form, periodId: '202607', unitId: f.village.id, values: [] });
    await narrative(khuAgain, { results: 'Khu 1 ra quân hỗ trợ tại nhà văn hóa khu' });
    await narrative(draft, { results: 'BẢN NHÁP CHƯA DUYỆT' });
    await narrative(sibling, { results: 'PHƯỜNG BÊN CẠNH' });
    await db
      .insertInto('report_targets')
      .values({
        indicator_id: hs,
        node_kind: 'unit',
        node_id: f.units.mc1,
        period_id: '2026',
        first_month: monthNumber(2026, 1),
        last_month: monthNumber(2026, 12),
        value: '22000',
      })
      .execute();

    // The Front committee's programme for 2026: two tasks in its first group, one accepted; none in the second.
    const programme = await buildProgramme(t().app, f.leader.session, f.bodies.mc1);
    for (const [title, accepted] of [
      ['Tuyên truyền dịch vụ công trực tuyến', true],
      ['Ra quân hỗ trợ người dân tại các khu', false],
    ] as const) {
      const r = await call(t().app, {
        method: 'POST',
        url: '/api/tasks',
        session: f.leader.session,
        body: {
          programmeId: programme.id,
          groupId: programme.groups[0]!.id,
          kind: 'shared',
          leadBodyId: f.bodies.mc1,
          assign: true,
          title,
          dueDate: '2026-12-31',
        },
      });
      expect(r.statusCode, r.body).toBe(201);
      if (accepted)
        await db
          .updateTable('tasks')
          .set({ status: 'accepted', reported_done_on: '2026-11-30', accepted_on: '2026-12-01' })
          .where('id', '=', r.json().task.id)
          .execute();
    }
  }, 180_000);
  afterAll(removeOfficeProfile);

  it('exports the pivot as a workbook whose figures read back as numbers, the % of plan as a percentage', async () => {
    const res = await get(
      f.wardLeader.session,
      '/api/reporting/pivot.xlsx?unit=06712&period=2026&indicators=HS_TT,HO_DAT',
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('Năm 2026'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell(1, 1).value).toBe('PHƯỜNG MÓNG CÁI 1');
    expect(ws.getCell(2, 1).value).toBe('SỐ LIỆU NĂM 2026');
    expect(ws.getCell(4, 1).text).toBe('Ngày lập: 20/12/2026');
    expect(ws.getCell(SHEET_HEADER_ROW, SHEET_LEAD_COLUMNS + 1).value).toBe('Số hồ sơ hỗ trợ trực tuyến (hồ sơ)');
    expect(ws.getCell(SHEET_HEADER_ROW + 1, SHEET_LEAD_COLUMNS + 3).value).toBe('% KH');
    const rows = Array.from({ length: ws.rowCount - SHEET_FIRST_ROW + 1 }, (_, i) => ws.getRow(SHEET_FIRST_ROW + i));
    const figures = (label: RegExp) => {
      const row = rows.find((r) => label.test(r.getCell(2).text))!;
      return FIGURE_COLUMNS.map((_, j) => row.getCell(SHEET_LEAD_COLUMNS + 1 + j).value);
    };
    expect(figures(/^Tổng cộng \(Phường Móng Cái 1\)$/)).toEqual([36793, 22000, 1.672, 14793, 21127]);
    expect(figures(/^Khu 1$/)).toEqual([6793, null, null, null, null]);
    const total = rows.find((r) => r.getCell(2).text.startsWith('Tổng cộng'))!;
    expect(total.getCell(SHEET_LEAD_COLUMNS + 1).numFmt).toBe('#,##0');
    expect(total.getCell(SHEET_LEAD_COLUMNS + 3).numFmt).toBe('0.0%');
    expect(total.getCell(SHEET_LEAD_COLUMNS + 1).font.bold).toBe(true);
    // the second indicator: model households of the quarter
    expect(total.getCell(SHEET_LEAD_COLUMNS + 1 + FIGURE_COLUMNS.length).value).toBe(44);
  });

  it('flags a figure fed by a unit that only partly became this one, with a note', async () => {
    const data = await pivotWorkbook(
      {
        unit: { code: 'W', name: 'Phường W' },
        rows: [{ key: 'total', label: 'Phường W', unitCode: 'W' }],
        indicators: [{ code: 'A', name: 'Chỉ tiêu A', measure: '%', valueType: 'percentage' }],
        cells: [[{ value: 85.5, target: 90, percent: 95, difference: -4.5, partial: true, lastYear: null }]],
      },
      { periodId: '2026Q1', periodLabel: 'Quý I/2026', by: 'units', today: '2026-04-02' },
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(data as unknown as ArrayBuffer);
    const cell = wb.worksheets[0]!.getCell(SHEET_FIRST_ROW, SHEET_LEAD_COLUMNS + 1);
    expect(cell.value).toBe(85.5);
    expect(cell.numFmt).toBe('#,##0.0"%"');
    expect(JSON.stringify(cell.note)).toContain('sáp nhập một phần');
    expect(wb.worksheets[0]!.getCell(SHEET_FIRST_ROW + 2, 1).text).toContain(PARTIAL_NOTE.slice(1, 30));
  });

  it('refuses a unit outside the caller’s scope and a body not on the unit, alike as missing', async () => {
    const outside = await get(
      f.siblingLeader.session,
      '/api/reporting/pivot.xlsx?unit=06712&period=2026&indicators=HS_TT',
    );
    expect(outside.statusCode).toBe(404);
    const review = await get(
      f.siblingLeader.session,
      `/api/reporting/review.docx?unit=06712&period=2026&body=${f.bodies.mc1}`,
    );
    expect(review.statusCode).toBe(404);
    const otherBody = await get(
      f.wardLeader.session,
      `/api/reporting/review.docx?unit=06712&period=2026&body=${f.bodies.mc2}`,
    );
    expect(otherBody.statusCode).toBe(404);
    expect(otherBody.json().error.field).toBe('body');
    const bad = await get(
      f.wardLeader.session,
      `/api/reporting/review.docx?unit=06712&period=2026X&body=${f.bodies.mc1}`,
    );
    expect(bad.statusCode).toBe(400);
  });

  it('writes the review report in the Front’s layout: figures against the plan and last year, the programme by group, the narratives under their headings', async () => {
    const res = await get(
      f.wardLeader.session,
      `/api/reporting/review.docx?unit=06712&period=2026&body=${f.bodies.mc1}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('Báo cáo tổng kết năm 2026.docx'));
    docx = res.rawPayload;
    const text = await docxText(docx);
    for (const s of [
      'ỦY BAN MTTQ VIỆT NAM',
      'PHƯỜNG MÓNG CÁI 1',
      'BAN THƯỜNG TRỰC',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Số: /BC-MTTQ-BTT',
      'Móng Cái 1, ngày 20 tháng 12 năm 2026',
      'Tổng kết năm 2026, phương hướng, nhiệm vụ năm 2027',
      'trên địa bàn phường Móng Cái 1',
      'I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ',
      '1. Kết quả thực hiện chương trình công tác năm 2026',
      '- Công tác tuyên truyền: 02 nhiệm vụ, đã hoàn thành 01/02 nhiệm vụ (đạt 50%), không có nhiệm vụ quá hạn',
      '- Xây dựng khối đại đoàn kết: không có nhiệm vụ.',
      '2. Kết quả thực hiện các chỉ tiêu',
      '- Số hồ sơ hỗ trợ trực tuyến: 36.793 hồ sơ, đạt 167,2%, vượt 14.793 hồ sơ so với KH; tăng 15.666 hồ sơ so với cùng kỳ.',
      '- Số hộ mẫu đạt chuẩn: 44 hộ.',
      'Bảng 1. Kết quả thực hiện các chỉ tiêu',
      '3. Kết quả nổi bật',
      '- Phường Móng Cái 1: Đội hình thanh niên tình nguyện hỗ trợ nhân dân nộp hồ sơ trực tuyến vượt kế hoạch.',
      '- Khu 1: Khu 1 ra quân hỗ trợ tại nhà văn hóa khu.',
      'II. TỒN TẠI, HẠN CHẾ',
      '- Phường Móng Cái 1: Một số khu phố chưa có đội hình tình nguyện.',
      'III. NGUYÊN NHÂN',
      '- Phường Móng Cái 1: Thiếu thiết bị tại nhà văn hóa khu.',
      // no narrative for the tasks ahead: an empty paragraph to fill, then the closing
      'IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2027 Trên đây là báo cáo tổng kết năm 2026 của Ủy ban MTTQ Phường Móng Cái 1.',
      'TM. BAN THƯỜNG TRỰC',
      'Nơi nhận:',
    ])
      expect(text).toContain(s);
    for (const s of [
      'BẢN NHÁP CHƯA DUYỆT',
      'PHƯỜNG BÊN CẠNH',
      'V. ĐỀ XUẤT',
      'ĐẢNG CỘNG SẢN',
      'khu phố chưa có đội hình tình nguyện;',
    ])
      expect(text).not.toContain(s);
    expect(text).not.toMatch(ZERO_COUNT);
    expect(text).not.toMatch(/\d %/);
    expect(text.split('Khu 1 ra quân').length).toBe(2);
  });

  it('heads the report in the Party’s format for a Party committee, and in the state format when a body says so', async () => {
    const db = t().db.db;
    const party = (
      await db
        .insertInto('bodies')
        .values({
          unit_id: f.units.mc1,
          kind: 'party_committee',
          name: 'Đảng ủy phường Móng Cái 1',
          valid_from: '2025-07-01',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const res = await get(
      f.wardLeader.session,
      `/api/reporting/review.docx?unit=06712&period=2026S1&body=${party}&indicators=HS_TT`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const text = await docxText(res.rawPayload);
    for (const s of [
      'ĐẢNG BỘ TỈNH QUẢNG NINH',
      'ĐẢNG ỦY PHƯỜNG MÓNG CÁI 1',
      '*',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'Số -BC/ĐU',
      'T/M ĐẢNG ỦY',
    ])
      expect(text).toContain(s);
    expect(text).toContain('Sơ kết 6 tháng đầu năm 2026, phương hướng, nhiệm vụ 6 tháng cuối năm 2026');
    expect(text).not.toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    // the Party committee has no programme: the results start with the indicators
    expect(text).toContain('I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ 1. Kết quả thực hiện các chỉ tiêu');

    await db.updateTable('bodies').set({ document_layout: 'decree30' }).where('id', '=', party).execute();
    const state = await docxText(
      (
        await get(
          f.wardLeader.session,
          `/api/reporting/review.docx?unit=06712&period=2026S1&body=${party}&indicators=HS_TT`,
        )
      ).rawPayload,
    );
    expect(state).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc');
    expect(state).toContain('TM. ĐẢNG ỦY');
    expect(state).not.toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
  });

  it.skipIf(officeSkipReason !== null)(
    `the review report converts with LibreOffice and reads as the office writes${officeSkipReason ? ` (skipped: ${officeSkipReason})` : ''}`,
    async () => {
      const text = await officeText(docx, 'docx');
      for (const s of [
        'BÁO CÁO',
        'Tổng kết năm 2026',
        'đạt 167,2%, vượt 14.793 hồ sơ so với KH',
        'tăng 15.666 hồ sơ so với cùng kỳ',
        'I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ',
        'II. TỒN TẠI, HẠN CHẾ',
        'III. NGUYÊN NHÂN',
        'IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2027',
        'không có nhiệm vụ quá hạn',
      ])
        expect(text).toContain(s);
      expect(text).not.toMatch(ZERO_COUNT);
    },
    240_000,
  );

  it('names the report by its period and writes figures and items as the office does', () => {
    const title = (id: string) => reviewName(reviewTitle(parsePeriod(id)!));
    expect(title('2021S1')).toBe('Báo cáo sơ kết 6 tháng đầu năm 2021');
    expect(title('2021')).toBe('Báo cáo tổng kết năm 2021');
    expect(title('202101..202109')).toBe('Báo cáo kết quả 9 tháng năm 2021');
    expect(title('202101..202111')).toBe('Báo cáo kết quả 11 tháng năm 2021');
    expect(reviewTitle(parsePeriod('202101..202111')!).ahead).toBe('tháng 12/2021');
    expect(title('2021Q3')).toBe('Báo cáo kết quả quý III/2021');
    expect(title('202111')).toBe('Báo cáo kết quả tháng 11/2021');
    expect(reviewAbstract(reviewTitle(parsePeriod('2021Q3')!))).toBe(
      'Kết quả quý III/2021, phương hướng, nhiệm vụ quý IV/2021',
    );
    expect(reviewAbstract(reviewTitle(parsePeriod('202101..202109')!))).toContain('nhiệm vụ 3 tháng cuối năm 2021');

    const k = { valueType: 'integer', kind: 'entered', measure: 'hồ sơ' };
    const cell = { value: 36793, target: 22000, percent: 167.2, lastYear: 21127, partial: false };
    expect(figureSentence('Số hồ sơ', cell, k)).toBe(
      'Số hồ sơ: 36.793 hồ sơ, đạt 167,2%, vượt 14.793 hồ sơ so với KH; tăng 15.666 hồ sơ so với cùng kỳ.',
    );
    expect(figureSentence('Số hồ sơ', { ...cell, value: 17600, lastYear: 17600 }, k)).toBe(
      'Số hồ sơ: 17.600 hồ sơ, đạt 80,0%, còn thiếu 4.400 hồ sơ so với KH; bằng cùng kỳ.',
    );
    expect(
      figureSentence(
        'Số xã, phường đã thành lập khối dân vận',
        { ...cell, value: 17, target: 17, lastYear: null },
        {
          valueType: 'integer',
          kind: 'coverage',
          measure: 'xã, phường',
        },
      ),
    ).toBe('Số xã, phường đã thành lập khối dân vận: 17/17 xã, phường (đạt 100,0%).');
    expect(
      figureSentence(
        'Tỷ lệ hộ tham gia',
        { value: 99.89, target: null, percent: null, lastYear: 97.5, partial: false },
        {
          valueType: 'percentage',
          kind: 'entered',
          measure: '%',
        },
      ),
    ).toBe('Tỷ lệ hộ tham gia: 99,89%; tăng 2,39 điểm phần trăm so với cùng kỳ.');

    expect(endItem('Hoàn thành tốt;')).toBe('Hoàn thành tốt.');
    expect(endItem('Hoàn thành tốt..')).toBe('Hoàn thành tốt.');
    expect(endItem('Gồm các nội dung:')).toBe('Gồm các nội dung:');
    expect(headingOf('shortcomings', null)).toBe('shortcomings');
    expect(headingOf('other', 'Khó khăn, vướng mắc')).toBe('shortcomings');
    expect(headingOf('x', 'Nhiệm vụ trọng tâm thời gian tới')).toBe('tasks');
    expect(headingOf('x', null)).toBe('results');

    const issuer = {
      kind: 'peoples_committee',
      name: 'Ủy ban nhân dân phường Móng Cái 1',
      unitName: null,
      superiorName: null,
      parentUnitName: null,
      symbol: 'BC-UBND',
    };
    expect(numberLine({ ...issuer, layout: 'decree30' }, 5)).toBe('Số: 05/BC-UBND');
    expect(collectiveOf('Ủy ban nhân dân phường Móng Cái 1')).toBe('Ủy ban nhân dân');
  });
});
