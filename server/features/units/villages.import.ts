import { inTransaction } from '../../db/tx.ts';
import { AppError } from '../../http/errors.ts';
import { translate } from '../../i18n/messages.ts';
import { readTextRows } from '../../uploads/spreadsheet.read.ts';
import { fold, nameKey } from '../../i18n/names.ts';
import * as repo from './units.repository.ts';
import * as versions from './villages.repository.ts';
import { rebuildSubtrees } from './tree.build.ts';
import { createVillage } from './villages.service.ts';
import { today } from '../../clock.ts';
import type { UnitsRequest } from './units.service.ts';

export type ImportRowResult = {
  row: number;
  status: 'added' | 'changed' | 'unchanged' | 'refused';
  code: string | null;
  name: string | null;
  message: string | null;
};

/** Header words accepted for each column (folded: no diacritics, lower case). */
const COLUMNS: Record<string, string[]> = {
  parentCode: ['ma xa', 'ma xa/phuong', 'ma don vi cha', 'ma xa phuong', 'parent code', 'commune code'],
  name: ['ten', 'ten thon', 'ten thon/khu', 'name'],
  kind: ['loai', 'loai don vi', 'kind', 'type'],
  code: ['ma', 'ma thon', 'code', 'village code'],
  validFrom: ['ngay hieu luc', 'tu ngay', 'valid from', 'date'],
};

const KIND_WORDS: Record<string, string> = {
  thon: 'village',
  khu: 'quarter',
  'to dan pho': 'residential_group',
  'khu pho': 'neighbourhood',
  ban: 'hamlet',
  ap: 'southern_hamlet',
  village: 'village',
  quarter: 'quarter',
  'residential group': 'residential_group',
};

/** dd/mm/yyyy (as offices write it) or yyyy-mm-dd; 'invalid' for anything else, 31/02 included. */
export function parseDate(s: string): string | null {
  const t = s.trim();
  if (!t) return null;
  let iso: string | null = null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) iso = t;
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (m) iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  if (!iso) return 'invalid';
  const d = new Date(iso + 'T00:00:00Z');
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(iso) ? iso : 'invalid';
}

/** Imports villages from CSV (UTF-8 or cp1258) or XLSX: one row per village, with a report per row of what was
 * added, changed (renamed) or refused and why. Rows are independent: a refused row does not stop the others.
 * Re-importing the same file changes nothing. */
export async function importVillages(r: UnitsRequest, file: { data: Buffer; filename: string }) {
  const { app, actor, caller: scope, lang } = r;
  const { rows, encoding } = await readTextRows(file.data, { filename: file.filename });
  const header = (rows[0] ?? []).map((h) => fold(h ?? ''));
  const col: Record<string, number> = {};
  for (const [key, words] of Object.entries(COLUMNS)) {
    const i = header.findIndex((h) => words.includes(h));
    if (i >= 0) col[key] = i;
  }
  const missing = ['parentCode', 'name'].filter((k) => col[k] === undefined);
  if (missing.length) {
    throw new AppError('VALIDATION_FAILED', {
      field: 'file',
      issues: [{ field: 'file', message: translate(lang, 'validation.columns', { columns: 'Mã xã, Tên' }) }],
    });
  }
  const results: ImportRowResult[] = [];
  const t = (key: string, params: Record<string, string> = {}) => translate(lang, key, params);
  for (let i = 1; i < rows.length; i++) {
    const cells = rows[i]!;
    const get = (k: string) => (col[k] === undefined ? '' : (cells[col[k]] ?? '').trim());
    if (cells.every((c) => !c || !String(c).trim())) continue;
    const rowNo = i + 1;
    const name = get('name');
    const parentCode = get('parentCode');
    const code = get('code') || null;
    const refuse = (message: string) =>
      results.push({ row: rowNo, status: 'refused', code, name: name || null, message });
    if (!name) {
      refuse(t('import.nameMissing'));
      continue;
    }
    if (name.length > 200) {
      refuse(t('import.nameTooLong'));
      continue;
    }
    if (!parentCode) {
      refuse(t('import.parentMissing'));
      continue;
    }
    const kindWord = fold(get('kind'));
    const kind = kindWord ? KIND_WORDS[kindWord] : 'village';
    if (!kind) {
      refuse(t('import.kindUnknown', { kind: get('kind') }));
      continue;
    }
    const date = parseDate(get('validFrom')) ?? today(app);
    if (date === 'invalid') {
      refuse(t('import.dateInvalid', { date: get('validFrom') }));
      continue;
    }
    try {
      const outcome = await inTransaction(app.db, actor, async (trx) => {
        const commune = await repo.findByCode(trx, parentCode, date);
        if (!commune)
          return { status: 'refused' as const, message: t('import.parentUnknown', { code: parentCode, date }) };
        if (commune.level !== 3) return { status: 'refused' as const, message: t('validation.notCommune') };
        if (!(await scope.canManageVillagesOf(trx, commune.unit_id, date)))
          return { status: 'refused' as const, message: t('errors.FORBIDDEN') };
        const siblings = await repo.children(trx, commune.unit_id, date);
        if (code) {
          const existing = siblings.find((s) => s.code === code);
          if (!existing) return { status: 'refused' as const, message: t('import.codeUnknown', { code }) };
          if (existing.name === name && existing.kind === kind) return { status: 'unchanged' as const, code };
          if (siblings.some((s) => s.unit_id !== existing.unit_id && nameKey(s.name) === nameKey(name)))
            return { status: 'refused' as const, message: t('errors.ALREADY_EXISTS') };
          const v = await versions.versionDatesAt(trx, existing.unit_id, date);
          if (v.valid_from === date) await versions.renameVersion(trx, v.id, name, kind);
          else {
            await versions.endVersion(trx, v.id, date);
            await versions.insertVersion(trx, {
              unit_id: existing.unit_id,
              valid_from: date,
              valid_to: v.valid_to,
              code,
              name,
              kind,
              parent_id: commune.unit_id,
              source: 'import',
            });
          }
          await rebuildSubtrees(trx, [existing.unit_id]);
          return { status: 'changed' as const, code };
        }
        const same = siblings.find((s) => nameKey(s.name) === nameKey(name));
        if (same) return { status: 'unchanged' as const, code: same.code };
        const id = await createVillage(trx, scope, { parentCode, name, kind }, date);
        await rebuildSubtrees(trx, [id]);
        const created = await repo.findById(trx, id, date);
        return { status: 'added' as const, code: created?.code ?? null };
      });
      results.push({
        row: rowNo,
        status: outcome.status,
        code: 'code' in outcome ? (outcome.code ?? null) : code,
        name,
        message: 'message' in outcome ? (outcome.message ?? null) : null,
      });
    } catch (err) {
      if (err instanceof AppError) refuse(t(`errors.${err.code}`));
      else throw err;
    }
  }
  const count = (s: ImportRowResult['status']) => results.filter((r) => r.status === s).length;
  return {
    rows: results,
    added: count('added'),
    changed: count('changed'),
    unchanged: count('unchanged'),
    refused: count('refused'),
    encoding,
  };
}
