-- Roles are permission sets stored as data; an account holds dated role assignments for a unit, optionally
-- narrowed to a body. An account's scope is the union of its assignments (DESIGN §8).
create table roles (
  code text primary key,
  name_vi text not null,
  name_en text not null,
  permissions text[] not null,
  sort smallint not null default 100
);
insert into roles (code, name_vi, name_en, permissions, sort) values
  ('admin', 'Quản trị', 'Administrator', array['units.manage_villages', 'bodies.manage', 'people.manage', 'accounts.manage', 'work.manage', 'work.accept', 'work.report', 'read'], 1),
  ('leader', 'Lãnh đạo', 'Leader', array['units.manage_villages', 'work.manage', 'work.accept', 'work.report', 'read'], 2),
  ('officer', 'Cán bộ', 'Officer', array['units.manage_villages', 'work.manage', 'work.report', 'read'], 3),
  ('reporter', 'Người báo cáo', 'Reporter', array['work.report', 'read'], 4),
  ('viewer', 'Người xem', 'Viewer', array['read'], 5);

create table role_assignments (
  id uuid primary key default gen_random_uuid(),
  account_id uuid not null references accounts (id),
  role text not null references roles (code),
  unit_id uuid not null references units (id),
  body_id uuid references bodies (id),
  valid_from date,
  valid_to date,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  check (valid_from is null or valid_to is null or valid_from < valid_to)
);
create index role_assignments_account_idx on role_assignments (account_id);
create trigger role_assignments_audit after insert or update or delete on role_assignments
  for each row execute function audit_row();
