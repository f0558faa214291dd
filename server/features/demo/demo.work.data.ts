/* The demo's work, told with the seeds' wording and figures (seed 002, Móng Cái 2021): the city bloc office's 2021
 * programme with its 15 task groups, its 4 key tasks registered with the City Party Committee and its 3 tasks
 * commissioned by the City People's Committee, done; and the current year's programme of the Front committee of
 * Phường Móng Cái 1 (a successor of the city's wards since 1/7/2025), in progress today. */

export const GROUPS_2021 = [
  'Công tác tuyên truyền, giáo dục chính trị tư tưởng',
  'Củng cố, xây dựng khối đại đoàn kết toàn dân tộc',
  'Phong trào thi đua yêu nước và các cuộc vận động',
  'Cuộc vận động "Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh"',
  'Công tác giám sát và phản biện xã hội',
  'Góp ý xây dựng Đảng, xây dựng chính quyền',
  'Tham gia công tác bầu cử đại biểu Quốc hội và HĐND các cấp',
  'Tuyên truyền, vận động công tác giải phóng mặt bằng các dự án trọng điểm',
  'Phòng, chống dịch Covid-19',
  'Chăm lo cho người nghèo, an sinh xã hội',
  'Tham gia giữ gìn an ninh chính trị, trật tự an toàn xã hội',
  'Công tác dân vận khéo và xây dựng mô hình điểm',
  'Hoạt động của Khối dân vận xã, phường và Tổ dân vận thôn, khu',
  'Công tác đối ngoại nhân dân',
  'Xây dựng tổ chức, cán bộ và chế độ thông tin báo cáo',
];

export type Task2021 = {
  group: number;
  kind: 'shared' | 'specialised' | 'key' | 'commissioned';
  title: string;
  lead: string;
  coop?: string[];
  start: string;
  due: string;
  target?: [number, string];
  result?: number;
  /** 'accepted' on a date, 'late' accepted after its due date, or an open status with its progress */
  end: ['accepted', string] | ['late', string] | ['in_progress' | 'assigned' | 'reported_done', number];
};

export const OFFICE = 'Cơ quan Khối MTTQ và các đoàn thể CT-XH TP Móng Cái';
const FRONT = 'Ủy ban MTTQ thành phố Móng Cái';
const WOMEN = 'Hội LHPN thành phố Móng Cái';
const YOUTH = 'Đoàn Thanh niên thành phố Móng Cái';
const FARMERS = 'Hội Nông dân thành phố Móng Cái';
const VETERANS = 'Hội Cựu chiến binh thành phố Móng Cái';
const LABOUR = 'Liên đoàn Lao động thành phố Móng Cái';

