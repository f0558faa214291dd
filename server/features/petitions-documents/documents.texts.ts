import { ddmmyyyy } from '../../documents/admin-docx.ts';

/**
 * The words of the petitions' notices and registers (Vietnamese: the documents are the office's), and the rule of
 * whose name a notice may carry. Pure: no I/O.
 */

export const KIND_WORDS: Record<string, string> = {
  complaint: 'khiếu nại',
  denunciation: 'tố cáo',
  proposal: 'kiến nghị, phản ánh',
  mixed: 'có nhiều nội dung',
};
export const CHANNEL_WORDS: Record<string, string> = {
  in_person: 'trực tiếp tại nơi tiếp công dân',
  post: 'qua đường bưu chính',
  suggestion_box: 'qua hòm thư góp ý',
  forwarded_by_body: 'do cơ quan, tổ chức khác chuyển đến',
  online_form: 'qua cổng tiếp nhận trực tuyến',
  hotline: 'qua đường dây nóng',
  voter_meeting: 'tại hội nghị tiếp xúc cử tri',
};
export const COMPETENCE_WORDS: Record<string, string> = {
  state_admin: 'cơ quan hành chính nhà nước',
  elected: 'cơ quan dân cử',
  courts_procuracy: 'tòa án, viện kiểm sát, cơ quan thi hành án',
  party: 'tổ chức đảng',
  front: 'Mặt trận Tổ quốc',
};
export const ACTION_WORDS: Record<string, string> = {
  guide: 'Hướng dẫn công dân',
  forward: 'Chuyển đơn',
  file: 'Xếp lưu đơn',
  propose: 'Đề xuất xử lý theo thẩm quyền',
  record_decision: 'Cơ quan có thẩm quyền ra quyết định',
  record_reply: 'Nhận kết quả giải quyết',
  remind: 'Đôn đốc',
  supervise: 'Chuyển giám sát',
  withdraw: 'Công dân rút đơn',
  suspend: 'Tạm đình chỉ',
  resume: 'Tiếp tục xử lý',
  close: 'Kết thúc',
  merge: 'Gộp vào đơn trùng',
  split: 'Tách đơn nhiều nội dung',
};

export type DocumentKind =
  'receipt' | 'guidance' | 'forward' | 'filing' | 'proposal' | 'reminder' | 'citizen_reply' | 'withdrawal';

/** Kinds of case whose petitioners may be denouncers (a mixed letter may hold a denunciation). */
const DENOUNCER_KINDS = new Set(['denunciation', 'mixed']);
/** Notices that go to the competent body — the body handling the denounced side. */
const TO_COMPETENT_BODY = new Set<DocumentKind>(['forward', 'reminder']);
/** Notices addressed to the petitioner (who must be named to receive them). */
export const TO_CITIZEN = new Set<DocumentKind>(['receipt', 'guidance', 'filing', 'citizen_reply', 'withdrawal']);

/** What a denouncer is called in a notice to the competent body: Luật Tố cáo 2018 Đ.47 k.1 protects their name,
 * address and handwriting; nothing in such a notice may tell who they are. */
export const PROTECTED_DENOUNCER = 'người tố cáo (thông tin được giữ bí mật)';

/** Whether a notice of `doc` kind about a case of `caseKind` may name its petitioners: never a denouncer in a notice
 * to the competent body (the law requires no name there); the citizen's own notices and internal ones may. */
export function mayName(doc: DocumentKind, caseKind: string | null): boolean {
  return !(TO_COMPETENT_BODY.has(doc) && DENOUNCER_KINDS.has(caseKind ?? ''));
}

export type Petitioner = {
  fullName: string;
  idNumber: string | null;
  phone: string | null;
  address: string | null;
  isRepresentative: boolean;
};

/** The petitioners as a notice names them: the representatives when there are some ("đại diện cho 12 người"), each
 * with the address when it is known; the protected denouncer; or, without petitioners, an unsigned letter. The names
 * arrive through the identity guard: a caller who may not see them gets the marker, and so does the notice. */
