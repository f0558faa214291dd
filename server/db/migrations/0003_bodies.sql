-- Bodies (tổ chức): the Front committee, the member organisations, the bloc office and its sub-committees,
-- commune mobilisation blocs, village teams, and bodies outside the bloc that the work touches (Party committee,
-- Ban Dân vận, People's Council and Committee). They sit on a unit, are dated, and form lines (ngành dọc):
-- a commune's Women's Union has the city's, then the province's, as parent. Kinds are data.
create table body_kinds (
  code text primary key,
  name_vi text not null,
  name_en text not null,
  short_vi text,
  in_bloc boolean not null,
  sort smallint not null default 100,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz
);
insert into body_kinds (code, name_vi, name_en, short_vi, in_bloc, sort) values
  ('front', 'Ủy ban Mặt trận Tổ quốc', 'Fatherland Front committee', 'MTTQ', true, 1),
  ('womens_union', 'Hội Liên hiệp Phụ nữ', 'Women''s Union', 'Hội LHPN', true, 2),
  ('youth_union', 'Đoàn Thanh niên Cộng sản Hồ Chí Minh', 'Youth Union', 'ĐTN', true, 3),
  ('farmers_union', 'Hội Nông dân', 'Farmers'' Union', 'ND', true, 4),
  ('veterans', 'Hội Cựu chiến binh', 'Veterans'' Association', 'CCB', true, 5),
  ('labour_federation', 'Liên đoàn Lao động', 'Labour Federation', 'LĐLĐ', true, 6),
  ('bloc_office', 'Cơ quan Khối MTTQ và các đoàn thể CT-XH', 'Bloc office', 'Cơ quan Khối', true, 7),
  ('subcommittee', 'Tiểu ban', 'Sub-committee', null, true, 8),
  ('commune_bloc', 'Khối dân vận', 'Commune mobilisation bloc', null, true, 9),
  ('village_team', 'Tổ dân vận', 'Village mobilisation team', null, true, 10),
  ('front_work_committee', 'Ban công tác Mặt trận', 'Front work committee', 'BCTMT', true, 11),
  ('party_committee', 'Cấp ủy Đảng', 'Party committee', null, false, 20),
  ('mobilisation_board', 'Ban Dân vận', 'Mass mobilisation board', 'BDV', false, 21),
  ('peoples_council', 'Hội đồng nhân dân', 'People''s Council', 'HĐND', false, 22),
  ('peoples_committee', 'Ủy ban nhân dân', 'People''s Committee', 'UBND', false, 23);
create trigger body_kinds_audit after insert or update or delete on body_kinds
  for each row execute function audit_row();

create table bodies (
  id uuid primary key default gen_random_uuid(),
  unit_id uuid not null references units (id),
  kind text not null references body_kinds (code),
  name text not null,
  short_name text,
  parent_id uuid references bodies (id),
  valid_from date,
  valid_to date,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  check (valid_from is null or valid_to is null or valid_from < valid_to),
  check (parent_id is null or parent_id <> id)
);
create index bodies_unit_idx on bodies (unit_id);
create index bodies_parent_idx on bodies (parent_id);
create trigger bodies_audit after insert or update or delete on bodies
  for each row execute function audit_row();

-- A body that ends names its successors (the city bloc office on 30/06/2025 → the wards' Front committees).
create table body_links (
  id uuid primary key default gen_random_uuid(),
  from_body_id uuid not null references bodies (id),
  to_body_id uuid not null references bodies (id),
  link_date date not null,
  created_at timestamptz not null default now(),
  unique (from_body_id, to_body_id)
);
create trigger body_links_audit after insert or update or delete on body_links
  for each row execute function audit_row();
