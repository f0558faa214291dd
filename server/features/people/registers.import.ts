import type { AppContext } from '../../context.ts';
import { inTransaction, type Actor } from '../../db/tx.ts';
import { AppError } from '../../http/errors.ts';
import { normalisePhone } from '../../http/schemas.ts';
import { translate, type Lang } from '../../i18n/messages.ts';
import { fold } from '../../i18n/names.ts';
import { parseDate, unitByCode } from '../units/index.ts';
import { readTextRows } from '../../uploads/spreadsheet.read.ts';
import * as repo from './people.repository.ts';

type Ctx = Pick<AppContext, 'db' | 'clock'>;
export type RowResult = {
  row: number;
  status: 'added' | 'unchanged' | 'refused';
  name: string | null;
  message: string | null;
};

function columns(header: string[], spec: Record<string, string[]>) {
  const folded = header.map((h) => fold(h ?? ''));
  const col: Record<string, number> = {};
  for (const [key, words] of Object.entries(spec)) {
    const i = folded.findIndex((h) => words.includes(h));
    if (i >= 0) col[key] = i;
  }
  return col;
}

const yes = (v: string) => ['x', 'co', 'yes', '1', 'true'].includes(fold(v));

/** Bodies from CSV/XLSX: Mã đơn vị, Loại (kind code or name), Tên, Tên viết tắt, Tổ chức cấp trên (name), Từ ngày.
 * One transaction per row; a report per row; a body already on the unit with that name is unchanged. */
export async function importBodies(ctx: Ctx, actor: Actor, lang: Lang, file: { data: Buffer; filename: string }) {
  const { rows } = await readTextRows(file.data, { filename: file.filename });
  const col = columns(rows[0] ?? [], {
    unit: ['ma don vi', 'ma'],
    kind: ['loai', 'loai to chuc'],
    name: ['ten', 'ten to chuc'],
    short: ['ten viet tat'],
    parent: ['to chuc cap tren', 'cap tren'],
    from: ['tu ngay', 'ngay hieu luc'],
  });
  if (col.unit === undefined || col.kind === undefined || col.name === undefined)
    throw new AppError('VALIDATION_FAILED', {
      field: 'file',
      issues: [{ field: 'file', message: translate(lang, 'validation.columns', { columns: 'Mã đơn vị, Loại, Tên' }) }],
    });
  const kinds = await repo.bodyKinds(ctx.db);
  const out: RowResult[] = [];
  for (let i = 1; i < rows.length; i++) {
    const r = rows[i]!;
    if (r.every((c) => !c || !String(c).trim())) continue;
    const get = (k: string) => (col[k] === undefined ? '' : (r[col[k]] ?? '').trim());
    const name = get('name');
    const refuse = (m: string) => out.push({ row: i + 1, status: 'refused', name: name || null, message: m });
    const kind = kinds.find((k) => k.code === get('kind') || fold(k.name_vi) === fold(get('kind')));
    if (!name) {
      refuse(translate(lang, 'import.nameMissing'));
      continue;
    }
    if (!kind) {
      refuse(translate(lang, 'import.kindUnknown', { kind: get('kind') }));
      continue;
    }
    const from = parseDate(get('from'));
    if (from === 'invalid') {
      refuse(translate(lang, 'import.dateInvalid', { date: get('from') }));
      continue;
    }
    const asOf = from ?? new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(ctx.clock.now());
    const status = await inTransaction(ctx.db, actor, async (trx) => {
      const unit = await unitByCode(trx, get('unit'), asOf);
      if (!unit) return translate(lang, 'import.parentUnknown', { code: get('unit'), date: asOf });
      if (await repo.bodyNamed(trx, name, unit.unit_id)) return 'unchanged';
      let parentId: string | null = null;
      if (get('parent')) {
        const p = await repo.bodyNamed(trx, get('parent'));
        if (!p) return translate(lang, 'import.parentBodyUnknown', { name: get('parent') });
        parentId = p.id;
      }
      await repo.insertBody(trx, {
        unit_id: unit.unit_id,
        kind: kind.code,
        name,
        short_name: get('short') || null,
        parent_id: parentId,
        valid_from: from,
      });
      return 'added';
    });
    if (status === 'added' || status === 'unchanged') out.push({ row: i + 1, status, name, message: null });
    else refuse(status);
  }
  return out;
}