export function petitionersPhrase(
  p: { petitioners: Petitioner[]; signatoryCount: number; anonymous: boolean },
  named: boolean,
  o: { address?: boolean; idNumber?: boolean } = {},
): string {
  if (!named) return PROTECTED_DENOUNCER;
  if (!p.petitioners.length) return 'người gửi không ghi họ tên, địa chỉ';
  const reps = p.petitioners.filter((x) => x.isRepresentative);
  const shown = reps.length ? reps : p.petitioners;
  const one = (x: Petitioner) => {
    const extra = [
      ...(o.idNumber && x.idNumber ? [`số định danh cá nhân ${x.idNumber}`] : []),
      ...(o.address !== false && x.address ? [`địa chỉ: ${x.address}`] : []),
    ];
    return `ông (bà) ${x.fullName}${extra.length ? ` (${extra.join('; ')})` : ''}`;
  };
  const people = Math.max(p.signatoryCount, p.petitioners.length);
  const list = shown.map(one).join(', ');
  if (reps.length && people > reps.length) return `${list}, đại diện cho ${people} người`;
  if (!reps.length && people > shown.length) return `${list} và ${people - shown.length} người khác`;
  return list;
}

/** "Kính gửi" of a notice to the citizen: the first representative (or petitioner) named as the guard allows. */
export function citizenAddressee(p: { petitioners: Petitioner[] }): string {
  const first = p.petitioners.find((x) => x.isRepresentative) ?? p.petitioners[0];
  if (!first) return 'Người gửi đơn';
  return `Ông (bà) ${first.fullName}${first.address ? `, địa chỉ: ${first.address}` : ''}`;
}

/** "đơn khiếu nại", "đơn tố cáo", "đơn" (not classified yet). */
export const letterWords = (kind: string | null) =>
  kind && kind !== 'mixed' ? `đơn ${KIND_WORDS[kind]}` : kind === 'mixed' ? 'đơn có nhiều nội dung' : 'đơn';

/** Ends a sentence once. */
export const sentence = (s: string) => (/[.!?:;]$/u.test(s.trim()) ? s.trim() : `${s.trim()}.`);

export type NoticeCase = {
  kind: string | null;
  registerNumber: string | null;
  register: 'reception' | 'letters';
  receivedOn: string;
  channel: string;
  summary: string;
  anonymous: boolean;
  eligibilityReason: string | null;
  signatoryCount: number;
  petitioners: Petitioner[];
  trackingCode: string | null;
  attachments: number;
  forwardedFrom: string | null;
  /** the latest forward: to whom, when, its forwarding slip once issued */
  forward: { to: string; on: string; written: string | null } | null;
  decidedOn: string | null;
  /** the latest result the competent body sent */
  result: { receivedOn: string; text: string } | null;
  /** the deadline a reminder chases: the result owed (complaint) or the follow-up of a proposal */
  chased: { due: string; basis: string } | null;
  /** the officer's note of the step the notice is about (guide, file, propose, withdraw) */
  stepNote: string | null;
  state: string;
};

export type Notice = {
  /** the kind of document in capitals (null: a công văn, which has none) */
  title: string | null;
  abstract: string[];
  /** "V/v …" under the number, for a công văn */
  about: string | null;
  to: string[];
  paragraphs: string[];
  recipients: string[];
  /** the citizen signs the receipt beside the officer (Mẫu 02/TCD) */
  citizenSigns: boolean;
  /** what the file is called */
  filename: string;
};

const registerWords = (r: 'reception' | 'letters') => (r === 'reception' ? 'sổ tiếp công dân' : 'sổ theo dõi đơn');

/** "Ngày 02/03/2026, Ủy ban MTTQ … nhận được đơn khiếu nại của ông (bà) …" */
function receivedSentence(c: NoticeCase, issuer: string, who: string): string {
  const from = c.forwardedFrom ? ` do ${c.forwardedFrom} chuyển đến` : ` ${CHANNEL_WORDS[c.channel] ?? ''}`.trimEnd();
  const number = c.registerNumber ? ` (số ${c.registerNumber} trong ${registerWords(c.register)})` : '';
  return `Ngày ${ddmmyyyy(c.receivedOn)}, ${issuer} nhận được ${letterWords(c.kind)} của ${who}${from}${number}.`;
}

