-- The dated tree of administrative units (DESIGN §8): units have an internal identity; what changes
-- (code, name, kind, parent) lives in dated versions [valid_from, valid_to) (null = open); reorganisations
-- are links between units of two epochs. unit_tree is derived from the versions: one row per stretch of time
-- over which a unit's whole ancestor chain is constant, with its ltree path of unit sequence numbers.
create extension if not exists btree_gist;

create table unit_kinds (
  code text primary key,
  level smallint not null check (level between 1 and 4),
  name_vi text not null,
  name_en text not null,
  catalogue_type text,
  sort smallint not null default 0,
  unique (level, catalogue_type)
);

insert into unit_kinds (code, level, name_vi, name_en, catalogue_type, sort) values
  ('central_city', 1, 'Thành phố trực thuộc Trung ương', 'Centrally-governed city', 'Thành phố Trung ương', 1),
  ('province', 1, 'Tỉnh', 'Province', 'Tỉnh', 2),
  ('urban_district', 2, 'Quận', 'Urban district', 'Quận', 1),
  ('provincial_city', 2, 'Thành phố thuộc tỉnh', 'Provincial city', 'Thành phố', 2),
  ('district_town', 2, 'Thị xã', 'District-level town', 'Thị xã', 3),
  ('rural_district', 2, 'Huyện', 'Rural district', 'Huyện', 4),
  ('ward', 3, 'Phường', 'Ward', 'Phường', 1),
  ('township', 3, 'Thị trấn', 'Township', 'Thị trấn', 2),
  ('commune', 3, 'Xã', 'Commune', 'Xã', 3),
  ('special_zone', 3, 'Đặc khu', 'Special zone', 'Đặc khu', 4),
  ('village', 4, 'Thôn', 'Village', 'Thôn', 1),
  ('quarter', 4, 'Khu', 'Quarter', 'Khu', 2),
  ('residential_group', 4, 'Tổ dân phố', 'Residential group', 'Tổ dân phố', 3),
  ('neighbourhood', 4, 'Khu phố', 'Neighbourhood', 'Khu phố', 4),
  ('hamlet', 4, 'Bản', 'Hamlet', 'Bản', 5),
  ('southern_hamlet', 4, 'Ấp', 'Hamlet (South)', 'Ấp', 6);

create table units (
  id uuid primary key default gen_random_uuid(),
  seq bigint generated always as identity unique,
  catalogue_key text unique,
  level smallint not null check (level between 1 and 4),
  created_at timestamptz not null default now()
);

create table unit_versions (
  id uuid primary key default gen_random_uuid(),
  unit_id uuid not null references units (id),
  valid_from date,
  valid_to date,
  code text,
  name text not null,
  kind text not null references unit_kinds (code),
  parent_id uuid references units (id),
  source text not null,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  check (valid_from is null or valid_to is null or valid_from < valid_to),
  constraint unit_versions_no_overlap exclude using gist (unit_id with =, daterange(valid_from, valid_to) with &&) where (deleted_at is null) deferrable initially immediate,
  constraint unit_versions_code_unique exclude using gist (code with =, daterange(valid_from, valid_to) with &&) where (deleted_at is null and code is not null) deferrable initially immediate
);
create index unit_versions_unit_idx on unit_versions (unit_id);
create index unit_versions_parent_idx on unit_versions (parent_id);
create trigger unit_versions_audit after insert or update or delete on unit_versions
  for each row execute function audit_row();

create table unit_links (
  id uuid primary key default gen_random_uuid(),
  from_unit_id uuid not null references units (id),
  to_unit_id uuid not null references units (id),
  type text not null check (type in ('full', 'partial')),
  link_date date not null,
  source text not null,
  created_at timestamptz not null default now(),
  unique (from_unit_id, to_unit_id, link_date)
);
create index unit_links_to_idx on unit_links (to_unit_id);
create trigger unit_links_audit after insert or update or delete on unit_links
  for each row execute function audit_row();

-- What an administrator or a commune officer still has to decide: an ending without a successor
-- (Phường Hoà Lạc, 2024-11-01), or the villages of a commune that was split (they wait to be placed).
create table unit_pending (
  id uuid primary key default gen_random_uuid(),
  unit_id uuid not null references units (id),
  reason text not null check (reason in ('unlinked_ending', 'village_placement')),
  pending_date date not null,
  resolved_at timestamptz,
  created_at timestamptz not null default now(),
  unique (unit_id, reason, pending_date)
);

create table unit_tree (
  unit_id uuid not null references units (id),
  version_id uuid not null,
  valid_from date,
  valid_to date,
  parent_id uuid,
  path ltree not null,
  level smallint not null,
  code text,
  name text not null,
  name_fold text not null,
  kind text not null
);
create index unit_tree_unit_idx on unit_tree (unit_id);
create index unit_tree_parent_idx on unit_tree (parent_id);
create index unit_tree_code_idx on unit_tree (code);
create index unit_tree_path_idx on unit_tree using gist (path);
create index unit_tree_fold_idx on unit_tree using gin (name_fold gin_trgm_ops);
create index unit_tree_top_idx on unit_tree (level) where parent_id is null;

-- Khối gives villages their codes: <commune code>-<number>, numbers never reused.
create table unit_code_counters (
  prefix text primary key,
  last_value integer not null
);
