-- People (cán bộ) with or without an account; positions (chức vụ): dated facts about a person in a body,
-- several at once, acting (quyền) or concurrent (kiêm nhiệm). Contact details are personal data (Decree 13/2023):
-- shown only to whom they must be, every view of them logged.
create table people (
  id uuid primary key default gen_random_uuid(),
  full_name text not null,
  gender text check (gender in ('male', 'female')),
  birth_date date,
  phone text,
  email text,
  address text,
  notes text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz
);
create trigger people_audit after insert or update or delete on people
  for each row execute function audit_row();

create table positions (
  id uuid primary key default gen_random_uuid(),
  person_id uuid not null references people (id),
  body_id uuid not null references bodies (id),
  title text not null,
  valid_from date,
  valid_to date,
  acting boolean not null default false,
  concurrent boolean not null default false,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  check (valid_from is null or valid_to is null or valid_from < valid_to)
);
create index positions_person_idx on positions (person_id);
create index positions_body_idx on positions (body_id);
create trigger positions_audit after insert or update or delete on positions
  for each row execute function audit_row();

alter table accounts add column person_id uuid references people (id);
create unique index accounts_person_key on accounts (person_id) where person_id is not null and deleted_at is null;
