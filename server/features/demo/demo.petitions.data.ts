/* Petitions of the demo (đơn thư), told from the seeds: the bloc office takes part in resolving complaints,
 * denunciations and proposals about site clearance (GPMB) of key projects, holds dialogues with the households, and
 * turns what is stuck into supervision (seeds 001, 004). Received by the Front committee of Phường Móng Cái 1 — in
 * the demo the successor of Móng Cái's bloc office — since the wards began (1/7/2025), this year and last. The cases,
 * people and dates are illustrative; the petitioners of a project's cases are heads of its households. */

export type Kind = 'complaint' | 'denunciation' | 'proposal';
export type Competence = 'state_admin' | 'elected' | 'courts_procuracy' | 'party' | 'front';
export type Channel =
  'in_person' | 'post' | 'suggestion_box' | 'forwarded_by_body' | 'online_form' | 'hotline' | 'voter_meeting';

/** Whom a case is forwarded to: a body of Khối by name, or a name. */
export type Recipient = { body: string } | { name: string };

/** A step of a case, `at` days after it was received (a step that would fall after today is not taken). */
export type Step = { at: number; by?: 'mongcai' } & (
  | { do: 'classify'; kind: Kind | 'mixed'; eligible: boolean; reason?: string; competence: Competence }
  | { do: 'forward'; to: Recipient; note?: string }
  | { do: 'decision'; note: string }
  | { do: 'reply'; decidedAt?: number; result: string; publish?: string }
  | { do: 'remind' | 'supervise' | 'guide' | 'file' | 'propose' | 'withdraw' | 'close' | 'register'; note?: string }
  | { do: 'merge'; into: string }
  | { do: 'split'; parts: { kind: Kind; summary: string; content: string; steps: Step[] }[] }
);

/** A petitioner: a head of a household of the project (by register order), or a name of the case's own. */
export type Who = { household: number } | { name: string; gender: 'male' | 'female'; address: string };

export type CaseSpec = {
  key: string;
  /** received `ago` days before today, or (earlier cases) at `old` ∈ [0, 1] of the time before the last 150 days */
  ago?: number;
  old?: number;
  channel: Channel;
  kind?: Kind | 'mixed';
  project?: string;
  /** who received it and handles it: the ward's officer (canbo), or its chair for a denunciation (mongcai) */
  by?: 'mongcai';
  forwardedFrom?: string;
  summary: string;
  content: string;
  anonymous?: boolean;
  petitioners: Who[];
  representatives?: number;
  /** the address unit as the petitioner wrote it (an ended ward's code is mapped to its successor) */
  addressUnitCode?: string;
  steps: Step[];
};

const WARD_CHAIR = { name: 'Chủ tịch UBND phường Móng Cái 1' };
const WARD = { name: 'UBND phường Móng Cái 1' };
const PMU = { name: 'Ban Quản lý dự án đầu tư xây dựng tỉnh Quảng Ninh' };
const PROVINCE = { body: 'UBND tỉnh Quảng Ninh' };
const COUNCIL = { body: 'HĐND tỉnh Quảng Ninh' };
const MC1 = 'phường Móng Cái 1';