export const TASKS_2021: Task2021[] = [
  {
    group: 7,
    kind: 'key',
    title:
      'Phối hợp tổ chức thành công cuộc bầu cử đại biểu Quốc hội khóa XV và đại biểu HĐND các cấp nhiệm kỳ 2021 - 2026',
    lead: FRONT,
    coop: [WOMEN, YOUTH, VETERANS],
    start: '2021-01-15',
    due: '2021-05-31',
    target: [99, '% cử tri đi bầu'],
    result: 99.89,
    end: ['accepted', '2021-05-28'],
  },
  {
    group: 9,
    kind: 'key',
    title: 'Tuyên truyền, vận động nhân dân phòng, chống dịch Covid-19; nòng cốt tham gia các tổ Covid cộng đồng',
    lead: OFFICE,
    coop: [FRONT, YOUTH, WOMEN],
    start: '2021-05-01',
    due: '2021-12-15',
    target: [202, 'tổ Covid cộng đồng'],
    result: 202,
    end: ['accepted', '2021-12-10'],
  },
  {
    group: 4,
    kind: 'key',
    title: 'Cùng 9 xã nông thôn mới vận động xây dựng vườn mẫu, hộ mẫu',
    lead: FRONT,
    coop: [FARMERS, WOMEN],
    start: '2021-02-01',
    due: '2021-11-30',
    target: [41, 'vườn mẫu'],
    result: 44,
    end: ['accepted', '2021-11-25'],
  },
  {
    group: 8,
    kind: 'key',
    title: 'Tuyên truyền, vận động nhân dân thực hiện giải phóng mặt bằng các dự án trọng điểm',
    lead: OFFICE,
    coop: [FRONT, VETERANS],
    start: '2021-01-15',
    due: '2021-12-20',
    end: ['accepted', '2021-12-15'],
  },
  {
    group: 4,
    kind: 'commissioned',
    title:
      'Giữ gìn vệ sinh, bảo vệ môi trường gắn với xây dựng thôn nông thôn mới kiểu mẫu (cơ chế đặt hàng với UBND Thành phố)',
    lead: WOMEN,
    coop: [FARMERS],
    start: '2021-03-01',
    due: '2021-11-30',
    target: [50, 'hộ làm hố ủ phân hữu cơ vi sinh'],
    result: 52,
    end: ['accepted', '2021-11-20'],
  },
  {
    group: 6,
    kind: 'commissioned',
    title:
      'Duy trì hỗ trợ nhân dân sử dụng dịch vụ công trực tuyến mức độ 3, 4 (Đề án "Thành phố thông minh", cơ chế đặt hàng)',
    lead: YOUTH,
    coop: [WOMEN],
    start: '2021-01-15',
    due: '2021-11-30',
    target: [22000, 'hồ sơ trực tuyến'],
    result: 36793,
    end: ['accepted', '2021-11-30'],
  },
  {
    group: 3,
    kind: 'commissioned',
    title:
      'Tổ chức Cuộc thi sáng tác ảnh, clip giới thiệu du lịch Thành phố Móng Cái; chỉnh trang 01 điểm du lịch tại xã Vĩnh Thực; trồng tuyến đường hoa sim (cơ chế đặt hàng)',
    lead: OFFICE,
    coop: [YOUTH, FARMERS],
    start: '2021-03-01',
    due: '2021-10-31',
    target: [450, 'cây sim'],
    result: 450,
    end: ['late', '2021-11-12'],
  },
  {
    group: 1,
    kind: 'shared',
    title: 'Tuyên truyền Đại hội đại biểu toàn quốc lần thứ XIII của Đảng',
    lead: OFFICE,
    coop: [FRONT, YOUTH],
    start: '2021-01-04',
    due: '2021-03-31',
    end: ['accepted', '2021-03-25'],
  },
  {
    group: 1,
    kind: 'shared',
    title: 'Ban hành chương trình công tác năm và các văn bản chỉ đạo, hướng dẫn triển khai nhiệm vụ',
    lead: OFFICE,
    start: '2021-01-04',
    due: '2021-12-31',
    target: [100, 'văn bản'],
    result: 104,
    end: ['accepted', '2021-12-28'],
  },
  {
    group: 2,
    kind: 'shared',
    title: 'Tổ chức Ngày hội Đại đoàn kết toàn dân tộc ở 101 thôn, khu',
    lead: FRONT,
    coop: [WOMEN, VETERANS],
    start: '2021-09-01',
    due: '2021-11-18',
    target: [101, 'thôn, khu'],
    result: 101,
    end: ['accepted', '2021-11-18'],
  },
  {
    group: 5,
    kind: 'shared',
    title: 'Giám sát việc thực hiện chính sách hỗ trợ người dân gặp khó khăn do đại dịch Covid-19',
    lead: FRONT,
    coop: [LABOUR, WOMEN],
    start: '2021-07-01',
    due: '2021-10-31',
    end: ['late', '2021-11-20'],
  },
  {
    group: 10,
    kind: 'shared',
    title: 'Chăm lo Tết cho người nghèo, đối tượng chính sách và bảo trợ xã hội; gói bánh chưng hỗ trợ',
    lead: FRONT,
    coop: [WOMEN, YOUTH, VETERANS, FARMERS, LABOUR],
    start: '2021-12-01',
    due: '2021-12-31',
    end: ['accepted', '2021-12-30'],
  },
  {
    group: 13,
    kind: 'shared',
    title: 'Kiện toàn Khối dân vận 17/17 xã, phường và Tổ dân vận 101/101 thôn, khu',
    lead: OFFICE,
    start: '2021-01-04',
    due: '2021-06-30',
    target: [101, 'Tổ dân vận'],
    result: 101,
    end: ['accepted', '2021-06-25'],
  },
  {
    group: 15,
    kind: 'shared',
    title: 'Sơ kết hoạt động mô hình Cơ quan Khối',
    lead: OFFICE,
    start: '2021-06-01',
    due: '2021-07-31',
    end: ['late', '2021-08-20'],
  },
  {
    group: 12,
    kind: 'shared',
    title: 'Đăng ký và xây dựng mô hình "Dân vận khéo" năm 2021',
    lead: OFFICE,
    coop: [FRONT],
    start: '2021-02-01',
    due: '2021-12-15',
    target: [26, 'mô hình'],
    result: 26,
    end: ['accepted', '2021-12-10'],
  },
  {
    group: 11,
    kind: 'shared',
    title: 'Phối hợp xây dựng mô hình khu dân cư an toàn về an ninh trật tự',
    lead: VETERANS,
    coop: [YOUTH],
    start: '2021-03-01',
    due: '2021-12-15',
    end: ['accepted', '2021-12-12'],
  },
  {
    group: 14,
    kind: 'shared',
    title: 'Giao lưu hữu nghị nhân dân hai bên biên giới',
    lead: FRONT,
    coop: [YOUTH],
    start: '2021-03-01',
    due: '2021-12-31',
    end: ['accepted', '2021-12-20'],
  },
  {
    group: 3,
    kind: 'specialised',
    title: 'Tổ chức thành công Đại hội đại biểu Phụ nữ các cấp Thành phố, nhiệm kỳ 2021 - 2026',
    lead: WOMEN,
    start: '2021-01-15',
    due: '2021-06-30',
    end: ['accepted', '2021-06-18'],
  },
  {
    group: 3,
    kind: 'specialised',
    title: 'Phong trào "Nông dân thi đua sản xuất, kinh doanh giỏi"',
    lead: FARMERS,
    start: '2021-01-15',
    due: '2021-12-15',
    end: ['accepted', '2021-12-10'],
  },
  {
    group: 3,
    kind: 'specialised',
    title: 'Chiến dịch Thanh niên tình nguyện hè',
    lead: YOUTH,
    start: '2021-06-01',
    due: '2021-08-31',
    end: ['accepted', '2021-08-30'],
  },
];

