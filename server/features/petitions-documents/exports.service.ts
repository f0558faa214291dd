import { placeName } from '../../documents/admin-docx.ts';
import { symbolFor } from '../../documents/counters.ts';
import { AppError } from '../../http/errors.ts';
import { xlsxTable } from '../../http/xlsx-table.ts';
import { periodCounts, registerRows, type PetitionRequest } from '../petitions/index.ts';
import { issuingBody, parsePeriod, periodDays, periodLabel } from '../reporting/index.ts';
import * as repo from './documents.repository.ts';
import { bodyIssuer } from './documents.service.ts';
import { registerDocument, reportDocument } from './exports.docx.ts';
import { REGISTER_COLUMNS, REGISTER_TITLES, registerTable, type Register } from './registers.ts';
import { reportRows, reportSentences, type ReportRow } from './report.ts';

type Format = 'xlsx' | 'docx';
type File = { filename: string; data: Buffer };

/** The body asked for, read in the caller's scope (404 on bodyId alike when missing or not read). */
async function readBody(r: PetitionRequest, bodyId: string, day: string) {
  const body = await issuingBody(r.app.db, bodyId, day);
  if (!body || !(await repo.bodyReadable(r.app.db, r.caller, bodyId)))
    throw new AppError('NOT_FOUND', { field: 'bodyId' });
  return body;
}

/**
 * A register of a receiving body and year (sổ tiếp công dân or sổ theo dõi đơn) as Excel or Word (A4 landscape), the
 * rows the caller reads in number order. The petitioners come through the identity guard (petitions' registerRows):
 * an export made by someone without the right to a case's identities holds the marker, never a name, id number,
 * phone or address.
 */
export async function registerExport(
  r: PetitionRequest,
  q: { bodyId: string; year: number; register: Register },
  format: Format,
): Promise<File> {
  const body = await readBody(r, q.bodyId, r.caller.today);
  const rows = await registerRows(r, q);
  const trails = await repo.trails(
    r.app.db,
    rows.map((x) => x.id),
  );
  const cells = registerTable(q.register, rows, trails);
  const name = `${REGISTER_TITLES[q.register]} năm ${q.year} - ${body.name}`;
  if (format === 'docx')
    return {
      filename: `${name}.docx`,
      data: await registerDocument({
        bodyName: body.name,
        superiorName: body.superior_name,
        register: q.register,
        year: q.year,
        rows: cells,
        today: r.caller.today,
      }),
    };
  const cols = REGISTER_COLUMNS[q.register];
  const data = await xlsxTable(
    `${REGISTER_TITLES[q.register].toLocaleUpperCase('vi')} NĂM ${q.year} — ${body.name}`,
    cols.map((c, i) => ({ header: c.header, width: c.width * 1.6, value: (row: string[]) => row[i] ?? '' })),
    cells,
  );
  return { filename: `${name}.xlsx`, data };
}

/** The period's first and last day, and the same period a year before. Periods are the reporting module's: calendar
 * halves (2026S1 = 1/1–30/6/2026), quarters, months, years. */
function periodOf(id: string) {
  const p = parsePeriod(id);
  if (!p) throw new AppError('VALIDATION_FAILED', { field: 'period' });
  const before = parsePeriod(id.replace(/^(\d{4})/, (y) => String(Number(y) - 1)));
  if (!before) throw new AppError('VALIDATION_FAILED', { field: 'period' });
  return { now: periodDays(p, null), before: periodDays(before, null), label: periodLabel(p) };
}

/**
 * The six-monthly / yearly report of a body's petition work (báo cáo công tác tiếp công dân, xử lý đơn thư) over a
 * period, against the same period a year before: counts by kind, channel, competence and action, and deadlines on
 * time or late (petitions' periodCounts, over the cases the caller reads: counts, no identity). Excel (one table) or
 * Word (a báo cáo in the body's layout, with the figures in sentences and the table).
 */
export async function reportExport(
  r: PetitionRequest,
  q: { bodyId: string; period: string },
  format: Format,
): Promise<File> {
  const range = periodOf(q.period);
  const body = await readBody(r, q.bodyId, r.caller.today);
  const [now, before] = await Promise.all([
    periodCounts(r, { bodyId: q.bodyId, from: range.now.start, to: range.now.end }),
    periodCounts(r, { bodyId: q.bodyId, from: range.before.start, to: range.before.end }),
  ]);
  const rows = reportRows(now, before);
  const name = `Báo cáo tiếp công dân, xử lý đơn ${range.label.toLocaleLowerCase('vi')} - ${body.name}`;
  if (format === 'xlsx') {
    const cols: { header: string; width: number; value: (x: ReportRow) => string | number }[] = [
      { header: 'Nhóm', width: 26, value: (x) => x.group },
      { header: 'Nội dung', width: 40, value: (x) => x.label },
      { header: `Kỳ này (${range.label})`, width: 16, value: (x) => x.now },
      { header: 'Cùng kỳ năm trước', width: 16, value: (x) => x.before },
      { header: 'Tăng (+), giảm (−)', width: 16, value: (x) => x.change },
      { header: 'Tỷ lệ', width: 12, value: (x) => x.share },
    ];
    const data = await xlsxTable(
      `BÁO CÁO TIẾP CÔNG DÂN, XỬ LÝ ĐƠN ${range.label.toLocaleUpperCase('vi')} — ${body.name}`,
      cols,
      rows,
    );
    return { filename: `${name}.xlsx`, data };
  }
  const issuer = bodyIssuer(body, (await symbolFor(r.app.db, body.id, 'report')).symbol);
  const data = await reportDocument({
    issuer,
    place: placeName(body.unit_name),
    today: r.caller.today,
    periodLabel: range.label,
    from: range.now.start,
    to: range.now.end,
    sentences: reportSentences(now, before),
    rows,
  });
  return { filename: `${name}.docx`, data };
}