const contentSentence = (c: NoticeCase) => sentence(`Nội dung đơn: ${c.summary}`);

/** The text of a notice of a case (see DocumentKind), for an issuer, as the guard lets the caller see the case. */
export function noticeText(kind: DocumentKind, c: NoticeCase, issuer: string, note: string | null): Notice {
  const named = mayName(kind, c.kind);
  const who = petitionersPhrase(c, named);
  const extra = note ? [sentence(note)] : [];
  const base = { about: null, citizenSigns: false, to: [] as string[] };
  const number = c.registerNumber ?? 'chưa vào sổ';
  switch (kind) {
    case 'receipt':
      return {
        ...base,
        title: 'Giấy biên nhận',
        abstract: ['Đơn và thông tin, tài liệu, bằng chứng'],
        paragraphs: [
          `${issuer} đã tiếp nhận ${letterWords(c.kind)} của ${petitionersPhrase(c, true, { idNumber: true })}.`,
          `Ngày tiếp nhận: ${ddmmyyyy(c.receivedOn)}; hình thức: ${CHANNEL_WORDS[c.channel] ?? c.channel}.`,
          ...(c.registerNumber
            ? [`Đơn được vào ${registerWords(c.register)} số ${c.registerNumber}.`]
            : ['Đơn chưa được vào sổ.']),
          contentSentence(c),
          c.attachments
            ? `Thông tin, tài liệu, bằng chứng kèm theo: ${String(c.attachments).padStart(2, '0')} tệp.`
            : 'Thông tin, tài liệu, bằng chứng kèm theo: không có.',
          ...(c.trackingCode
            ? [
                `Mã tra cứu tình trạng xử lý đơn: ${c.trackingCode} (tra cứu trên trang tiếp nhận trực tuyến; không cung cấp mã này cho người khác).`,
              ]
            : []),
          `Trong thời hạn 10 ngày làm việc, kể từ ngày tiếp nhận, ${issuer} thông báo cho người gửi đơn kết quả xử lý đơn (Luật Tiếp công dân năm 2013, Điều 28).`,
          ...extra,
        ],
        recipients: ['Người gửi đơn', 'Lưu: VT, hồ sơ đơn'],
        citizenSigns: true,
        filename: `Giấy biên nhận đơn ${number}`,
      };
    case 'guidance':
      return {
        ...base,
        title: 'Phiếu hướng dẫn',
        abstract: ['Về việc gửi đơn đến cơ quan có thẩm quyền giải quyết'],
        to: [citizenAddressee(c)],
        paragraphs: [
          receivedSentence(c, issuer, who),
          contentSentence(c),
          `Căn cứ Điều 26 Luật Tiếp công dân năm 2013, nội dung đơn không thuộc thẩm quyền giải quyết của ${issuer}.`,
          sentence(
            `${issuer} hướng dẫn ông (bà) gửi đơn đến ${note ?? c.stepNote ?? 'cơ quan có thẩm quyền'} để được xem xét, giải quyết theo quy định của pháp luật`,
          ),
        ],
        recipients: ['Như trên', 'Lưu: VT, hồ sơ đơn'],
        filename: `Phiếu hướng dẫn đơn ${number}`,
      };
    case 'forward': {
      const to = c.forward?.to ?? 'cơ quan có thẩm quyền';
      const owed =
        c.kind === 'complaint'
          ? `Đề nghị ${to} xem xét, giải quyết và trong thời hạn 07 ngày, kể từ ngày có quyết định giải quyết, thông báo bằng văn bản cho ${issuer} (Luật Khiếu nại năm 2011, Điều 66).`
          : c.kind === 'denunciation' || c.kind === 'mixed'
            ? `Đề nghị ${to} xem xét, giải quyết theo thẩm quyền, thông báo kết quả cho ${issuer} và giữ bí mật họ tên, địa chỉ, bút tích và các thông tin cá nhân khác của người tố cáo (Luật Tố cáo năm 2018, Điều 47).`
            : `Đề nghị ${to} xem xét, giải quyết theo thẩm quyền và thông báo kết quả cho ${issuer}.`;
      return {
        ...base,
        title: 'Phiếu chuyển đơn',
        abstract: [],
        to: [to],
        paragraphs: [
          receivedSentence(c, issuer, who),
          contentSentence(c),
          `Sau khi xem xét nội dung đơn, căn cứ quy định của pháp luật, ${issuer} chuyển đơn đến ${to} để xem xét, giải quyết theo thẩm quyền.`,
          owed,
          ...extra,
          '(Gửi kèm theo đơn và các tài liệu kèm theo, nếu có.)',
        ],
        recipients: [
          'Như trên',
          ...(named && c.petitioners.length ? ['Người gửi đơn (để biết)'] : []),
          'Lưu: VT, hồ sơ đơn',
        ],
        filename: `Phiếu chuyển đơn ${number}`,
      };
    }
    case 'filing':
      return {
        ...base,
        title: 'Thông báo',
        abstract: ['Về việc xử lý đơn'],
        to: [citizenAddressee(c)],
        paragraphs: [
          receivedSentence(c, issuer, who),
          contentSentence(c),
          sentence(
            `Qua xem xét, đơn không đủ điều kiện xử lý${c.eligibilityReason ? ` (${c.eligibilityReason.replace(/[.\s]+$/u, '')})` : ''}; ${issuer} không thụ lý và xếp lưu đơn theo quy định (Thông tư số 07/2014/TT-TTCP, Điều 28)`,
          ),
          ...(c.stepNote && !note ? [sentence(c.stepNote)] : []),
          ...extra,
          `${issuer} thông báo để ông (bà) được biết.`,
        ],
        recipients: ['Như trên', 'Lưu: VT, hồ sơ đơn'],
        filename: `Thông báo xếp lưu đơn ${number}`,
      };
    case 'proposal':
      return {
        ...base,
        title: 'Phiếu đề xuất',
        abstract: ['Xử lý đơn thuộc thẩm quyền'],
        to: [`Lãnh đạo ${issuer}`],
        paragraphs: [
          receivedSentence(c, issuer, who),
          contentSentence(c),
          ...(c.stepNote || note ? [sentence(`Đề xuất: ${note ?? c.stepNote}`)] : []),
          'Kính trình lãnh đạo xem xét, cho ý kiến chỉ đạo.',
        ],
        recipients: [`Lãnh đạo ${issuer}`, 'Lưu: hồ sơ đơn'],
        filename: `Phiếu đề xuất xử lý đơn ${number}`,
      };
    case 'reminder': {
      const to = c.forward?.to ?? 'cơ quan có thẩm quyền';
      const slip = c.forward?.written ? ` (Phiếu chuyển đơn số ${c.forward.written})` : '';
      const law =
        c.kind === 'complaint'
          ? [
              `Theo quy định tại Điều 66 Luật Khiếu nại năm 2011, khiếu nại do Mặt trận Tổ quốc chuyển đến phải được xem xét, giải quyết và trong thời hạn 07 ngày, kể từ ngày có quyết định giải quyết, cơ quan có thẩm quyền phải thông báo bằng văn bản cho tổ chức đã chuyển đơn.`,
            ]
          : [];
      const due = c.chased
        ? [`Thời hạn thông báo kết quả là ngày ${ddmmyyyy(c.chased.due)} (${c.chased.basis}) đã hết.`]
        : [];
      return {
        ...base,
        title: null,
        abstract: [],
        about: `V/v đôn đốc giải quyết đơn số ${number}`,
        to: [to],
        paragraphs: [
          `Ngày ${ddmmyyyy(c.forward?.on ?? c.receivedOn)}, ${issuer} đã chuyển ${letterWords(c.kind)} của ${who}${slip} đến ${to} để xem xét, giải quyết theo thẩm quyền.`,
          contentSentence(c),
          ...law,
          ...(c.decidedOn ? [`Quyết định giải quyết được ban hành ngày ${ddmmyyyy(c.decidedOn)}.`] : []),
          ...due,
          `Đến nay, ${issuer} chưa nhận được văn bản thông báo kết quả giải quyết. Đề nghị ${to} khẩn trương xem xét, giải quyết và thông báo kết quả bằng văn bản cho ${issuer} theo quy định.`,
          ...extra,
        ],
        recipients: ['Như trên', 'Lưu: VT, hồ sơ đơn'],
        filename: `Văn bản đôn đốc đơn ${number}`,
      };
    }
    case 'citizen_reply':
      return {
        ...base,
        title: 'Thông báo',
        abstract: ['Về kết quả xử lý đơn'],
        to: [citizenAddressee(c)],
        paragraphs: [
          receivedSentence(c, issuer, who),
          contentSentence(c),
          `Thực hiện Điều 28 Luật Tiếp công dân năm 2013, ${issuer} thông báo: ${outcome(c)}`,
          ...extra,
          `${issuer} thông báo để ông (bà) được biết.`,
        ],
        recipients: ['Như trên', 'Lưu: VT, hồ sơ đơn'],
        filename: `Thông báo kết quả xử lý đơn ${number}`,
      };
    case 'withdrawal':
      return {
        ...base,
        title: 'Thông báo',
        abstract: ['Về việc rút đơn'],
        to: [citizenAddressee(c)],
        paragraphs: [
          receivedSentence(c, issuer, who),
          contentSentence(c),
          `${issuer} đã nhận được đề nghị rút đơn của ông (bà)${c.stepNote ? ` (${c.stepNote.replace(/[.\s]+$/u, '')})` : ''} và dừng việc xử lý đơn theo quy định.`,
          ...extra,
          `${issuer} thông báo để ông (bà) được biết.`,
        ],
        recipients: ['Như trên', 'Lưu: VT, hồ sơ đơn'],
        filename: `Thông báo rút đơn ${number}`,
      };
  }
}

