import ExcelJS from 'exceljs';
import { inTransaction, type Trx } from '../../db/tx.ts';
import { AppError, invalid } from '../../http/errors.ts';
import { referenceRefused } from '../../http/references.ts';
import { translate } from '../../i18n/messages.ts';
import { fold } from '../../i18n/names.ts';
import { valueProblem } from './checks.ts';
import {
  findForm,
  formVersionOn,
  indicatorsOf,
  type VersionIndicatorRow,
  type VersionRow,
} from './forms.repository.ts';
import { periodLabel } from './periods.labels.ts';
import { fitsType, type Period, type PeriodType } from './periods.ts';
import type { ReportingRequest } from './reporting.scope.ts';
import * as scope from './reporting.scope.repository.ts';
import { cellValue, IMPORT_COLUMNS, readImportSheet, type SheetRow } from './submissions.import.ts';
import * as repo from './submissions.import.repository.ts';
import { checksOf, versionForPeriod } from './submissions.read.service.ts';
import { findSubmission, updateSubmission, valuesOf, type StoredValue } from './submissions.repository.ts';
import { lockState, viDate } from './submissions.rules.ts';

/**
 * Importing a period's figures from a sheet (XLSX or CSV), one value a row: unit code, the body's kind or name for a
 * form that bodies submit, indicator code, optional category (a body kind for a breakdown by organisation), value.
 * Every row is checked as the entry form checks it — the unit in the tree of the period's last day and the caller
 * holding reporting.submit over it, the indicator on the form's version, the value of its type, the period open, the
 * report a draft or returned — and any row with a problem is reported with the reason in the caller's language,
 * and **nothing is written**: the person fixes the file and imports it again. Otherwise the values go into the drafts
 * (one per unit or body, opened when missing) in one transaction, added to or replacing the values they had; a row
 * whose value is blank changes nothing. Importing the same file again changes nothing more. With `submit`, each
 * report that breaks no blocking rule is submitted.
 */

/** At most this many problems are listed (the count says how many there are). */
const MAX_ERRORS = 1000;

export type ImportField = 'unit' | 'body' | 'indicator' | 'category' | 'value';
export type ImportError = { row: number; field: ImportField; message: string };

type Reporter = { unitId: string; bodyId: string | null; unitCode: string; unitName: string; bodyName: string | null };
type Resolved = { reporter: string; indicator: VersionIndicatorRow; category: string; value: StoredValue };

/** The form and its version for a period, refused as the draft form refuses them. */
async function formPeriod(r: ReportingRequest, formId: string, periodId: string) {
  const q = r.app.db;
  const form = await findForm(q, formId);
  if (!form) throw referenceRefused('formId');
  const found = await versionForPeriod(q, form.id, periodId);
  if (!found || !fitsType(form.period_type as PeriodType, found.period))
    throw invalid('periodId', 'validation.periodNotOfForm');
  const { period, version, days } = found;
  if (!version || !days) throw invalid('periodId', 'validation.noFormVersion');
  if (days.start > r.caller.today) throw invalid('periodId', 'validation.periodNotBegun');
  return { form, period, version, days };
}

/** A body kind or a body named in a cell: its code, Vietnamese name or short name, ignoring diacritics and case. */
function kindNamed(kinds: { code: string; name_vi: string; short_vi: string | null }[], text: string) {
  const f = fold(text);
  return kinds.find((k) => k.code === text || fold(k.name_vi) === f || (k.short_vi && fold(k.short_vi) === f));
}

