-- Legal deadlines (thời hạn pháp lý) and the public-holiday calendar they are counted on.
--
-- A deadline rule (complaint.accept, denunciation.resolve…) is a code; what it says lives in dated VERSIONS, because
-- the law changes (Luật 136/2025 and NĐ 155/2026 from 1/7/2026): a new version is a row, never code. A computation
-- takes the version in force on the event day. Where a law and its guiding circular disagree (Luật Khiếu nại Đ.27
-- "10 ngày" against TT 07/2013 Đ.5 "10 ngày làm việc") both are kept, each with its basis, and only one is applied.
-- Variants of a version (complex case, remote area) combine through a table of their combinations, as the law lists
-- them (Đ.28: 30 / complex 45 / remote 45 / remote and complex 60), not through arithmetic the law does not state;
-- a repeatable variant (an extension, Luật Tố cáo Đ.30) adds its days each time it is used, up to its limit.
--
-- Days are counted as the Civil Code says (Đ.147–148: the event day is not counted; a calendar-day period whose last
-- day is a rest day or a holiday ends on the next working day; working days skip both), on a calendar of weekends,
-- the public holidays of the Labour Code (dated definitions, lunar ones computed with the Vietnamese lunar calendar)
-- and each year's announced adjustments (bridge days, swapped working Saturdays), which an administrator confirms
-- per year; a computation touching a year not confirmed is provisional. None of these tables holds personal data.

create table legal_deadline_rules (
  id uuid primary key default gen_random_uuid(),
  -- dotted lower-case, as the petitions module names them: complaint.accept, denunciation.resolve
  code text not null check (code ~ '^[a-z][a-z0-9_]{0,39}(\.[a-z][a-z0-9_]{0,39}){0,3}$'),
  name text not null,
  description text,
  sort integer not null default 100,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz
);
create unique index legal_deadline_rules_code_uq on legal_deadline_rules (code) where deleted_at is null;
create trigger legal_deadline_rules_audit after insert or update or delete on legal_deadline_rules
  for each row execute function audit_row();

