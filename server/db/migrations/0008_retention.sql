-- Retention of personal data (Decree 13/2023; DESIGN §8): per kind of record, how many months after it ends its
-- personal fields are kept; then a daily job erases them, also from soft-deleted rows and from the audit log's
-- before/after values (the audit keeps a row saying that an erasure happened). `months` null: kept.
create table retention_rules (
  kind text primary key,
  name_vi text not null,
  name_en text not null,
  table_name text not null,
  ended_column text not null,
  fields text[] not null,
  months integer check (months is null or months between 1 and 1200),
  sort smallint not null default 100,
  version integer not null default 1,
  updated_at timestamptz not null default now()
);
insert into retention_rules (kind, name_vi, name_en, table_name, ended_column, fields, months, sort) values
  ('deleted_person', 'Thông tin cá nhân của cán bộ đã xóa khỏi danh mục', 'Personal details of people deleted from the register', 'people', 'deleted_at', array['birth_date', 'phone', 'email', 'address', 'notes'], 24, 1),
  ('disabled_account', 'Thư điện tử, số điện thoại của tài khoản đã khóa', 'E-mail and phone of disabled accounts', 'accounts', 'disabled_at', array['email', 'phone'], 36, 2),
  ('sign_in_address', 'Địa chỉ IP trong nhật ký đăng nhập', 'IP addresses in the sign-in log', 'audit_log', 'at', array['ip'], 12, 3);
create trigger retention_rules_audit after insert or update or delete on retention_rules
  for each row execute function audit_row();
