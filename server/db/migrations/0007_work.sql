-- Work (công tác): a body's annual programme (chương trình công tác năm) → task groups (nhóm nhiệm vụ) → tasks
-- (→ subtasks), each with a lead body (chủ trì), cooperating bodies (phối hợp) with their own part and person, a
-- named responsible person, dates, targets, progress reports with evidence, a status workflow, deadline
-- extensions; briefings (họp giao ban) whose conclusions become tasks; document counters; notifications.

-- Kinds of task are data (the seeds: shared groups, specialised tasks, key tasks registered with the Party
-- committee, tasks commissioned by the People's Committee).
create table task_kinds (
  code text primary key,
  name_vi text not null,
  name_en text not null,
  sort smallint not null default 100,
  shown_apart boolean not null default false,
  version integer not null default 1,
  deleted_at timestamptz
);
insert into task_kinds (code, name_vi, name_en, sort, shown_apart) values
  ('shared', 'Nhiệm vụ chung (nhóm nhiệm vụ chia)', 'Shared task', 1, false),
  ('specialised', 'Nhiệm vụ chuyên biệt', 'Specialised task', 2, false),
  ('key', 'Nhiệm vụ trọng tâm đăng ký với cấp ủy', 'Key task registered with the Party committee', 3, true),
  ('commissioned', 'Nhiệm vụ theo cơ chế đặt hàng', 'Commissioned task', 4, true);
create trigger task_kinds_audit after insert or update or delete on task_kinds
  for each row execute function audit_row();

create table programmes (
  id uuid primary key default gen_random_uuid(),
  body_id uuid not null references bodies (id),
  year smallint not null check (year between 2000 and 2100),
  title text not null,
  description text,
  copied_from_id uuid references programmes (id),
  task_counter integer not null default 0,
  version integer not null default 1,
  created_by uuid references accounts (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz
);
create unique index programmes_body_year_uq on programmes (body_id, year) where deleted_at is null;
create trigger programmes_audit after insert or update or delete on programmes
  for each row execute function audit_row();

create table task_groups (
  id uuid primary key default gen_random_uuid(),
  programme_id uuid not null references programmes (id),
  position smallint not null,
  name text not null,
  lead_body_id uuid references bodies (id),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz
);
create index task_groups_programme_idx on task_groups (programme_id);
create trigger task_groups_audit after insert or update or delete on task_groups
  for each row execute function audit_row();

create table tasks (
  id uuid primary key default gen_random_uuid(),
  programme_id uuid not null references programmes (id),
  number integer not null,
  group_id uuid references task_groups (id),
  parent_id uuid references tasks (id),
  kind text not null references task_kinds (code),
  title text not null,
  title_fold text not null default '',
  description text,
  lead_body_id uuid not null references bodies (id),
  -- the lead body's unit, kept with the task for scope (a fact points at a unit)
  unit_id uuid not null references units (id),
  responsible_person_id uuid references people (id),
  -- the account that follows the task for the lead body (handover moves it)
  assignee_account_id uuid references accounts (id),
  start_date date,
  due_date date,
  original_due_date date,
  target_value numeric,
  target_unit text,
  result_value numeric,
  priority text not null default 'normal' check (priority in ('high', 'normal', 'low')),
  weight numeric not null default 1 check (weight > 0),
  status text not null default 'draft'
    check (status in ('draft', 'assigned', 'in_progress', 'reported_done', 'accepted', 'returned', 'suspended', 'cancelled')),
  status_reason text,
  -- the latest reported percentage of a task without subtasks (an input, not a computed figure)
  reported_progress smallint not null default 0 check (reported_progress between 0 and 100),
  reported_done_on date,
  accepted_on date,
  accepted_by uuid references accounts (id),
  recurrence text check (recurrence in ('monthly', 'quarterly')),
  series_id uuid,
  occurrence integer,
  cascaded boolean not null default false,
  version integer not null default 1,
  created_by uuid references accounts (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  check (start_date is null or due_date is null or start_date <= due_date),
  check (parent_id is null or parent_id <> id),
  unique (programme_id, number)
);
create index tasks_programme_idx on tasks (programme_id) where deleted_at is null;
create index tasks_parent_idx on tasks (parent_id);
create index tasks_group_idx on tasks (group_id);
create index tasks_lead_idx on tasks (lead_body_id);
create index tasks_unit_idx on tasks (unit_id);
create index tasks_person_idx on tasks (responsible_person_id);
create index tasks_assignee_idx on tasks (assignee_account_id);
create index tasks_due_idx on tasks (due_date) where deleted_at is null and status not in ('accepted', 'cancelled');
create index tasks_fold_idx on tasks using gin (title_fold gin_trgm_ops);
create unique index tasks_series_occurrence_uq on tasks (series_id, occurrence) where series_id is not null;
create trigger tasks_audit after insert or update or delete on tasks
  for each row execute function audit_row('title_fold');

create table task_cooperators (
  id uuid primary key default gen_random_uuid(),
  task_id uuid not null references tasks (id),
  body_id uuid not null references bodies (id),
  part text,
  person_id uuid references people (id),
  reported_progress smallint not null default 0 check (reported_progress between 0 and 100),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz
);
create unique index task_cooperators_uq on task_cooperators (task_id, body_id) where deleted_at is null;
create index task_cooperators_body_idx on task_cooperators (body_id);
create trigger task_cooperators_audit after insert or update or delete on task_cooperators
  for each row execute function audit_row();

-- The task's history: progress reports, comments, status changes, extension requests and decisions.
create table task_updates (
  id uuid primary key default gen_random_uuid(),
  task_id uuid not null references tasks (id),
  kind text not null check (kind in ('progress', 'comment', 'status', 'extension_requested', 'extension_granted', 'extension_refused', 'edit')),
  cooperator_id uuid references task_cooperators (id),
  progress smallint check (progress between 0 and 100),
  note text,
  from_status text,
  to_status text,
  -- who said it (a person, perhaps without an account) and on which day; who typed it (an account)
  reported_by_person_id uuid references people (id),
  reported_on date,
  entered_by uuid references accounts (id),
  created_at timestamptz not null default now()
);
create index task_updates_task_idx on task_updates (task_id, created_at);
create trigger task_updates_audit after insert or update or delete on task_updates
  for each row execute function audit_row();

create table task_files (
  id uuid primary key default gen_random_uuid(),
  task_id uuid not null references tasks (id),
  update_id uuid references task_updates (id),
  file_id uuid not null references files (id),
  created_at timestamptz not null default now(),
  deleted_at timestamptz
);
create index task_files_task_idx on task_files (task_id);
create index task_files_file_idx on task_files (file_id);
create trigger task_files_audit after insert or update or delete on task_files
  for each row execute function audit_row();

create table task_extensions (
  id uuid primary key default gen_random_uuid(),
  task_id uuid not null references tasks (id),
  requested_due_date date not null,
  previous_due_date date,
  reason text not null,
  requested_by uuid references accounts (id),
  requested_at timestamptz not null default now(),
  decision text check (decision in ('granted', 'refused')),
  decision_note text,
  decided_by uuid references accounts (id),
  decided_at timestamptz,
  version integer not null default 1
);
create index task_extensions_task_idx on task_extensions (task_id);
create unique index task_extensions_open_uq on task_extensions (task_id) where decision is null;
create trigger task_extensions_audit after insert or update or delete on task_extensions
  for each row execute function audit_row();

-- Briefings (họp giao ban) and their conclusions, each of which may become a task (linked both ways).
create table briefings (
  id uuid primary key default gen_random_uuid(),
  body_id uuid not null references bodies (id),
  programme_id uuid references programmes (id),
  held_on date not null,
  title text not null,
  chair_person_id uuid references people (id),
  agenda text,
  minutes text,
  notice_number integer,
  notice_symbol text,
  notice_issued_on date,
  version integer not null default 1,
  created_by uuid references accounts (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz
);
create index briefings_body_idx on briefings (body_id);
create trigger briefings_audit after insert or update or delete on briefings
  for each row execute function audit_row();

create table briefing_attendees (
  id uuid primary key default gen_random_uuid(),
  briefing_id uuid not null references briefings (id),
  person_id uuid references people (id),
  name text not null,
  body_id uuid references bodies (id)
);
create index briefing_attendees_briefing_idx on briefing_attendees (briefing_id);
create trigger briefing_attendees_audit after insert or update or delete on briefing_attendees
  for each row execute function audit_row();

create table briefing_conclusions (
  id uuid primary key default gen_random_uuid(),
  briefing_id uuid not null references briefings (id),
  position smallint not null,
  text text not null,
  task_id uuid references tasks (id),
  version integer not null default 1,
  deleted_at timestamptz
);
create index briefing_conclusions_briefing_idx on briefing_conclusions (briefing_id);
create unique index briefing_conclusions_task_uq on briefing_conclusions (task_id) where task_id is not null;
create trigger briefing_conclusions_audit after insert or update or delete on briefing_conclusions
  for each row execute function audit_row();

-- Document numbering (DESIGN §8): per issuing body and series, gap-free under concurrency (the counter row is
-- incremented in the transaction that issues the number). The series and its reset rule are data.
create table document_series (
  code text primary key,
  name_vi text not null,
  name_en text not null,
  symbol text not null,
  reset text not null check (reset in ('yearly', 'never')),
  version integer not null default 1
);
insert into document_series (code, name_vi, name_en, symbol, reset) values
  ('conclusion_notice', 'Thông báo kết luận', 'Conclusions notice', 'TB', 'yearly'),
  ('report', 'Báo cáo', 'Report', 'BC', 'yearly'),
  ('plan', 'Kế hoạch', 'Plan', 'KH', 'yearly');
create trigger document_series_audit after insert or update or delete on document_series
  for each row execute function audit_row();

create table document_counters (
  issuer_body_id uuid not null references bodies (id),
  series text not null references document_series (code),
  period text not null,
  last_number integer not null,
  primary key (issuer_body_id, series, period)
);
create trigger document_counters_audit after insert or update or delete on document_counters
  for each row execute function audit_row();

-- In-app notifications; the unique key makes a reminder at most once per task, account, kind and day even
-- when a job is delivered twice or two servers run the sweep.
create table notifications (
  id uuid primary key default gen_random_uuid(),
  account_id uuid not null references accounts (id),
  kind text not null,
  task_id uuid references tasks (id),
  day date not null,
  title text not null,
  body text,
  link text,
  read_at timestamptz,
  emailed_at timestamptz,
  created_at timestamptz not null default now()
);
create unique index notifications_once_uq on notifications (account_id, kind, coalesce(task_id, '00000000-0000-0000-0000-000000000000'::uuid), day);
create index notifications_account_idx on notifications (account_id, created_at desc);

create table notification_settings (
  account_id uuid primary key references accounts (id),
  due_soon_days smallint not null default 3 check (due_soon_days between 0 and 30),
  daily_digest boolean not null default false,
  email boolean not null default true,
  version integer not null default 1,
  updated_at timestamptz not null default now()
);
create trigger notification_settings_audit after insert or update or delete on notification_settings
  for each row execute function audit_row();

-- The bodies above a body in its line, itself first (narrowing a role to a body covers the bodies below it).
create function body_line(b uuid) returns uuid[] language sql stable as $$
  with recursive up(id, parent_id, depth) as (
    select id, parent_id, 0 from bodies where id = b
    union all
    select p.id, p.parent_id, up.depth + 1 from bodies p join up on p.id = up.parent_id where up.depth < 20
  )
  select array_agg(id order by depth) from up
$$;

-- Scope (DESIGN §8). The assignments an account holds on a day with a permission: the unit's path in the epoch
-- of that day, and the body it is narrowed to (null: the whole subtree).
create function account_scope(acc uuid, d date, perm text) returns table (path ltree, body_id uuid) language sql stable as $$
  select a.path, ra.body_id
  from role_assignments ra
  join roles r on r.code = ra.role
  join unit_tree a on a.unit_id = ra.unit_id and (a.valid_from is null or a.valid_from <= d) and (a.valid_to is null or d < a.valid_to)
  where ra.account_id = acc and ra.deleted_at is null
    and (ra.valid_from is null or ra.valid_from <= d) and (ra.valid_to is null or d < ra.valid_to)
    and perm = any (r.permissions)
$$;

-- Whether the account holds `perm` on the day over a unit in force that day (its subtree in the current epoch),
-- for a body (an assignment narrowed to a body covers that body and the bodies below it in its line).
create function holds_over(acc uuid, d date, perm text, unit uuid, body uuid) returns boolean language sql stable as $$
  select exists (
    select 1 from account_scope(acc, d, perm) s
    join unit_tree u on u.unit_id = unit and (u.valid_from is null or u.valid_from <= d) and (u.valid_to is null or d < u.valid_to)
    where u.path <@ s.path and (s.body_id is null or s.body_id = any (body_line(body))))
$$;

-- A programme is readable by whoever reads its owner body (the unit's subtree in any epoch: unit ids stay in the
-- paths, so the province still reads an abolished district's programme) and by the scope of the bodies that
-- succeeded its owner (the city bloc office → the wards' Front committees, 1/7/2025).
create function programme_readable(acc uuid, d date, prog uuid) returns boolean language sql stable as $$
  select exists (
    select 1 from programmes p
    join bodies pb on pb.id = p.body_id
    join unit_tree pu on pu.unit_id = pb.unit_id
    join account_scope(acc, d, 'read') s on pu.path <@ s.path
    where p.id = prog and (s.body_id is null or s.body_id = any (body_line(pb.id))))
  or exists (
    select 1 from programmes p
    join body_links bl on bl.from_body_id = p.body_id
    join bodies sb on sb.id = bl.to_body_id
    join unit_tree su on su.unit_id = sb.unit_id and (su.valid_from is null or su.valid_from <= d) and (su.valid_to is null or d < su.valid_to)
    join account_scope(acc, d, 'read') s on su.path <@ s.path
    where p.id = prog and (s.body_id is null or s.body_id = any (body_line(sb.id))))
$$;

-- The tasks an account may read on a day: those of programmes it reads; those in its subtrees (narrowed to a body where its role says so);
-- tasks of predecessor units (a unit that ended: readable by the units above it, whose ids stay in the paths, and by
-- the successors of its communes); tasks where a body in its scope cooperates; tasks where it or its person is
-- the assignee, the responsible person or a cooperating body's person; and the parent chain of all of those.
create function visible_task_ids(acc uuid, d date) returns setof uuid language sql stable as $$
  with recursive s as (select * from account_scope(acc, d, 'read')),
  me as (select person_id from accounts where id = acc),
  direct as (
    select t.id, t.parent_id from tasks t
    where t.deleted_at is null and (
      t.programme_id in (select p.id from programmes p where p.deleted_at is null and programme_readable(acc, d, p.id))
      or t.assignee_account_id = acc
      or t.responsible_person_id = (select person_id from me)
      or exists (select 1 from task_cooperators tc where tc.task_id = t.id and tc.deleted_at is null and tc.person_id = (select person_id from me))
      or exists (
        select 1 from unit_tree tu join s on tu.unit_id = t.unit_id and tu.path <@ s.path
        where (s.body_id is null or s.body_id = any (body_line(t.lead_body_id)))
          and ((tu.valid_from is null or tu.valid_from <= d) and (tu.valid_to is null or d < tu.valid_to)
               or not exists (select 1 from unit_tree cur where cur.unit_id = t.unit_id and (cur.valid_from is null or cur.valid_from <= d) and (cur.valid_to is null or d < cur.valid_to))))
      or exists (
        select 1 from task_cooperators tc
        join bodies b on b.id = tc.body_id
        join unit_tree bu on bu.unit_id = b.unit_id and (bu.valid_from is null or bu.valid_from <= d) and (bu.valid_to is null or d < bu.valid_to)
        join s on bu.path <@ s.path
        where tc.task_id = t.id and tc.deleted_at is null and (s.body_id is null or s.body_id = any (body_line(tc.body_id))))
      or exists (
        select 1 from unit_tree tu
        join unit_tree fu on fu.path <@ tu.path and fu.valid_to is not null and fu.valid_to = tu.valid_to
        join unit_links l on l.from_unit_id = fu.unit_id and l.link_date = fu.valid_to
        join unit_tree lu on lu.unit_id = l.to_unit_id and (lu.valid_from is null or lu.valid_from <= d) and (lu.valid_to is null or d < lu.valid_to)
        join s on lu.path <@ s.path and s.body_id is null
        where tu.unit_id = t.unit_id and tu.valid_to is not null and tu.valid_to <= d
          and not exists (select 1 from unit_tree cur where cur.unit_id = t.unit_id and (cur.valid_to is null or d < cur.valid_to)))
    )
  ),
  up (id, parent_id) as (
    select id, parent_id from direct
    union
    select p.id, p.parent_id from tasks p join up on p.id = up.parent_id
  )
  select id from up
$$;