export async function importReports(
  r: ReportingRequest,
  input: { formId: string; periodId: string; submit?: boolean },
  file: { data: Buffer; filename: string },
) {
  const q = r.app.db;
  const { lang } = r;
  const { form, period, version, days } = await formPeriod(r, input.formId, input.periodId);
  const sheet = await readImportSheet(file.data, file.filename, lang);
  const byBody = version.submitter === 'body';
  if (byBody && !sheet.hasBody)
    throw new AppError('VALIDATION_FAILED', {
      field: 'file',
      issues: [{ field: 'file', message: translate(lang, 'validation.columns', { columns: IMPORT_COLUMNS.body }) }],
    });

  const codes = [...new Set(sheet.rows.map((x) => x.unit).filter(Boolean))];
  const [units, kinds, indicators, reopened] = await Promise.all([
    repo.unitsByCode(q, codes, days.end),
    repo.bodyKinds(q),
    indicatorsOf(q, [version.id]),
    repo.reopenedUntilByUnit(q, form.id, period.id, r.caller.today),
  ]);
  const unitByCode = new Map(units.map((u) => [u.code, u]));
  const bodies = byBody
    ? await repo.bodiesOfUnits(
        q,
        units.map((u) => u.unit_id),
        days.end,
      )
    : [];
  const indicatorByCode = new Map(indicators.map((i) => [i.code.toUpperCase(), i]));

  const errors: ImportError[] = [];
  const error = (row: number, field: ImportField, key: string, params: Record<string, string | number> = {}) =>
    errors.push({ row, field, message: translate(lang, key, params) });
  const reporters = new Map<string, Reporter>();
  const rowsOf = new Map<string, number[]>();
  const resolved: Resolved[] = [];
  const seen = new Map<string, number>();

  for (const row of sheet.rows) {
    const n = row.row;
    const reporter = reporterOf(row);
    const indicator = indicatorByCode.get(row.indicator);
    if (!row.indicator) error(n, 'indicator', 'reportingImport.indicatorMissing');
    else if (!indicator) error(n, 'indicator', 'reportingImport.indicatorNotOnForm', { code: row.indicator });
    let category = '';
    if (row.category) {
      const kind = kindNamed(kinds, row.category);
      if (!kind) error(n, 'category', 'reportingImport.categoryUnknown', { category: row.category });
      else if (indicator && indicator.breakdown !== 'organisation')
        error(n, 'category', 'validation.categoryNotAllowed');
      else category = kind.code;
    }
    let value: StoredValue | null = null;
    if (indicator) {
      const v = cellValue(row.value, indicator.value_type);
      const problem = 'problem' in v ? v.problem : v.num === null ? null : valueProblem(indicator.value_type, v.num);
      if (problem) error(n, 'value', problem, { value: String(row.value ?? '') });
      else if (!('problem' in v)) value = { indicatorId: indicator.indicator_id, category, num: v.num, txt: v.txt };
    }
    if (!reporter || !indicator || !value) continue;
    const key = `${reporter}|${indicator.indicator_id}|${category}`;
    const first = seen.get(key);
    if (first !== undefined) {
      error(n, 'indicator', 'reportingImport.duplicate', { first });
      continue;
    }
    seen.set(key, n);
    rowsOf.set(reporter, [...(rowsOf.get(reporter) ?? []), n]);
    resolved.push({ reporter, indicator, category, value });
  }

  /** The reporter a row names (unit, and body for a form bodies submit), or undefined with its problem listed. */
  function reporterOf(row: SheetRow): string | undefined {
    const n = row.row;
    if (!row.unit) return void error(n, 'unit', 'reportingImport.unitMissing');
    const unit = unitByCode.get(row.unit);
    if (!unit) return void error(n, 'unit', 'reportingImport.unitUnknown', { code: row.unit, date: viDate(days.end) });
    if (!byBody) {
      if (row.body) return void error(n, 'body', 'validation.bodyNotAllowed');
      if (version.unit_kinds.length && !version.unit_kinds.includes(unit.kind))
        return void error(n, 'unit', 'reportingImport.notReporter', { name: unit.name });
      const key = `${unit.unit_id}|`;
      reporters.set(key, reporterRow(unit, null));
      return key;
    }
    if (!row.body) return void error(n, 'body', 'validation.bodyRequired');
    const f = fold(row.body);
    const ofUnit = bodies.filter((b) => b.unit_id === unit.unit_id);
    let found = ofUnit.filter((b) => fold(b.name) === f || (b.short_name && fold(b.short_name) === f));
    if (!found.length) {
      const kind = kindNamed(kinds, row.body);
      found = kind ? ofUnit.filter((b) => b.kind === kind.code) : [];
    }
    if (found.length !== 1)
      return void error(n, 'body', found.length ? 'reportingImport.bodyAmbiguous' : 'reportingImport.bodyUnknown', {
        body: row.body,
        unit: unit.name,
      });
    const body = found[0]!;
    if (version.body_kinds.length && !version.body_kinds.includes(body.kind))
      return void error(n, 'body', 'reportingImport.notReporter', { name: body.name });
    const key = `${unit.unit_id}|${body.id}`;
    reporters.set(key, reporterRow(unit, body));
    return key;
  }

  // What each reporter's report allows: the caller's right, the period's lock, the report's status.
  const list = [...reporters.entries()];
  const [rights, existing] = await Promise.all([
    repo.submitRights(
      q,
      r.caller,
      list.map(([, x]) => x),
      days.end,
    ),
    repo.reportsOf(
      q,
      form.id,
      period.id,
      list.map(([, x]) => x),
    ),
  ]);
  const rightOf = new Map(rights.map((x) => [`${x.unit_id}|${x.body_id ?? ''}`, x]));
  const reportOf = new Map(existing.map((x) => [`${x.unit_id}|${x.body_id ?? ''}`, x]));
  for (const [key, rep] of list) {
    const right = rightOf.get(key);
    const until = reopened.get(rep.unitId) ?? reopened.get('') ?? null;
    const lock = lockState(days.end, version, r.caller.today, until);
    const report = reportOf.get(key);
    const who = rep.bodyName ?? rep.unitName;
    let problem: [ImportField, string, Record<string, string>] | null = null;
    if (!right?.submit) problem = ['unit', 'reportingImport.notYours', { name: who }];
    else if (lock.locked)
      problem = ['unit', 'errors.PERIOD_LOCKED', { since: viDate(lock.locksOn!), reopenBy: right.reopen_by ?? '' }];
    else if (report && report.status !== 'draft' && report.status !== 'returned')
      problem = ['unit', `reportingImport.already.${report.status}`, { name: who }];
    if (problem) for (const n of rowsOf.get(key) ?? []) error(n, problem[0], problem[1], problem[2]);
  }

  const base = { encoding: sheet.encoding, rows: sheet.rows.length };
  if (errors.length) {
    errors.sort((a, b) => a.row - b.row);
    return {
      ...base,
      imported: false,
      created: 0,
      updated: 0,
      values: 0,
      submitted: 0,
      notSubmitted: [],
      errorCount: errors.length,
      errors: errors.slice(0, MAX_ERRORS),
    };
  }

  const now = r.app.clock.now();
  const outcome = await inTransaction(q, r.actor, async (trx) => {
    const written = await writeReports(trx, {
      formId: form.id,
      version,
      period,
      days,
      createdBy: r.caller.accountId,
      now,
      reports: list.map(([key, rep]) => ({
        ...rep,
        existingId: reportOf.get(key)?.id ?? null,
        values: resolved.filter((x) => x.reporter === key).map((x) => x.value),
      })),
    });
    const notSubmitted: { unit: string; body: string | null; messages: string[] }[] = [];
    let submitted = 0;
    if (input.submit) {
      for (const [i, id] of written.ids.entries()) {
        const s = (await findSubmission(trx, id))!;
        const checks = await checksOf(trx, lang, s, indicators, await valuesOf(trx, id));
        const blocking = checks.filter((c) => c.severity === 'blocking');
        const rep = list[i]![1];
        if (blocking.length) {
          notSubmitted.push({ unit: rep.unitCode, body: rep.bodyName, messages: blocking.map((c) => c.message) });
          continue;
        }
        await updateSubmission(
          trx,
          id,
          s.version,
          { status: 'submitted', submitted_at: now, submitted_by: r.caller.accountId, return_reason: null },
          now,
        );
        submitted++;
      }
    }
    return { ...written, submitted, notSubmitted };
  });
  return {
    ...base,
    imported: true,
    created: outcome.created,
    updated: outcome.updated,
    values: resolved.length,
    submitted: outcome.submitted,
    notSubmitted: outcome.notSubmitted,
    errorCount: 0,
    errors: [] as ImportError[],
  };
}