/** People with a position from CSV/XLSX: Họ và tên, Giới tính, Điện thoại, Email, Tổ chức (name), Chức vụ,
 * Từ ngày, Đến ngày, Quyền, Kiêm nhiệm. A person already there with the same name and phone is reused. */
export async function importPeople(ctx: Ctx, actor: Actor, lang: Lang, file: { data: Buffer; filename: string }) {
  const { rows } = await readTextRows(file.data, { filename: file.filename });
  const col = columns(rows[0] ?? [], {
    name: ['ho va ten', 'ho ten', 'ten'],
    gender: ['gioi tinh'],
    phone: ['dien thoai', 'so dien thoai'],
    email: ['email', 'thu dien tu'],
    body: ['to chuc', 'co quan'],
    title: ['chuc vu'],
    from: ['tu ngay'],
    to: ['den ngay'],
    acting: ['quyen'],
    concurrent: ['kiem nhiem'],
  });
  if (col.name === undefined)
    throw new AppError('VALIDATION_FAILED', {
      field: 'file',
      issues: [{ field: 'file', message: translate(lang, 'validation.columns', { columns: 'Họ và tên' }) }],
    });
  const out: RowResult[] = [];
  for (let i = 1; i < rows.length; i++) {
    const r = rows[i]!;
    if (r.every((c) => !c || !String(c).trim())) continue;
    const get = (k: string) => (col[k] === undefined ? '' : (r[col[k]] ?? '').trim());
    const name = get('name');
    const refuse = (m: string) => out.push({ row: i + 1, status: 'refused', name: name || null, message: m });
    if (!name) {
      refuse(translate(lang, 'import.nameMissing'));
      continue;
    }
    const phone = get('phone') ? normalisePhone(get('phone')) : null;
    if (get('phone') && !phone) {
      refuse(translate(lang, 'validation.phone'));
      continue;
    }
    const from = parseDate(get('from'));
    const to = parseDate(get('to'));
    if (from === 'invalid' || to === 'invalid') {
      refuse(translate(lang, 'import.dateInvalid', { date: from === 'invalid' ? get('from') : get('to') }));
      continue;
    }
    if (from && to && from >= to) {
      refuse(translate(lang, 'validation.endBeforeStart'));
      continue;
    }
    const g = fold(get('gender'));
    const gender = g === 'nam' || g === 'male' ? 'male' : g === 'nu' || g === 'female' ? 'female' : null;
    const status = await inTransaction(ctx.db, actor, async (trx) => {
      let body: { id: string } | undefined;
      if (get('body') || get('title')) {
        body = await repo.bodyNamed(trx, get('body'));
        if (!body) return translate(lang, 'import.parentBodyUnknown', { name: get('body') });
        if (!get('title')) return translate(lang, 'import.titleMissing');
      }
      let person = await repo.personNamed(trx, name, phone);
      let added = false;
      if (!person) {
        person = await repo.insert(trx, { full_name: name, gender, phone, email: get('email').toLowerCase() || null });
        added = true;
      }
      if (body) {
        const same = await repo.positionTitled(trx, person.id, body.id, get('title'));
        if (!same) {
          await repo.insertPosition(trx, {
            person_id: person.id,
            body_id: body.id,
            title: get('title'),
            valid_from: from,
            valid_to: to,
            acting: yes(get('acting')),
            concurrent: yes(get('concurrent')),
          });
          added = true;
        }
      }
      return added ? 'added' : 'unchanged';
    });
    if (status === 'added' || status === 'unchanged') out.push({ row: i + 1, status, name, message: null });
    else refuse(status);
  }
  return out;
}
