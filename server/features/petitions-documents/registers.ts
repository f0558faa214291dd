import { ddmmyyyy } from '../../documents/admin-docx.ts';
import { HIDDEN, type registerRows } from '../petitions/index.ts';
import type { CaseTrail } from './documents.repository.ts';
import { ACTION_WORDS, CHANNEL_WORDS, COMPETENCE_WORDS, KIND_WORDS, STATE_WORDS } from './documents.texts.ts';

/**
 * The two registers as tables (pure). The sổ tiếp công dân has the columns Luật Tiếp công dân 2013 Đ.25 k.2 lists
 * ("số thứ tự, ngày tiếp, họ tên, địa chỉ, nội dung sự việc, quá trình xem xét, giải quyết của cơ quan … có thẩm
 * quyền (nếu có); yêu cầu, đề nghị của người đến …; việc tiếp nhận, xử lý vụ việc"); the sổ theo dõi đơn those of the
 * letters' tracking (TT 07/2014/TT-TTCP Đ.29: received, from whom and where from, content, classification, handling,
 * result). The petitioners arrive through the identity guard: a row whose identities the caller may not see shows the
 * marker, no address, and none of the officers' notes (which an officer may have written a name into).
 */

export type RegisterRow = Awaited<ReturnType<typeof registerRows>>[number];
export type Register = 'reception' | 'letters';

export const REGISTER_TITLES: Record<Register, string> = {
  reception: 'Sổ tiếp công dân',
  letters: 'Sổ theo dõi đơn',
};

export const REGISTER_COLUMNS: Record<Register, { header: string; width: number }[]> = {
  reception: [
    { header: 'Số thứ tự', width: 6 },
    { header: 'Ngày tiếp', width: 9 },
    { header: 'Họ tên', width: 14 },
    { header: 'Địa chỉ', width: 14 },
    { header: 'Nội dung sự việc', width: 24 },
    { header: 'Quá trình xem xét, giải quyết của cơ quan có thẩm quyền (nếu có)', width: 17 },
    { header: 'Yêu cầu, đề nghị của người đến', width: 16 },
    { header: 'Việc tiếp nhận, xử lý vụ việc', width: 20 },
  ],
  letters: [
    { header: 'Số thứ tự', width: 6 },
    { header: 'Ngày nhận', width: 9 },
    { header: 'Người gửi đơn (họ tên, địa chỉ)', width: 16 },
    { header: 'Nguồn đơn', width: 11 },
    { header: 'Nội dung đơn', width: 24 },
    { header: 'Phân loại', width: 12 },
    { header: 'Hướng xử lý', width: 18 },
    { header: 'Kết quả giải quyết', width: 15 },
    { header: 'Tình trạng', width: 9 },
  ],
};

const visible = (r: RegisterRow) => r.petitioners.every((p) => p.fullName !== HIDDEN);

function names(r: RegisterRow): string {
  if (!r.petitioners.length) return 'Không ghi họ tên';
  return r.petitioners.map((p) => `${p.fullName}${p.isRepresentative ? ' (đại diện)' : ''}`).join('\n');
}

function addresses(r: RegisterRow): string {
  if (!visible(r)) return r.petitioners.length ? HIDDEN : '';
  return [...new Set(r.petitioners.map((p) => p.address).filter((a): a is string => Boolean(a)))].join('\n');
}

/** What was done with the case: its forwards (to whom, when, the slip's number) and its other handling steps. */
function handling(r: RegisterRow, t: CaseTrail | undefined): string {
  const notes = visible(r);
  const lines = (t?.actions ?? []).flatMap((a) => {
    if (a.action === 'forward') return [];
    const note = notes && a.note ? `: ${a.note}` : '';
    return [`${ACTION_WORDS[a.action] ?? a.action} (${ddmmyyyy(a.day)})${note}`];
  });
  const forwards = (t?.forwards ?? []).map(
    (f) => `Chuyển đơn đến ${f.to} ngày ${ddmmyyyy(f.on)}${f.number ? ` (Phiếu chuyển số ${f.number})` : ''}`,
  );
  return [...forwards, ...lines].join('\n');
}

function results(t: CaseTrail | undefined): string {
  return (t?.results ?? [])
    .map(
      (x) =>
        `${x.decided_on ? `Quyết định ngày ${ddmmyyyy(x.decided_on)}; ` : ''}nhận kết quả ngày ${ddmmyyyy(x.received_on)}: ${x.result}`,
    )
    .join('\n');
}

/** The register's rows as the table's cells, in number order. */
export function registerTable(register: Register, rows: RegisterRow[], trails: CaseTrail[]): string[][] {
  const trailOf = new Map(trails.map((t) => [t.petition_id, t]));
  return rows.map((r) => {
    const t = trailOf.get(r.id);
    const number = String(r.number).padStart(2, '0');
    if (register === 'reception')
      return [number, ddmmyyyy(r.receivedOn), names(r), addresses(r), r.content, results(t), r.summary, handling(r, t)];
    const who = visible(r) && addresses(r) ? `${names(r)}\n${addresses(r)}` : names(r);
    const source = t?.forwarded_from ? `${t.forwarded_from} chuyển đến` : (CHANNEL_WORDS[r.channel] ?? r.channel);
    const kind = [
      r.kind ? `Đơn ${KIND_WORDS[r.kind]}` : 'Chưa phân loại',
      ...(r.competence ? [`Thẩm quyền: ${COMPETENCE_WORDS[r.competence]}`] : []),
    ].join('\n');
    return [
      number,
      ddmmyyyy(r.receivedOn),
      who,
      source,
      `${r.summary}\n${r.content}`,
      kind,
      handling(r, t),
      results(t),
      STATE_WORDS[r.state] ?? r.state,
    ];
  });
}