export const MC1_FRONT = 'Ủy ban MTTQ Phường Móng Cái 1';
const MC1_WOMEN = 'Hội LHPN Phường Móng Cái 1';

/** The current programme's tasks, with dates as days from today (clamped to the programme's year). */
export type TaskNow = {
  group: number;
  kind: Task2021['kind'];
  title: string;
  lead: string;
  coop?: string[];
  start: number;
  due: number;
  target?: [number, string];
  end: ['accepted', number] | ['in_progress' | 'assigned' | 'reported_done', number];
  person?: string;
};

export const GROUPS_NOW = [
  'Công tác tuyên truyền, vận động nhân dân',
  'Củng cố khối đại đoàn kết, hoạt động của Ban công tác Mặt trận khu',
  'Cuộc vận động "Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh"',
  'Giám sát, phản biện xã hội và tiếp nhận kiến nghị của cử tri',
  'Quỹ "Vì người nghèo" và an sinh xã hội',
];

export const TASKS_NOW: TaskNow[] = [
  {
    group: 1,
    kind: 'key',
    title: 'Tuyên truyền, vận động nhân dân đồng thuận với mô hình chính quyền địa phương hai cấp',
    lead: MC1_FRONT,
    coop: [MC1_WOMEN],
    start: -200,
    due: -60,
    end: ['accepted', -65],
    person: 'Vũ Thị Lan',
  },
  {
    group: 2,
    kind: 'shared',
    title: 'Kiện toàn Ban công tác Mặt trận ở các khu dân cư sau sắp xếp',
    lead: MC1_FRONT,
    start: -150,
    due: -20,
    end: ['reported_done', 100],
    person: 'Vũ Thị Lan',
  },
  {
    group: 2,
    kind: 'shared',
    title: 'Tổ chức Ngày hội Đại đoàn kết toàn dân tộc ở các khu dân cư',
    lead: MC1_FRONT,
    coop: [MC1_WOMEN],
    start: -60,
    due: -4,
    end: ['in_progress', 80],
    person: 'Vũ Thị Lan',
  },
  {
    group: 3,
    kind: 'commissioned',
    title: 'Hỗ trợ người dân sử dụng dịch vụ công trực tuyến (đặt hàng của UBND Phường)',
    lead: MC1_FRONT,
    coop: [MC1_WOMEN],
    start: -240,
    due: 25,
    target: [3000, 'hồ sơ trực tuyến'],
    end: ['in_progress', 70],
    person: 'Vũ Thị Lan',
  },
  {
    group: 3,
    kind: 'shared',
    title: 'Vận động xây dựng mô hình tổ dân cư tự quản an toàn',
    lead: MC1_FRONT,
    start: -100,
    due: 5,
    target: [12, 'tổ dân cư'],
    end: ['in_progress', 55],
    person: 'Hoàng Văn Tư',
  },
  {
    group: 4,
    kind: 'shared',
    title: 'Giám sát việc giải quyết kiến nghị của cử tri về giải phóng mặt bằng',
    lead: MC1_FRONT,
    start: -90,
    due: 12,
    end: ['in_progress', 40],
    person: 'Nguyễn Văn Định',
  },
  {
    group: 5,
    kind: 'shared',
    title: 'Vận động ủng hộ Quỹ "Vì người nghèo" và chăm lo Tết cho hộ nghèo',
    lead: MC1_FRONT,
    coop: [MC1_WOMEN],
    start: -10,
    due: 50,
    end: ['assigned', 0],
    person: 'Vũ Thị Lan',
  },
  {
    group: 1,
    kind: 'specialised',
    title: 'Tuyên truyền phòng, chống bạo lực gia đình',
    lead: MC1_WOMEN,
    start: -120,
    due: 30,
    end: ['in_progress', 60],
  },
];