function reporterRow(
  unit: { unit_id: string; code: string; name: string },
  body: { id: string; name: string } | null,
): Reporter {
  return {
    unitId: unit.unit_id,
    bodyId: body?.id ?? null,
    unitCode: unit.code,
    unitName: unit.name,
    bodyName: body?.name ?? null,
  };
}

/**
 * Writes the values of many reports of one form and period, set-based: the missing drafts in one statement, every
 * value in one more (whatever their number), the wholes of breakdowns added up from their parts in a third. The
 * reports given by id must be drafts or returned ones (checked again under a lock: 409 CONFLICT when one was
 * submitted meanwhile), and so must the new ones (409 CONFLICT when another request opened one meanwhile). The values
 * given are added to, or replace, those the reports had. Returns the reports' ids in the order given.
 */
export async function writeReports(
  trx: Trx,
  input: {
    formId: string;
    version: Pick<VersionRow, 'id'>;
    period: Period;
    days: { start: string; end: string };
    createdBy: string | null;
    now: Date;
    reports: { unitId: string; bodyId: string | null; existingId: string | null; values: StoredValue[] }[];
  },
): Promise<{ ids: string[]; created: number; updated: number }> {
  const { period, days } = input;
  const existing = input.reports.flatMap((x) => (x.existingId ? [x.existingId] : []));
  const locked = await repo.lockReports(trx, existing);
  if (locked.length !== existing.length || locked.some((x) => x.status !== 'draft' && x.status !== 'returned'))
    throw new AppError('CONFLICT');
  await repo.touchReports(trx, existing, input.now);
  const fresh = input.reports.filter((x) => !x.existingId);
  const inserted = await repo.insertDrafts(
    trx,
    fresh.map((x) => ({
      formId: input.formId,
      formVersionId: input.version.id,
      periodId: period.id,
      firstMonth: period.firstMonth,
      lastMonth: period.lastMonth,
      periodStart: days.start,
      periodEnd: days.end,
      unitId: x.unitId,
      bodyId: x.bodyId,
      createdBy: input.createdBy,
    })),
  );
  if (inserted.length !== fresh.length) throw new AppError('CONFLICT');
  const newId = new Map(inserted.map((x) => [`${x.unit_id}|${x.body_id ?? ''}`, x.id]));
  const ids = input.reports.map((x) => x.existingId ?? newId.get(`${x.unitId}|${x.bodyId ?? ''}`)!);
  const values: repo.BulkValue[] = [];
  const wholes: { submissionId: string; indicatorId: string }[] = [];
  for (const [i, rep] of input.reports.entries()) {
    const given = new Set(rep.values.filter((v) => v.category === '').map((v) => v.indicatorId));
    const parts = new Set<string>();
    for (const v of rep.values) {
      values.push({
        ...v,
        submissionId: ids[i]!,
        firstMonth: period.firstMonth,
        lastMonth: period.lastMonth,
        unitId: rep.unitId,
        bodyId: rep.bodyId,
      });
      if (v.category !== '' && !given.has(v.indicatorId)) parts.add(v.indicatorId);
    }
    for (const indicatorId of parts) wholes.push({ submissionId: ids[i]!, indicatorId });
  }
  await repo.upsertValues(trx, values);
  await repo.wholesFromParts(trx, wholes);
  return { ids, created: inserted.length, updated: existing.length };
}

