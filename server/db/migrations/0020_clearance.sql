-- Site clearance (giải phóng mặt bằng, GPMB) for key projects (dự án trọng điểm) and dialogues (đối thoại) with
-- residents. The bloc office mobilises the affected households to agree to the compensation and hand over their land,
-- commissioned and paid by the People's Committee (cơ chế đặt hàng: a task of kind 'commissioned' in the work
-- module), and holds dialogues whose outcomes become follow-up tasks.
--
-- Personal data (Decree 13/2023): a household's head name, address and land area, and the names of residents who
-- attended a dialogue. They are shown only to readers of the project's owner body and to readers whose scope covers
-- the household's unit (key_household_identity_visible below); every other reader sees the household by its number.

create table key_projects (
  id uuid primary key default gen_random_uuid(),
  code text not null check (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$'),
  name text not null,
  name_fold text not null default '',
  investor text,
  description text,
  -- the body that follows the clearance (the bloc office) and its unit, kept with the project for scope
  body_id uuid not null references bodies (id),
  unit_id uuid not null references units (id),
  -- the households the project affects, as announced (the register may hold fewer while it is being entered)
  household_total integer check (household_total between 0 and 100000),
  start_date date not null,
  planned_completion_date date not null,
  completed_on date,
  -- the commissioned work task that pays for the mobilisation (cơ chế đặt hàng)
  task_id uuid references tasks (id),
  -- the last household number given (the counter: gap-free under concurrency, never max() + 1)
  household_counter integer not null default 0,
  version integer not null default 1,
  created_by uuid references accounts (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  check (start_date < planned_completion_date)
);
-- a code names one project of a body
create unique index key_projects_code_uq on key_projects (body_id, lower(code)) where deleted_at is null;
-- the list by owner unit (scope) and the name search
create index key_projects_unit_idx on key_projects (unit_id) where deleted_at is null;
create index key_projects_fold_idx on key_projects using gin (name_fold gin_trgm_ops);
create index key_projects_task_idx on key_projects (task_id);
create trigger key_projects_audit after insert or update or delete on key_projects
  for each row execute function audit_row('name_fold');

-- The units (communes, villages) the project crosses; their readers read the project.
create table key_project_units (
  project_id uuid not null references key_projects (id),
  unit_id uuid not null references units (id),
  primary key (project_id, unit_id)
);
-- which projects cross a unit (scope of a commune officer)
create index key_project_units_unit_idx on key_project_units (unit_id);
create trigger key_project_units_audit after insert or update or delete on key_project_units
  for each row execute function audit_row();

-- Milestones of the schedule: by `due_on`, `target_percent` of the households should have agreed. The expected
-- consent on a day is the straight line through (start, 0), the milestones and (planned completion, 100).
create table key_project_milestones (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references key_projects (id),
  due_on date not null,
  title text not null,
  target_percent smallint not null check (target_percent between 0 and 100),
  done_on date,
  created_at timestamptz not null default now()
);
create index key_project_milestones_project_idx on key_project_milestones (project_id, due_on);
create trigger key_project_milestones_audit after insert or update or delete on key_project_milestones
  for each row execute function audit_row();

-- The affected households. head_name, address and land_area are personal data (see above).
create table key_households (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references key_projects (id),
  -- the household's number in the project's register (1, 2, …), what readers without its identity see
  number integer not null,
  -- null once erased by the retention rule below (the household is then known by its number)
  head_name text,
  head_name_fold text,
  address text,
  unit_id uuid references units (id),
  land_area numeric(12, 1) check (land_area >= 0),
  note text,
  -- the latest consent row (by its day, then by when it was entered), kept at each write for the lists
  status text not null default 'not_agreed' check (status in ('not_agreed', 'mobilising', 'agreed', 'handed_over')),
  status_on date,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  unique (project_id, number)
);
-- the register of a project, and the summary's counts by status
create index key_households_project_idx on key_households (project_id, status) where deleted_at is null;
create index key_households_unit_idx on key_households (unit_id);
create trigger key_households_audit after insert or update or delete on key_households
  for each row execute function audit_row('head_name_fold');

-- Mobilisation visits (vận động), logged from a phone on the doorstep.
create table key_visits (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references key_projects (id),
  household_id uuid not null references key_households (id),
  visited_on date not null,
  outcome text not null,
  photo_file_id uuid references files (id),
  recorded_by uuid references accounts (id),
  created_at timestamptz not null default now(),
  deleted_at timestamptz
);
-- a household's visits, and a project's visits of the last days
create index key_visits_household_idx on key_visits (household_id, visited_on desc);
create index key_visits_project_idx on key_visits (project_id, visited_on) where deleted_at is null;
create trigger key_visits_audit after insert or update or delete on key_visits
  for each row execute function audit_row();

-- Who went: people of the bodies (cán bộ) or anyone named (a village head without a record).
create table key_visit_members (
  id uuid primary key default gen_random_uuid(),
  visit_id uuid not null references key_visits (id),
  person_id uuid references people (id),
  name text not null
);
create index key_visit_members_visit_idx on key_visit_members (visit_id);
create trigger key_visit_members_audit after insert or update or delete on key_visit_members
  for each row execute function audit_row();

-- Each household's consent over time: one row per change, never rewritten; the household's status is the latest.
create table key_consents (
  id uuid primary key default gen_random_uuid(),
  household_id uuid not null references key_households (id),
  status text not null check (status in ('not_agreed', 'mobilising', 'agreed', 'handed_over')),
  on_date date not null,
  note text,
  -- the visit that brought the change, if one did
  visit_id uuid references key_visits (id),
  recorded_by uuid references accounts (id),
  created_at timestamptz not null default now()
);
-- a household's history, newest first; the consent of a project on a past day
create index key_consents_household_idx on key_consents (household_id, on_date desc, created_at desc);
create trigger key_consents_audit after insert or update or delete on key_consents
  for each row execute function audit_row();

-- Dialogues (đối thoại) of a body's leaders with residents (the rules every locality of Quảng Ninh keeps).
create table dialogues (
  id uuid primary key default gen_random_uuid(),
  body_id uuid not null references bodies (id),
  unit_id uuid not null references units (id),
  project_id uuid references key_projects (id),
  held_on date not null,
  title text not null,
  title_fold text not null default '',
  place text not null,
  -- the chair: a person of the records, or a name as the minutes give it
  chair_person_id uuid references people (id),
  chair_name text,
  minutes text,
  minutes_file_id uuid references files (id),
  version integer not null default 1,
  created_by uuid references accounts (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  check (chair_person_id is not null or chair_name is not null)
);
-- the list by owner unit and date; a project's dialogues (its summary counts them)
create index dialogues_unit_idx on dialogues (unit_id, held_on desc) where deleted_at is null;
create index dialogues_project_idx on dialogues (project_id) where deleted_at is null;
create index dialogues_fold_idx on dialogues using gin (title_fold gin_trgm_ops);
create trigger dialogues_audit after insert or update or delete on dialogues
  for each row execute function audit_row('title_fold');

-- Attendees: officials (a person, an account) or residents named without an account. A resident's name is personal
-- data; only readers of the dialogue see it (they read the dialogue through its unit's scope).
create table dialogue_attendees (
  id uuid primary key default gen_random_uuid(),
  dialogue_id uuid not null references dialogues (id),
  kind text not null check (kind in ('official', 'resident')),
  person_id uuid references people (id),
  account_id uuid references accounts (id),
  household_id uuid references key_households (id),
  name text not null,
  -- what they came as (Chủ tịch UBND xã, đại diện 12 hộ thôn 3…)
  role text,
  position smallint not null
);
create index dialogue_attendees_dialogue_idx on dialogue_attendees (dialogue_id, position);
create trigger dialogue_attendees_audit after insert or update or delete on dialogue_attendees
  for each row execute function audit_row();

-- What the dialogue concluded; each outcome may become a follow-up task in the work module (linked both ways).
create table dialogue_outcomes (
  id uuid primary key default gen_random_uuid(),
  dialogue_id uuid not null references dialogues (id),
  position smallint not null,
  text text not null,
  task_id uuid references tasks (id)
);
create index dialogue_outcomes_dialogue_idx on dialogue_outcomes (dialogue_id, position);
create unique index dialogue_outcomes_task_uq on dialogue_outcomes (task_id) where task_id is not null;
create trigger dialogue_outcomes_audit after insert or update or delete on dialogue_outcomes
  for each row execute function audit_row();

-- Reading a key project: whoever reads its owner body (body_readable: the unit's subtree, the body's line, its
-- successors), and whoever's read scope covers one of the units it crosses (the commune officers who go door to
-- door). A commune outside the project's units does not read it.
create function key_project_readable(acc uuid, d date, project uuid) returns boolean language plpgsql stable as $$
begin
  return exists (select 1 from key_projects p where p.id = project and p.deleted_at is null and body_readable(acc, d, p.body_id))
    or exists (
      select 1 from key_projects p
      join key_project_units pu on pu.project_id = p.id
      join unit_tree uu on uu.unit_id = pu.unit_id
      join account_scope(acc, d, 'read') s on uu.path <@ s.path
      where p.id = project and p.deleted_at is null);
end
$$;

-- Whether a household's identity (head name, address, land area) is shown: to readers of the project's owner body
-- and to readers whose scope covers the household's unit; not to another commune of the same project.
create function key_household_identity_visible(acc uuid, d date, household uuid) returns boolean language plpgsql stable as $$
begin
  return exists (select 1 from key_households h join key_projects p on p.id = h.project_id
                 where h.id = household and body_readable(acc, d, p.body_id))
    or exists (
      select 1 from key_households h
      join unit_tree hu on hu.unit_id = h.unit_id
      join account_scope(acc, d, 'read') s on hu.path <@ s.path
      where h.id = household);
end
$$;

-- Reading a dialogue: whoever reads its owner body.
create function dialogue_readable(acc uuid, d date, dialogue uuid) returns boolean language plpgsql stable as $$
begin
  return exists (select 1 from dialogues g where g.id = dialogue and g.deleted_at is null and body_readable(acc, d, g.body_id));
end
$$;

-- Personal data of households deleted from a register are erased two years later (the daily retention job; an
-- administrator may change the period).
insert into retention_rules (kind, name_vi, name_en, table_name, ended_column, fields, months, sort) values
  ('deleted_household', 'Tên, địa chỉ, diện tích của hộ dân đã xóa khỏi danh sách giải phóng mặt bằng',
   'Name, address and land area of households deleted from a clearance register', 'key_households', 'deleted_at',
   array['head_name', 'head_name_fold', 'address', 'land_area', 'note'], 24, 20);

-- Who may do what (roles are data): manage projects and their households; log visits and consent (the commune's
-- reporters who go door to door too); hold and record dialogues.
update roles set permissions = permissions || array['clearance.manage'] where code in ('admin', 'leader', 'officer');
update roles set permissions = permissions || array['clearance.visit'] where code in ('admin', 'leader', 'officer', 'reporter');
update roles set permissions = permissions || array['dialogues.manage'] where code in ('admin', 'leader', 'officer');