/** What the citizen is told of the case (Luật TCD Đ.28 k.1: accepted, forwarded, refused…), from where it stands. */
function outcome(c: NoticeCase): string {
  if (c.result)
    return sentence(
      `${c.forward?.to ?? 'Cơ quan có thẩm quyền'} đã có kết quả giải quyết (nhận ngày ${ddmmyyyy(c.result.receivedOn)}): ${c.result.text}`,
    );
  if (c.forward)
    return `đơn đã được chuyển đến ${c.forward.to} ngày ${ddmmyyyy(c.forward.on)} để xem xét, giải quyết theo thẩm quyền.`;
  if (c.state === 'guided')
    return sentence(
      `nội dung đơn không thuộc thẩm quyền; ${c.stepNote ?? 'ông (bà) gửi đơn đến cơ quan có thẩm quyền'}`,
    );
  if (c.state === 'filed') return 'đơn không đủ điều kiện xử lý và được xếp lưu theo quy định.';
  if (c.state === 'proposed_for_handling') return 'đơn thuộc thẩm quyền và đang được xem xét, xử lý.';
  return 'đơn đang được xem xét, xử lý; kết quả sẽ được thông báo khi có.';
}

export const STATE_WORDS: Record<string, string> = {
  received: 'Mới tiếp nhận',
  registered: 'Đã vào sổ',
  classified: 'Đã phân loại',
  guided: 'Đã hướng dẫn',
  forwarded: 'Đã chuyển đơn',
  awaiting_result: 'Chờ kết quả giải quyết',
  result_received: 'Đã có kết quả',
  filed: 'Xếp lưu đơn',
  proposed_for_handling: 'Đề xuất xử lý',
  withdrawn: 'Đã rút đơn',
  suspended: 'Tạm đình chỉ',
  closed: 'Kết thúc',
  merged: 'Đã gộp vào đơn trùng',
  split: 'Đã tách thành các đơn',
};