/**
 * The sheet to fill for a form: the header row, and a row for each indicator of the form's version (of the period
 * when given, else today's) for each unit or body the caller reports for (one row per indicator with the unit left
 * blank when it reports for none); the values already entered for the period are filled in. A second sheet says
 * how to fill it.
 */
export async function importTemplate(r: ReportingRequest, formId: string, periodId?: string) {
  const q = r.app.db;
  const form = await findForm(q, formId);
  if (!form) throw new AppError('NOT_FOUND');
  let version: VersionRow | undefined;
  let found: Awaited<ReturnType<typeof formPeriod>> | null = null;
  if (periodId) {
    found = await formPeriod(r, formId, periodId);
    version = found.version;
  } else version = await formVersionOn(q, form.id, r.caller.today);
  if (!version) throw invalid('period', 'validation.noFormVersion');
  const [indicators, mine, kinds] = await Promise.all([
    indicatorsOf(q, [version.id]),
    scope.reportersOf(q, r.caller.accountId, r.caller.today),
    repo.bodyKinds(q),
  ]);
  const byBody = version.submitter === 'body';
  const reporters = mine.filter((x) =>
    byBody
      ? x.body_id !== null && (!version.body_kinds.length || version.body_kinds.includes(x.body_kind!))
      : x.body_id === null && (!version.unit_kinds.length || version.unit_kinds.includes(x.unit_kind)),
  );
  const filled = new Map<string, number | string>();
  if (found) {
    const reports = await repo.reportsOf(
      q,
      form.id,
      found.period.id,
      reporters.map((x) => ({ unitId: x.unit_id, bodyId: x.body_id })),
    );
    const reporterOf = new Map(reports.map((x) => [x.id, `${x.unit_id}|${x.body_id ?? ''}`]));
    for (const v of await repo.valuesOfReports(
      q,
      reports.map((x) => x.id),
    ))
      if (v.category === '' && (v.num !== null || v.txt !== null))
        filled.set(`${reporterOf.get(v.submission_id)}|${v.indicator_id}`, v.num === null ? v.txt! : Number(v.num));
  }

  const wb = new ExcelJS.Workbook();
  wb.creator = 'Khối';
  const ws = wb.addWorksheet('Số liệu', { views: [{ state: 'frozen', ySplit: 1 }] });
  const cols = [
    { header: IMPORT_COLUMNS.unit, width: 14 },
    { header: IMPORT_COLUMNS.unitName, width: 28 },
    ...(byBody ? [{ header: IMPORT_COLUMNS.body, width: 32 }] : []),
    { header: IMPORT_COLUMNS.indicator, width: 16 },
    { header: IMPORT_COLUMNS.indicatorName, width: 44 },
    { header: IMPORT_COLUMNS.measure, width: 12 },
    { header: IMPORT_COLUMNS.category, width: 14 },
    { header: IMPORT_COLUMNS.value, width: 16 },
  ];
  ws.columns = cols.map((c) => ({ header: c.header, width: c.width }));
  ws.getRow(1).font = { bold: true };
  // Codes as text: 06712 keeps its leading zero when typed over.
  ws.getColumn(1).numFmt = '@';
  const who: { key: string; code: string; name: string; body: string | null }[] = reporters.length
    ? reporters.map((x) => ({
        key: `${x.unit_id}|${x.body_id ?? ''}`,
        code: x.unit_code ?? '',
        name: x.unit_name,
        body: x.body_name,
      }))
    : [{ key: '', code: '', name: '', body: null }];
  for (const w of who)
    for (const i of indicators)
      ws.addRow([
        w.code,
        w.name,
        ...(byBody ? [w.body ?? ''] : []),
        i.code,
        i.name,
        i.measure ?? '',
        null,
        filled.get(`${w.key}|${i.indicator_id}`) ?? null,
      ]);

  const help = wb.addWorksheet('Hướng dẫn');
  help.getColumn(1).width = 28;
  help.getColumn(2).width = 70;
  const lines: [string, string][] = [
    ['Mẫu báo cáo', `${form.code} – ${form.name}`],
    ['Kỳ báo cáo', found ? periodLabel(found.period) : 'Chọn kỳ khi nhập tệp'],
    [IMPORT_COLUMNS.unit, 'Mã đơn vị hành chính (thôn, xã, phường) báo cáo.'],
    ...(byBody
      ? ([[IMPORT_COLUMNS.body, 'Tên tổ chức báo cáo, hoặc loại tổ chức (ví dụ: ĐTN, Hội LHPN).']] as [
          string,
          string,
        ][])
      : []),
    [IMPORT_COLUMNS.indicator, 'Mã chỉ tiêu của mẫu; các cột tên và đơn vị tính chỉ để đọc.'],
    [
      IMPORT_COLUMNS.category,
      'Để trống cho tổng số; với chỉ tiêu chia theo tổ chức, ghi loại tổ chức (thêm một dòng cho mỗi tổ chức).',
    ],
    [
      IMPORT_COLUMNS.value,
      'Số viết 1.234,5 hoặc 1234.5; dấu chấm trước đúng ba chữ số là dấu phân cách hàng nghìn (1.234 = 1234). Có/không: 1 hoặc 0. Dòng để trống giá trị không thay đổi gì.',
    ],
    ['Lưu ý', 'Nếu có dòng lỗi, không dòng nào được nhập: sửa tệp theo thông báo rồi nhập lại.'],
    ['', ''],
    ['Phân loại', 'Loại tổ chức'],
    ...kinds.map((k) => [k.short_vi ?? k.code, k.name_vi] as [string, string]),
  ];
  for (const l of lines) help.addRow(l);
  help.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  help.getColumn(1).font = { bold: true };
  const data = Buffer.from(await wb.xlsx.writeBuffer());
  return { data, filename: `Mẫu nhập ${form.code}${found ? ` ${found.period.id}` : ''}.xlsx` };
}