/** In the order they were received (the registers' numbers follow it). The first names the demo's petitions. */
export const CASES: CaseSpec[] = [
  {
    key: 'bl2-price',
    old: 0.95,
    channel: 'in_person',
    kind: 'complaint',
    project: 'BLII-DD',
    summary: 'Khiếu nại đơn giá bồi thường đất nông nghiệp dự án đường dẫn cầu Bắc Luân II',
    content:
      'Gia đình tôi có 620 m² đất trồng lúa, hoa màu bị thu hồi để xây dựng đường dẫn cầu Bắc Luân II. Đơn giá bồi thường theo phương án được phê duyệt thấp hơn giá chuyển nhượng thực tế tại địa phương. Đề nghị cơ quan có thẩm quyền xem xét, áp dụng lại đơn giá cho phù hợp.',
    petitioners: [{ household: 4 }],
    addressUnitCode: '06742',
    steps: [
      { at: 1, do: 'classify', kind: 'complaint', eligible: true, competence: 'state_admin' },
      { at: 3, do: 'forward', to: WARD_CHAIR, note: 'Chuyển đơn kèm bản chụp phương án bồi thường của hộ gia đình.' },
      {
        at: 33,
        do: 'reply',
        decidedAt: 28,
        result:
          'Quyết định giải quyết khiếu nại lần đầu: giữ nguyên đơn giá bồi thường đất nông nghiệp theo bảng giá đất của tỉnh; bổ sung hỗ trợ đào tạo, chuyển đổi nghề cho hộ gia đình.',
        publish:
          'Cơ quan có thẩm quyền đã ban hành quyết định giải quyết khiếu nại lần đầu; công dân nhận quyết định tại UBND phường.',
      },
      { at: 36, do: 'close' },
    ],
  },
  {
    key: 'icd-payment',
    old: 0.9,
    channel: 'voter_meeting',
    kind: 'proposal',
    project: 'ICD-MR',
    summary: 'Kiến nghị sớm chi trả tiền bồi thường cho các hộ đã bàn giao mặt bằng dự án mở rộng cảng cạn ICD',
    content:
      'Tại hội nghị tiếp xúc cử tri, cử tri Khu 2 phản ánh một số hộ đã bàn giao mặt bằng cho dự án mở rộng cảng cạn ICD nhưng chưa nhận đủ tiền bồi thường, hỗ trợ. Đề nghị chủ đầu tư sớm chi trả.',
    petitioners: [{ household: 3 }],
    steps: [
      { at: 1, do: 'classify', kind: 'proposal', eligible: true, competence: 'state_admin' },
      { at: 2, do: 'forward', to: WARD },
      {
        at: 14,
        do: 'reply',
        result: 'UBND phường đã phối hợp với chủ đầu tư chi trả xong tiền bồi thường, hỗ trợ cho 05 hộ còn lại.',
        publish: 'Đã chi trả đủ tiền bồi thường, hỗ trợ cho các hộ đã bàn giao mặt bằng.',
      },
      { at: 16, do: 'close' },
    ],
  },
  {
    key: 'anonymous',
    old: 0.85,
    channel: 'suggestion_box',
    anonymous: true,
    summary: 'Thư không ký tên phản ánh việc dựng tạm lều quán trên đất đã có thông báo thu hồi',
    content:
      'Có hộ dựng tạm lều quán, trồng thêm cây trên đất đã có thông báo thu hồi để làm đường cao tốc nhằm được bồi thường thêm. Đề nghị chính quyền kiểm tra.',
    petitioners: [],
    steps: [
      {
        at: 1,
        do: 'classify',
        kind: 'proposal',
        eligible: false,
        reason:
          'Đơn không ghi họ tên, địa chỉ người viết (đơn nặc danh): không thụ lý giải quyết, lưu làm thông tin tham khảo.',
        competence: 'state_admin',
      },
      { at: 2, do: 'file', note: 'Lưu đơn làm thông tin; đã báo cáo Thường trực Ủy ban MTTQ phường.' },
      { at: 368, do: 'close', note: 'Hết thời hạn lưu đơn một năm.' },
    ],
  },
  {
    key: 'mixed',
    old: 0.8,
    channel: 'post',
    kind: 'mixed',
    project: 'CT-VDMC',
    summary: 'Đơn khiếu nại giá bồi thường và kiến nghị làm đường dân sinh dự án cao tốc Vân Đồn – Móng Cái',
    content:
      'Chúng tôi là hai hộ gia đình ở Khu 1 có đất bị thu hồi cho dự án đường cao tốc Vân Đồn – Móng Cái. Thứ nhất, chúng tôi không đồng ý với đơn giá bồi thường đất ở. Thứ hai, đề nghị làm đường dân sinh và mương thoát nước dọc tuyến để các hộ còn lại đi lại, sản xuất.',
    petitioners: [{ household: 10 }, { household: 11 }],
    steps: [
      { at: 2, do: 'classify', kind: 'mixed', eligible: true, competence: 'state_admin' },
      {
        at: 3,
        do: 'split',
        parts: [
          {
            kind: 'complaint',
            summary: 'Khiếu nại đơn giá bồi thường đất ở dự án cao tốc Vân Đồn – Móng Cái (phần khiếu nại)',
            content: 'Hai hộ gia đình không đồng ý với đơn giá bồi thường đất ở trong phương án được phê duyệt.',
            steps: [
              { at: 4, do: 'classify', kind: 'complaint', eligible: true, competence: 'state_admin' },
              { at: 5, do: 'forward', to: WARD_CHAIR },
              {
                at: 40,
                do: 'reply',
                decidedAt: 35,
                result:
                  'Điều chỉnh đơn giá bồi thường đất ở theo vị trí thửa đất giáp đường; chi trả bổ sung cho hai hộ.',
                publish: 'Khiếu nại đúng một phần; cơ quan có thẩm quyền đã điều chỉnh đơn giá bồi thường.',
              },
            ],
          },
          {
            kind: 'proposal',
            summary: 'Kiến nghị làm đường dân sinh, mương thoát nước dọc tuyến cao tốc (phần kiến nghị)',
            content: 'Đề nghị làm đường dân sinh và mương thoát nước dọc tuyến cho các hộ còn lại đi lại, sản xuất.',
            steps: [
              { at: 4, do: 'classify', kind: 'proposal', eligible: true, competence: 'state_admin' },
              { at: 5, do: 'forward', to: PROVINCE },
              {
                at: 25,
                do: 'reply',
                result:
                  'UBND tỉnh giao chủ đầu tư bổ sung hạng mục đường gom dân sinh và mương thoát nước đoạn qua Khu 1.',
                publish: 'Kiến nghị được tiếp thu; đường gom dân sinh được bổ sung vào dự án.',
              },
              { at: 27, do: 'close' },
            ],
          },
        ],
      },
    ],
  },
  {
    key: 'denunciation',
    old: 0.7,
    channel: 'in_person',
    kind: 'denunciation',
    project: 'BLII-DD',
    by: 'mongcai',
    summary: 'Tố cáo cán bộ có dấu hiệu sai phạm trong kiểm đếm đất, tài sản dự án đường dẫn cầu Bắc Luân II',
    content:
      'Tôi tố cáo một cán bộ trong tổ kiểm đếm đã ghi thiếu tài sản trên đất của gia đình tôi và gợi ý chi tiền để được ghi bổ sung. Tôi đề nghị được giữ bí mật họ tên, địa chỉ.',
    petitioners: [{ household: 12 }],
    steps: [
      { at: 1, do: 'classify', kind: 'denunciation', eligible: true, competence: 'state_admin' },
      {
        at: 3,
        do: 'forward',
        to: WARD_CHAIR,
        note: 'Chuyển đơn tố cáo theo Điều 24 Luật Tố cáo; đề nghị giữ bí mật họ tên, địa chỉ người tố cáo.',
      },
      {
        at: 40,
        do: 'reply',
        result:
          'Kết luận nội dung tố cáo: tố cáo đúng một phần. Đã kiểm điểm cán bộ, tổ chức kiểm đếm lại tài sản của hộ gia đình.',
      },
      { at: 42, do: 'close' },
    ],
  },
  {
    key: 'council',
    old: 0.6,
    channel: 'forwarded_by_body',
    forwardedFrom: 'HĐND tỉnh Quảng Ninh',
    kind: 'complaint',
    project: 'CT-VDMC',
    summary: 'Khiếu nại việc không được xét hỗ trợ tái định cư dự án cao tốc Vân Đồn – Móng Cái',
    content:
      'Gia đình tôi bị thu hồi toàn bộ đất ở nhưng không được xét giao đất tái định cư với lý do có nhà ở khác trên địa bàn. Nhà đó là của con trai đã tách hộ. Đề nghị xem xét lại.',
    petitioners: [{ household: 9 }],
    steps: [
      { at: 2, do: 'classify', kind: 'complaint', eligible: true, competence: 'state_admin' },
      { at: 4, do: 'forward', to: WARD_CHAIR },
      {
        at: 44,
        do: 'reply',
        decidedAt: 40,
        result:
          'Công nhận nội dung khiếu nại; hộ gia đình được xét giao 01 lô đất tái định cư tại khu tái định cư Hải Yên.',
        publish: 'Khiếu nại đúng; hộ gia đình được xét giao đất tái định cư.',
      },
    ],
  },
  {
    key: 'voters-underpass',
    old: 0.3,
    channel: 'voter_meeting',
    kind: 'proposal',
    project: 'CT-VDMC',
    summary: 'Kiến nghị của cử tri về hầm chui dân sinh qua đường cao tốc tại Khu 1',
    content:
      'Cử tri Khu 1 kiến nghị bố trí hầm chui dân sinh qua đường cao tốc để người dân sang khu sản xuất phía bên kia tuyến, tránh phải đi vòng gần 3 km.',
    petitioners: [{ household: 3 }],
    steps: [
      { at: 1, do: 'classify', kind: 'proposal', eligible: true, competence: 'elected' },
      { at: 3, do: 'forward', to: COUNCIL, note: 'Tổng hợp vào kiến nghị cử tri gửi kỳ họp HĐND tỉnh.' },
      {
        at: 30,
        do: 'reply',
        result: 'Thường trực HĐND tỉnh trả lời: UBND tỉnh chỉ đạo nghiên cứu bổ sung hầm chui dân sinh tại Km phù hợp.',
        publish: 'Kiến nghị đã được HĐND tỉnh trả lời; hầm chui dân sinh được nghiên cứu bổ sung.',
      },
      { at: 32, do: 'close' },
    ],
  },
  {
    key: 'stuck',
    ago: 130,
    channel: 'voter_meeting',
    kind: 'complaint',
    project: 'CT-VDMC',
    summary: 'Khiếu nại của 05 hộ dân về việc chậm bố trí đất tái định cư dự án cao tốc Vân Đồn – Móng Cái',
    content:
      'Năm hộ gia đình ở Khu 1 đã đồng ý phương án bồi thường, bàn giao hoặc cam kết bàn giao mặt bằng cho dự án đường cao tốc nhưng đến nay chưa được bố trí đất tái định cư, phải thuê nhà ở tạm. Đề nghị sớm giao đất tái định cư.',
    petitioners: [{ household: 0 }, { household: 1 }, { household: 2 }, { household: 5 }, { household: 6 }],
    representatives: 1,
    steps: [
      { at: 1, do: 'classify', kind: 'complaint', eligible: true, competence: 'state_admin' },
      { at: 4, do: 'forward', to: PROVINCE, note: 'Chuyển đơn của 05 hộ, người đại diện ký thay.' },
      {
        at: 60,
        do: 'remind',
        note: 'Đề nghị UBND tỉnh chỉ đạo giải quyết và thông báo kết quả cho Ủy ban MTTQ phường.',
      },
      {
        at: 110,
        by: 'mongcai',
        do: 'supervise',
        note: 'Quá thời hạn giải quyết nhưng chưa có kết quả. Chuyển Ban Thường trực Ủy ban MTTQ phường đưa vào kế hoạch giám sát công tác bồi thường, hỗ trợ, tái định cư dự án cao tốc Vân Đồn – Móng Cái.',
      },
    ],
  },
  {
    key: 'guided',
    ago: 100,
    channel: 'in_person',
    kind: 'complaint',
    summary: 'Khiếu nại bản án sơ thẩm về tranh chấp quyền sử dụng đất giữa hai hộ liền kề',
    content:
      'Tôi không đồng ý với bản án sơ thẩm giải quyết tranh chấp ranh giới đất giữa gia đình tôi và hộ liền kề, đề nghị Mặt trận can thiệp.',
    petitioners: [{ name: 'Đỗ Văn Khải', gender: 'male', address: `Khu 2, ${MC1}` }],
    steps: [
      {
        at: 0,
        do: 'classify',
        kind: 'complaint',
        eligible: false,
        reason: 'Nội dung thuộc thẩm quyền của Tòa án (kháng cáo bản án theo thủ tục tố tụng dân sự).',
        competence: 'courts_procuracy',
      },
      {
        at: 0,
        do: 'guide',
        note: 'Hướng dẫn công dân thực hiện quyền kháng cáo tại Tòa án nhân dân có thẩm quyền; giải thích thời hạn kháng cáo.',
      },
    ],
  },
  {
    key: 'published',
    ago: 95,
    channel: 'post',
    kind: 'complaint',
    project: 'BLII-DD',
    summary: 'Khiếu nại việc chậm chi trả tiền bồi thường sau khi đã bàn giao mặt bằng dự án đường dẫn cầu Bắc Luân II',
    content:
      'Gia đình tôi đã bàn giao mặt bằng cho dự án đường dẫn cầu Bắc Luân II hơn hai tháng nhưng chưa nhận được tiền bồi thường, hỗ trợ. Đề nghị sớm chi trả.',
    petitioners: [{ household: 14 }],
    steps: [
      { at: 2, do: 'classify', kind: 'complaint', eligible: true, competence: 'state_admin' },
      { at: 4, do: 'forward', to: WARD_CHAIR },
      {
        at: 58,
        do: 'reply',
        decidedAt: 50,
        result: 'Khiếu nại đúng. UBND phường đã chi trả đủ tiền bồi thường, hỗ trợ cho hộ gia đình.',
        publish: 'Khiếu nại đúng; tiền bồi thường, hỗ trợ đã được chi trả đủ.',
      },
    ],
  },
  {
    key: 'withdrawn',
    ago: 85,
    channel: 'in_person',
    kind: 'complaint',
    project: 'CT-VDMC',
    summary: 'Khiếu nại về việc áp giá bồi thường cây trồng lâu năm dự án cao tốc Vân Đồn – Móng Cái',
    content: 'Đề nghị xem xét lại việc áp giá bồi thường 40 cây vải, cây nhãn lâu năm của gia đình.',
    petitioners: [{ household: 2 }],
    steps: [
      { at: 1, do: 'classify', kind: 'complaint', eligible: true, competence: 'state_admin' },
      { at: 3, do: 'forward', to: WARD_CHAIR },
      {
        at: 12,
        do: 'withdraw',
        note: 'Công dân rút đơn sau buổi đối thoại với hộ dân dự án cao tốc: đã được giải đáp, đồng ý phương án bồi thường.',
      },
      { at: 13, do: 'close' },
    ],
  },
  {
    key: 'overdue',
    ago: 60,
    channel: 'post',
    kind: 'complaint',
    project: 'CT-VDMC',
    summary: 'Khiếu nại phương án bồi thường đất nông nghiệp dự án cao tốc Vân Đồn – Móng Cái',
    content:
      'Gia đình tôi không đồng ý với phương án bồi thường 1.200 m² đất nông nghiệp vì diện tích đo đạc nhỏ hơn giấy chứng nhận quyền sử dụng đất. Đề nghị kiểm tra, giải quyết.',
    petitioners: [{ household: 8 }],
    steps: [
      { at: 2, do: 'classify', kind: 'complaint', eligible: true, competence: 'state_admin' },
      { at: 5, do: 'forward', to: WARD_CHAIR },
      { at: 44, do: 'decision', note: 'Chủ tịch UBND phường ban hành quyết định giải quyết khiếu nại lần đầu.' },
      {
        at: 56,
        do: 'remind',
        note: 'Đề nghị gửi văn bản kết quả giải quyết khiếu nại cho Ủy ban MTTQ phường (Điều 66 Luật Khiếu nại).',
      },
    ],
  },
  {
    key: 'filed',
    ago: 45,
    channel: 'post',
    kind: 'proposal',
    project: 'BLII-DD',
    summary: 'Đơn gửi lần hai đề nghị giải quyết lại việc chi trả tiền bồi thường, nội dung đã được trả lời',
    content: 'Đề nghị giải quyết lại việc chi trả tiền bồi thường cho gia đình như đơn đã gửi trước đây.',
    petitioners: [{ household: 20 }],
    steps: [
      {
        at: 1,
        do: 'classify',
        kind: 'proposal',
        eligible: false,
        reason:
          'Nội dung đã được cơ quan có thẩm quyền giải quyết và trả lời bằng văn bản; đơn không có tình tiết mới.',
        competence: 'state_admin',
      },
      { at: 2, do: 'file', note: 'Lưu đơn; hướng dẫn công dân bằng văn bản về kết quả đã giải quyết.' },
    ],
  },
  {
    key: 'measure',
    ago: 40,
    channel: 'post',
    kind: 'complaint',
    project: 'BLII-DD',
    summary: 'Khiếu nại việc đo thiếu diện tích đất vườn khi kiểm đếm dự án đường dẫn cầu Bắc Luân II',
    content:
      'Khi kiểm đếm, tổ công tác đo thiếu khoảng 45 m² đất vườn liền kề nhà của gia đình tôi. Đề nghị tổ chức đo đạc lại có sự chứng kiến của gia đình và tổ dân phố.',
    petitioners: [{ household: 21 }],
    steps: [
      { at: 2, do: 'classify', kind: 'complaint', eligible: true, competence: 'state_admin' },
      { at: 7, do: 'forward', to: WARD_CHAIR, note: 'Chuyển một lần cho cả hai đơn cùng nội dung của hộ gia đình.' },
    ],
  },
  {
    key: 'measure-again',
    ago: 35,
    channel: 'suggestion_box',
    kind: 'complaint',
    project: 'BLII-DD',
    summary: 'Đơn đề nghị đo đạc lại phần đất vườn bị đo thiếu của gia đình',
    content:
      'Tổ kiểm đếm đo thiếu khoảng 45 m² đất vườn liền kề nhà của gia đình tôi. Tôi đã gửi đơn qua bưu điện, nay gửi lại đề nghị đo đạc lại.',
    petitioners: [{ household: 21 }],
    steps: [{ at: 1, do: 'merge', into: 'measure' }],
  },
  {
    key: 'proposed',
    ago: 12,
    channel: 'post',
    kind: 'proposal',
    summary: 'Kiến nghị xem xét lại kết quả bình xét hộ cận nghèo tại Khu 2',
    content:
      'Gia đình tôi có hoàn cảnh khó khăn nhưng không có tên trong danh sách hộ cận nghèo được bình xét ở Khu 2. Đề nghị Ban công tác Mặt trận xem xét lại.',
    petitioners: [{ name: 'Bùi Thị Nhàn', gender: 'female', address: `Khu 2, ${MC1}` }],
    steps: [
      { at: 1, do: 'classify', kind: 'proposal', eligible: true, competence: 'front' },
      {
        at: 3,
        do: 'propose',
        note: 'Đề xuất Ban Thường trực giao Ban công tác Mặt trận Khu 2 kiểm tra, trả lời công dân.',
      },
    ],
  },
  {
    key: 'icd-noise',
    ago: 10,
    channel: 'hotline',
    kind: 'proposal',
    project: 'ICD-MR',
    summary: 'Phản ánh tiếng ồn từ công trường mở rộng cảng cạn ICD vào ban đêm',
    content: 'Công trường thi công cả ban đêm, máy móc gây ồn sau 22 giờ ảnh hưởng sinh hoạt của các hộ Khu 2.',
    petitioners: [{ household: 5 }],
    // The answer is recorded but not yet published: its page offers "Công khai kết quả" (the guide, 16.4).
    steps: [
      { at: 0, do: 'classify', kind: 'proposal', eligible: true, competence: 'state_admin' },
      { at: 2, do: 'forward', to: PMU },
      {
        at: 7,
        do: 'reply',
        result:
          'Ban Quản lý dự án đầu tư xây dựng tỉnh Quảng Ninh trả lời: đã yêu cầu nhà thầu không vận hành máy móc gây tiếng ồn lớn từ 22 giờ đến 6 giờ sáng hôm sau; giao đơn vị tư vấn giám sát kiểm tra việc thực hiện hằng đêm.',
      },
    ],
  },
  {
    key: 'online',
    ago: 8,
    channel: 'online_form',
    kind: 'proposal',
    summary: 'Đề nghị lắp biển báo tại điểm giao giữa đường công vụ và đường Khu 2',
    content:
      'Xe chở vật liệu ra vào đường Khu 2 nhiều nhưng chưa có biển báo, đèn cảnh báo tại điểm giao với đường công vụ. Đề nghị lắp đặt để bảo đảm an toàn cho học sinh.',
    petitioners: [{ name: 'Ngô Thị Tươi', gender: 'female', address: `Khu 2, ${MC1}` }],
    addressUnitCode: '06712',
    steps: [{ at: 1, do: 'register' }],
  },
  {
    key: 'classified',
    ago: 6,
    channel: 'post',
    kind: 'proposal',
    project: 'CT-VDMC',
    summary: 'Kiến nghị hỗ trợ đào tạo, chuyển đổi nghề cho lao động bị thu hồi đất nông nghiệp',
    content:
      'Gia đình tôi bị thu hồi gần hết đất nông nghiệp cho dự án đường cao tốc. Đề nghị được hỗ trợ học nghề, giới thiệu việc làm cho hai con trong độ tuổi lao động.',
    petitioners: [{ household: 11 }],
    steps: [{ at: 1, do: 'classify', kind: 'proposal', eligible: true, competence: 'state_admin' }],
  },
  {
    key: 'registered',
    ago: 3,
    channel: 'in_person',
    kind: 'complaint',
    project: 'BLII-DD',
    summary: 'Khiếu nại việc chưa được hỗ trợ di chuyển mồ mả trong phạm vi dự án đường dẫn cầu Bắc Luân II',
    content:
      'Gia đình tôi có hai ngôi mộ trong phạm vi thu hồi đất nhưng phương án chưa có khoản hỗ trợ di chuyển mồ mả. Đề nghị xem xét bổ sung.',
    petitioners: [{ household: 23 }],
    steps: [],
  },
];