create table legal_deadline_versions (
  id uuid primary key default gen_random_uuid(),
  rule_id uuid not null references legal_deadline_rules (id),
  -- the rule's version number (1, 2, 3…) that a computed deadline names; `version` below is the row's edit counter
  number integer not null check (number >= 1),
  day_kind text not null check (day_kind in ('calendar', 'working')),
  days integer not null check (days between 1 and 3660),
  -- the legal basis, quoted: "Luật Khiếu nại 2011, Điều 27: Trong thời hạn 10 ngày…"
  basis text not null,
  valid_from date,
  valid_to date,
  -- applied: the one computations use on its dates; alternative: a reading kept with its basis (a circular that
  -- disagrees with the law) and never used
  status text not null default 'applied' check (status in ('applied', 'alternative')),
  -- false: "chưa đối chiếu văn bản", entered from a report of the text and not yet checked against the gazette
  confirmed boolean not null default true,
  confirmed_at timestamptz,
  confirmed_by uuid references accounts (id),
  note text,
  version integer not null default 1,
  created_by uuid references accounts (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  check (valid_from is null or valid_to is null or valid_from < valid_to),
  -- one applied version of a rule on any day (btree_gist, migration 0002)
  constraint legal_deadline_versions_no_overlap exclude using gist
    (rule_id with =, daterange(valid_from, valid_to) with &&) where (deleted_at is null and status = 'applied')
);
create unique index legal_deadline_versions_number_uq on legal_deadline_versions (rule_id, number)
  where deleted_at is null;
create trigger legal_deadline_versions_audit after insert or update or delete on legal_deadline_versions
  for each row execute function audit_row();

-- The variants a version allows. `combine`: a circumstance (complex, remote, multi_site) whose effect is read from
-- legal_deadline_combinations for the set chosen; `repeat`: adds `days` each time it is named, at most `max_uses`
-- times (extension). Written once with their version: changing one is a new version, so they carry no edit counter.
create table legal_deadline_variants (
  id uuid primary key default gen_random_uuid(),
  version_id uuid not null references legal_deadline_versions (id),
  code text not null check (code ~ '^[a-z][a-z0-9_]{0,39}$'),
  name text not null,
  kind text not null check (kind in ('combine', 'repeat')),
  days integer check (days between 1 and 3660),
  max_uses smallint check (max_uses between 1 and 20),
  basis text,
  position smallint not null default 0,
  created_at timestamptz not null default now(),
  check (kind <> 'repeat' or (days is not null and max_uses is not null)),
  check (kind <> 'combine' or (days is null and max_uses is null)),
  unique (version_id, code)
);
create trigger legal_deadline_variants_audit after insert or update or delete on legal_deadline_variants
  for each row execute function audit_row();

-- The count for a set of `combine` variants chosen together (the set sorted, without repeats); the empty set is the
-- version's own `days`. A set not listed here is refused rather than guessed.
create table legal_deadline_combinations (
  id uuid primary key default gen_random_uuid(),
  version_id uuid not null references legal_deadline_versions (id),
  variants text[] not null check (cardinality(variants) >= 1),
  days integer not null check (days between 1 and 3660),
  basis text,
  created_at timestamptz not null default now(),
  unique (version_id, variants)
);
create trigger legal_deadline_combinations_audit after insert or update or delete on legal_deadline_combinations
  for each row execute function audit_row();

-- Public holidays as the Labour Code defines them, dated (the second National Day holiday exists from 2021). Each
-- year's days are computed from these: `solar` dates as they are, `lunar` ones through the Vietnamese lunar calendar
-- (UTC+7); the holiday runs `days` days from `first_offset` days after its date (Tết: from the last day of the old
-- year, -1, for 5 days). `adjacent`: one day next to the date, before or after, chosen each year (2/9).
create table public_holidays (
  id uuid primary key default gen_random_uuid(),
  code text not null check (code ~ '^[a-z][a-z0-9_]{0,39}$'),
  name text not null,
  calendar text not null check (calendar in ('solar', 'lunar')),
  month smallint not null check (month between 1 and 12),
  day smallint not null check (day between 1 and 31),
  first_offset smallint not null default 0 check (first_offset between -10 and 10),
  days smallint not null default 1 check (days between 1 and 15),
  placement text not null default 'fixed' check (placement in ('fixed', 'adjacent')),
  basis text not null,
  valid_from date,
  valid_to date,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  check (valid_from is null or valid_to is null or valid_from < valid_to),
  constraint public_holidays_no_overlap exclude using gist (code with =, daterange(valid_from, valid_to) with &&)
    where (deleted_at is null)
);
create trigger public_holidays_audit after insert or update or delete on public_holidays
  for each row execute function audit_row();

-- A year's calendar as announced for civil servants (Bộ Nội vụ / Thủ tướng): whether an administrator has checked it
-- against the announcement (a computation touching an unconfirmed year is provisional), and what it was checked on.
create table holiday_years (
  id uuid primary key default gen_random_uuid(),
  year smallint not null unique check (year between 1900 and 2100),
  confirmed boolean not null default false,
  confirmed_at timestamptz,
  confirmed_by uuid references accounts (id),
  basis text,
  note text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create trigger holiday_years_audit after insert or update or delete on holiday_years
  for each row execute function audit_row();

-- The year's announced changes to the computed calendar, one row per day: `off` (a bridge day, a holiday moved to
-- this day), `work` (a swapped working Saturday, or a computed holiday or day in lieu the announcement did not give).
create table holiday_adjustments (
  id uuid primary key default gen_random_uuid(),
  day date not null,
  kind text not null check (kind in ('off', 'work')),
  note text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz
);
-- one adjustment per day; a year's list is read by its date range
create unique index holiday_adjustments_day_uq on holiday_adjustments (day) where deleted_at is null;
create trigger holiday_adjustments_audit after insert or update or delete on holiday_adjustments
  for each row execute function audit_row();

-- A stamp renewed by every change to the three calendar tables. Servers keep the computed calendar in memory under
-- its stamp and read the stamp with each computation (in the same statement as the rule), so a change made on one
-- server is seen on all without a message between them, and a transaction computes on the calendar of its own
-- snapshot. Random rather than a counter, so two databases (tests, copies) never share a stamp with different data.
-- Not audited: it is derived, and the changes it marks are audited on their own tables.
create table legal_calendar_state (
  id boolean primary key default true check (id),
  stamp uuid not null default gen_random_uuid()
);
insert into legal_calendar_state default values;

create function renew_legal_calendar_stamp() returns trigger language plpgsql as $$
begin
  update legal_calendar_state set stamp = gen_random_uuid();
  return null;
end $$;
create trigger public_holidays_stamp after insert or update or delete on public_holidays
  for each statement execute function renew_legal_calendar_stamp();
create trigger holiday_years_stamp after insert or update or delete on holiday_years
  for each statement execute function renew_legal_calendar_stamp();
create trigger holiday_adjustments_stamp after insert or update or delete on holiday_adjustments
  for each statement execute function renew_legal_calendar_stamp();

-- ---------------------------------------------------------------------------------------------------------------
-- Seeds. Quotations from the legal notes (shared/reference/legal-and-domain-notes.md §1, §10).

insert into public_holidays (code, name, calendar, month, day, first_offset, days, placement, basis, valid_from, valid_to)
values
  ('new_year', 'Tết Dương lịch', 'solar', 1, 1, 0, 1, 'fixed',
   'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm a: Tết Dương lịch 01 ngày (ngày 01 tháng 01 dương lịch)', null, null),
  -- Tết: 4 days under the Labour Code of 1994 (as amended), 5 from the Labour Code 2012 (in force 1/5/2013)
  ('lunar_new_year', 'Tết Âm lịch', 'lunar', 1, 1, -1, 4, 'fixed',
   'Bộ luật Lao động 1994 (sửa đổi), Điều 73: Tết Âm lịch bốn ngày', null, '2013-05-01'),
  ('lunar_new_year', 'Tết Âm lịch', 'lunar', 1, 1, -1, 5, 'fixed',
   'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm b: Tết Âm lịch 05 ngày (mặc định: ngày cuối năm cũ và mùng 1–4; '
   'ngày cụ thể do Thủ tướng quyết định hằng năm)', '2013-05-01', null),
  ('hung_kings', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', 'lunar', 3, 10, 0, 1, 'fixed',
   'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm đ: Ngày Giỗ Tổ Hùng Vương 01 ngày (ngày 10 tháng 3 âm lịch)',
   '2007-01-01', null),
  ('victory_day', 'Ngày Chiến thắng (30/4)', 'solar', 4, 30, 0, 1, 'fixed',
   'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm c: Ngày Chiến thắng 01 ngày (ngày 30 tháng 4 dương lịch)', null, null),
  ('labour_day', 'Ngày Quốc tế lao động (1/5)', 'solar', 5, 1, 0, 1, 'fixed',
   'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm d: Ngày Quốc tế lao động 01 ngày (ngày 01 tháng 5 dương lịch)',
   null, null),
  ('national_day', 'Quốc khánh (2/9)', 'solar', 9, 2, 0, 1, 'fixed',
   'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm đ: Quốc khánh 02 ngày (ngày 02 tháng 9 dương lịch và 01 ngày liền kề '
   'trước hoặc sau)', null, null),
  -- the second National Day holiday exists from the Labour Code 2019 (in force 1/1/2021): 2020 had 2/9 only
  ('national_day_2', 'Quốc khánh (ngày liền kề)', 'solar', 9, 2, 0, 1, 'adjacent',
   'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm đ: 01 ngày liền kề trước hoặc sau ngày 02 tháng 9 (từ 01/01/2021)',
   '2021-01-01', null);

-- 2025 as announced (Thông báo 6150/TB-BLĐTBXH năm 2024, thực hiện Công văn 8726/VPCP-KGVX): Tết Ất Tỵ from Saturday
-- 25/1 to Sunday 2/2 (the computed Tết days are 28/1–1/2 with 3/2 in lieu of Saturday 1/2: the announcement gave 27/1
-- instead of 3/2); 30/4–4/5 with Friday 2/5 swapped for Saturday 26/4; Quốc khánh 30/8–2/9 (1/9 and 2/9, as computed).
insert into holiday_years (year, confirmed, confirmed_at, basis, note) values
  (2025, true, now(), 'Thông báo 6150/TB-BLĐTBXH năm 2024 (Công văn 8726/VPCP-KGVX năm 2024)',
   'Tết Ất Tỵ 25/1–2/2; 30/4–4/5 (làm bù thứ Bảy 26/4); Quốc khánh 30/8–2/9'),
  (2026, false, null, null,
   'Tết Bính Ngọ: nghỉ từ thứ Bảy 14/2 đến hết Chủ nhật 22/2/2026 (9 ngày, đúng như lịch tính sẵn). Chưa đối chiếu: '
   'Tết Dương lịch, ngày liền kề Quốc khánh và các ngày nghỉ khác của năm 2026');
insert into holiday_adjustments (day, kind, note) values
  ('2025-01-27', 'off', 'Nghỉ Tết Ất Tỵ (28 tháng Chạp) theo lịch công bố'),
  ('2025-02-03', 'work', 'Đi làm: lịch công bố không nghỉ bù ngày mùng 4 Tết (thứ Bảy 1/2)'),
  ('2025-05-02', 'off', 'Nghỉ hoán đổi (thứ Sáu 2/5), làm bù thứ Bảy 26/4'),
  ('2025-04-26', 'work', 'Làm bù cho ngày thứ Sáu 2/5');

-- The rules the petitions module uses (plan of issue 21), with their versions.
insert into legal_deadline_rules (code, name, description, sort) values
  ('complaint.front_result', 'Cơ quan có thẩm quyền thông báo kết quả giải quyết cho MTTQ đã chuyển đơn',
   'Khiếu nại do MTTQ chuyển đến: thông báo bằng văn bản kết quả cho tổ chức đã chuyển đơn, tính từ ngày có quyết định giải quyết', 10),
  ('complaint.accept', 'Thụ lý khiếu nại', 'Thụ lý giải quyết khiếu nại lần đầu, tính từ ngày nhận được khiếu nại', 20),
  ('complaint.resolve_first', 'Giải quyết khiếu nại lần đầu', 'Tính từ ngày thụ lý', 30),
  ('complaint.resolve_second', 'Giải quyết khiếu nại lần hai', 'Tính từ ngày thụ lý', 40),
  ('denunciation.initial', 'Vào sổ, phân loại, xử lý ban đầu tố cáo', 'Tính từ ngày nhận được tố cáo', 50),
  ('denunciation.transfer', 'Chuyển tố cáo không thuộc thẩm quyền', 'Tính từ ngày nhận được tố cáo', 60),
  ('denunciation.resolve', 'Giải quyết tố cáo', 'Tính từ ngày thụ lý; gia hạn bằng văn bản', 70),
  ('petition.reply_citizen', 'Thông báo cho công dân kết quả xử lý đơn', 'Tính từ ngày tiếp nhận', 80),
  ('proposal.follow_up', 'Đôn đốc kiến nghị, phản ánh đã chuyển',
   'Không có quy định pháp luật: số ngày sau khi chuyển đơn thì đôn đốc, do cơ quan tự đặt', 90),
  ('petition.filed_keep', 'Lưu đơn xếp lưu', 'Đơn xếp lưu không xử lý được lưu giữ 01 năm, sau đó thủ trưởng quyết định tiêu hủy', 100);

insert into legal_deadline_versions (rule_id, number, day_kind, days, basis, valid_from, valid_to, status, confirmed, note)
select r.id, v.number, v.day_kind, v.days, v.basis, v.valid_from::date, v.valid_to::date, v.status, v.confirmed, v.note
from (values
  ('complaint.front_result', 1, 'calendar', 7,
   'Luật Khiếu nại 02/2011/QH13, Điều 66: khiếu nại do MTTQ chuyển đến "trong thời hạn 07 ngày, kể từ ngày có quyết định giải quyết phải thông báo bằng văn bản cho tổ chức đã chuyển đơn"',
   '2012-07-01', null, 'applied', true, null),
  ('complaint.accept', 1, 'calendar', 10,
   'Luật Khiếu nại 02/2011/QH13, Điều 27: "Trong thời hạn 10 ngày, kể từ ngày nhận được khiếu nại thuộc thẩm quyền … người có thẩm quyền giải quyết khiếu nại lần đầu phải thụ lý"',
   '2012-07-01', '2026-07-01', 'applied', true, null),
  ('complaint.accept', 2, 'working', 10,
   'Thông tư 07/2013/TT-TTCP, Điều 5 (sửa đổi bởi Thông tư 02/2016/TT-TTCP): thụ lý trong "10 ngày làm việc"',
   null, '2026-07-01', 'alternative', true,
   'Thông tư hướng dẫn khác Luật (ngày làm việc thay cho ngày): giữ lại kèm căn cứ, áp dụng theo Luật'),
  ('complaint.accept', 3, 'working', 7,
   'Nghị định 155/2026/NĐ-CP (sửa đổi Nghị định 124/2020/NĐ-CP), từ 01/07/2026: thụ lý "Trong thời hạn 07 ngày làm việc"',
   '2026-07-01', null, 'applied', false, 'Theo tin đưa về văn bản; chưa đối chiếu với Công báo'),
  ('complaint.resolve_first', 1, 'calendar', 30,
   'Luật Khiếu nại 02/2011/QH13, Điều 28: "không quá 30 ngày, kể từ ngày thụ lý"',
   '2012-07-01', null, 'applied', true, null),
  ('complaint.resolve_second', 1, 'calendar', 45,
   'Luật Khiếu nại 02/2011/QH13, Điều 37: "không quá 45 ngày" kể từ ngày thụ lý',
   '2012-07-01', null, 'applied', true, null),
  ('denunciation.initial', 1, 'working', 7,
   'Luật Tố cáo 25/2018/QH14, Điều 24: "Trong thời hạn 07 ngày làm việc kể từ ngày nhận được tố cáo, … vào sổ, phân loại, xử lý ban đầu thông tin tố cáo"',
   '2019-01-01', null, 'applied', true, null),
  ('denunciation.transfer', 1, 'working', 5,
   'Luật Tố cáo 25/2018/QH14, Điều 24: tố cáo không thuộc thẩm quyền thì chuyển trong thời hạn "05 ngày làm việc" và thông báo cho người tố cáo',
   '2019-01-01', null, 'applied', true, null),
  ('denunciation.resolve', 1, 'calendar', 30,
   'Luật Tố cáo 25/2018/QH14, Điều 30: "không quá 30 ngày kể từ ngày thụ lý"',
   '2019-01-01', null, 'applied', true, null),
  ('petition.reply_citizen', 1, 'working', 10,
   'Luật Tiếp công dân 42/2013/QH13, Điều 28 khoản 1: "Trong thời hạn 10 ngày làm việc, kể từ ngày tiếp nhận …" thông báo cho công dân việc thụ lý, chuyển đơn hoặc trả lại',
   '2014-07-01', null, 'applied', true, null),
  ('proposal.follow_up', 1, 'working', 15,
   'Không có quy định pháp luật: thời hạn đôn đốc do cơ quan đặt (có thể thay bằng phiên bản mới)',
   null, null, 'applied', true, null),
  ('petition.filed_keep', 1, 'calendar', 365,
   'Thông tư 07/2014/TT-TTCP, Điều 28: đơn xếp lưu được lưu giữ 01 năm (tính 365 ngày), sau đó thủ trưởng quyết định tiêu hủy',
   null, null, 'applied', true, null)
) as v (code, number, day_kind, days, basis, valid_from, valid_to, status, confirmed, note)
join legal_deadline_rules r on r.code = v.code;

insert into legal_deadline_variants (version_id, code, name, kind, days, max_uses, basis, position)
select ver.id, v.vcode, v.name, v.kind, v.days, v.max_uses, v.basis, v.position
from (values
  ('complaint.resolve_first', 'complex', 'Vụ việc phức tạp', 'combine', null, null,
   'Luật Khiếu nại, Điều 28: vụ việc phức tạp', 1),
  ('complaint.resolve_first', 'remote', 'Vùng sâu, vùng xa đi lại khó khăn', 'combine', null, null,
   'Luật Khiếu nại, Điều 28: ở vùng sâu, vùng xa đi lại khó khăn', 2),
  ('complaint.resolve_second', 'complex', 'Vụ việc phức tạp', 'combine', null, null,
   'Luật Khiếu nại, Điều 37: vụ việc phức tạp', 1),
  ('complaint.resolve_second', 'remote', 'Vùng sâu, vùng xa đi lại khó khăn', 'combine', null, null,
   'Luật Khiếu nại, Điều 37: ở vùng sâu, vùng xa đi lại khó khăn', 2),
  ('denunciation.initial', 'multi_site', 'Phải kiểm tra, xác minh tại nhiều địa điểm', 'combine', null, null,
   'Luật Tố cáo, Điều 24: trường hợp phải kiểm tra, xác minh tại nhiều địa điểm', 1),
  ('denunciation.resolve', 'extension', 'Gia hạn (mỗi lần không quá 30 ngày)', 'repeat', 30, 2,
   'Luật Tố cáo, Điều 30: vụ việc phức tạp gia hạn một lần, đặc biệt phức tạp gia hạn hai lần, mỗi lần không quá 30 ngày', 1)
) as v (code, vcode, name, kind, days, max_uses, basis, position)
join legal_deadline_rules r on r.code = v.code
join legal_deadline_versions ver on ver.rule_id = r.id and ver.number = 1;

insert into legal_deadline_combinations (version_id, variants, days, basis)
select ver.id, v.variants::text[], v.days, v.basis
from (values
  ('complaint.resolve_first', '{complex}', 45, 'Luật Khiếu nại, Điều 28: vụ việc phức tạp "không quá 45 ngày"'),
  ('complaint.resolve_first', '{remote}', 45, 'Luật Khiếu nại, Điều 28: vùng sâu, vùng xa "không quá 45 ngày"'),
  ('complaint.resolve_first', '{complex,remote}', 60,
   'Luật Khiếu nại, Điều 28: vùng sâu, vùng xa, vụ việc phức tạp "không quá 60 ngày"'),
  ('complaint.resolve_second', '{complex}', 60, 'Luật Khiếu nại, Điều 37: vụ việc phức tạp "không quá 60 ngày"'),
  ('complaint.resolve_second', '{remote}', 60, 'Luật Khiếu nại, Điều 37: vùng sâu, vùng xa "không quá 60 ngày"'),
  ('complaint.resolve_second', '{complex,remote}', 70,
   'Luật Khiếu nại, Điều 37: vùng sâu, vùng xa, vụ việc phức tạp "không quá 70 ngày"'),
  ('denunciation.initial', '{multi_site}', 10, 'Luật Tố cáo, Điều 24: "không quá 10 ngày làm việc"')
) as v (code, variants, days, basis)
join legal_deadline_rules r on r.code = v.code
join legal_deadline_versions ver on ver.rule_id = r.id and ver.number = 1;
