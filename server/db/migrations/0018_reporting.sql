-- Reporting (chế độ thông tin báo cáo): indicators (chỉ tiêu), report forms versioned by date, submissions of a
-- unit or a body for a period, reviewed (duyệt) by the level above, targets (kế hoạch giao), and totals kept per
-- ancestor as approvals happen, so that no view of a province or the nation reads raw values.
--
-- Periods are named as DHIS2 names them (2021, 2021S1, 2021Q3, 202107; ad hoc and nine months as ranges) and are
-- held as a range of months, first_month..last_month, each month numbered year * 12 + month - 1: a query over
-- 202101..202109 takes every value whose months lie inside it, whatever the form's period type. The days the
-- figures cover (the collection window, 15th to 14th by default) are the submission's period_start..period_end; the
-- period belongs to the epoch of the unit tree in force on period_end.

create table indicators (
  id uuid primary key default gen_random_uuid(),
  code text not null check (code ~ '^[A-Z][A-Z0-9_]{0,39}$'),
  name text not null,
  name_fold text not null default '',
  -- hồ sơ, hộ, người, lượt người, mô hình, km, đồng…
  measure text,
  value_type text not null check (value_type in ('integer', 'money', 'decimal', 'percentage', 'boolean', 'text')),
  -- up the tree, and over periods ('last': the last value up to the range's end, "tính đến 30/11")
  tree_aggregation text not null check (tree_aggregation in ('sum', 'average', 'max', 'none')),
  time_aggregation text not null check (time_aggregation in ('sum', 'average', 'max', 'last', 'none')),
  -- entered by reporters; coverage: units meeting a condition on another indicator over the units expected
  -- (17/17 communes); computed: a formula over other indicators' codes
  kind text not null default 'entered' check (kind in ('entered', 'coverage', 'computed')),
  formula text,
  coverage_source_id uuid references indicators (id),
  coverage_min numeric,
  coverage_level smallint check (coverage_level between 1 and 4),
  -- values may be split by organisation (body kind): the Youth Union's share of the dossiers
  breakdown text check (breakdown in ('organisation')),
  description text,
  sort integer not null default 100,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  check (kind <> 'computed' or formula is not null),
  check (kind <> 'coverage' or (coverage_source_id is not null and coverage_level is not null)),
  check (value_type not in ('text', 'boolean') or kind = 'entered')
);
create unique index indicators_code_uq on indicators (code) where deleted_at is null;
create trigger indicators_audit after insert or update or delete on indicators
  for each row execute function audit_row('name_fold');

-- Which indicators a computed one reads (kept from its parsed formula, for the cycle check and for reading them).
create table indicator_inputs (
  indicator_id uuid not null references indicators (id),
  input_id uuid not null references indicators (id),
  primary key (indicator_id, input_id)
);
create index indicator_inputs_input_idx on indicator_inputs (input_id);

create table report_forms (
  id uuid primary key default gen_random_uuid(),
  code text not null check (code ~ '^[A-Z][A-Z0-9_-]{0,39}$'),
  name text not null,
  period_type text not null check (period_type in ('month', 'quarter', 'half', 'nine_months', 'year', 'ad_hoc')),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz
);
create unique index report_forms_code_uq on report_forms (code) where deleted_at is null;
create trigger report_forms_audit after insert or update or delete on report_forms
  for each row execute function audit_row();

-- What a form asks, who submits it and when, dated: a period uses the version in force on its last day, so changing
-- a form next year does not rewrite last year.
create table report_form_versions (
  id uuid primary key default gen_random_uuid(),
  form_id uuid not null references report_forms (id),
  valid_from date,
  valid_to date,
  -- a unit's report (made by its bloc office or village team) or a body's report (up its own line)
  submitter text not null check (submitter in ('unit', 'body')),
  unit_kinds text[] not null default '{}',
  body_kinds text[] not null default '{}',
  -- the collection window: figures from this day of the month before the period's last month up to the day before
  -- it in that month (15: the 15th-to-14th convention of Decree 09/2019); null: the calendar period
  window_day smallint default 15 check (window_day between 2 and 28),
  -- due this many days after the period's last day; locked this many days after it was due
  due_days smallint not null default 0 check (due_days between 0 and 120),
  lock_days smallint check (lock_days between 0 and 366),
  -- the narrative sections, [{ "key": "shortcomings", "title": "Tồn tại, hạn chế" }]
  sections jsonb not null default '[]',
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  check (valid_from is null or valid_to is null or valid_from < valid_to),
  constraint report_form_versions_no_overlap exclude using gist (form_id with =, daterange(valid_from, valid_to) with &&)
    where (deleted_at is null)
);
create index report_form_versions_form_idx on report_form_versions (form_id);
create trigger report_form_versions_audit after insert or update or delete on report_form_versions
  for each row execute function audit_row();

create table report_form_indicators (
  form_version_id uuid not null references report_form_versions (id),
  indicator_id uuid not null references indicators (id),
  position smallint not null,
  required boolean not null default false,
  primary key (form_version_id, indicator_id)
);
create trigger report_form_indicators_audit after insert or update or delete on report_form_indicators
  for each row execute function audit_row();

-- Validation rules are data: compare an indicator with another (hộ mẫu đạt ≤ hộ đăng ký) or a constant, or with
-- its own history (more than `factor` times its mean over the last periods, or less than the mean / factor).
create table report_rules (
  id uuid primary key default gen_random_uuid(),
  form_id uuid references report_forms (id),
  indicator_id uuid not null references indicators (id),
  kind text not null check (kind in ('compare', 'history')),
  op text check (op in ('<', '<=', '=', '>=', '>')),
  other_indicator_id uuid references indicators (id),
  constant numeric,
  factor numeric check (factor > 1),
  severity text not null check (severity in ('warning', 'blocking')),
  message text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  check (kind <> 'compare' or (op is not null and (other_indicator_id is not null or constant is not null))),
  check (kind <> 'history' or factor is not null)
);
create index report_rules_indicator_idx on report_rules (indicator_id) where deleted_at is null;
create trigger report_rules_audit after insert or update or delete on report_rules
  for each row execute function audit_row();

create table report_submissions (
  id uuid primary key default gen_random_uuid(),
  form_id uuid not null references report_forms (id),
  form_version_id uuid not null references report_form_versions (id),
  period_id text not null,
  first_month integer not null,
  last_month integer not null,
  period_start date not null,
  period_end date not null,
  -- the unit reported on (a body's report: the body's unit)
  unit_id uuid not null references units (id),
  body_id uuid references bodies (id),
  status text not null default 'draft' check (status in ('draft', 'submitted', 'approved', 'returned')),
  narrative jsonb not null default '{}',
  submitted_at timestamptz,
  submitted_by uuid references accounts (id),
  decided_at timestamptz,
  decided_by uuid references accounts (id),
  return_reason text,
  version integer not null default 1,
  created_by uuid references accounts (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  check (first_month <= last_month),
  check (period_start <= period_end)
);
-- one report per form, period and reporter
create unique index report_submissions_uq on report_submissions
  (form_id, period_id, unit_id, coalesce(body_id, '00000000-0000-0000-0000-000000000000'::uuid)) where deleted_at is null;
-- the review queue and completeness: a form's period across reporters
create index report_submissions_period_idx on report_submissions (form_id, first_month, status) where deleted_at is null;
create index report_submissions_unit_idx on report_submissions (unit_id, first_month);
create index report_submissions_body_idx on report_submissions (body_id) where body_id is not null;
create trigger report_submissions_audit after insert or update or delete on report_submissions
  for each row execute function audit_row();

-- The values of a submission, partitioned by year (of the period's first month). `counted`: whether the value feeds
-- the totals; a second value for the same indicator, unit, overlapping months and category (two bodies, two forms)
-- is kept but not counted, and flagged to the reviewer until one of them is chosen.
create table report_values (
  submission_id uuid not null,
  indicator_id uuid not null,
  -- '' for the whole; a body kind code for the breakdown by organisation
  category text not null default '',
  num numeric,
  txt text,
  first_month integer not null,
  last_month integer not null,
  unit_id uuid not null,
  body_id uuid,
  counted boolean not null default false,
  primary key (submission_id, indicator_id, category, first_month)
) partition by range (first_month);
do $$
begin
  for y in 2015..2035 loop
    execute format('create table report_values_%s partition of report_values for values from (%s) to (%s)', y, y * 12, (y + 1) * 12);
  end loop;
end $$;
create table report_values_other partition of report_values default;
-- a figure's key across reports, counted or not: the second-value checks of an approval, a conflict or a reopening
-- (each of the report's own values looked up here), a reporter's history (validation rules) and the own values of
-- villages read by the totals
create index report_values_key_idx on report_values (unit_id, indicator_id, category, first_month);

-- Value changes are audited a statement at a time (one audit row per submission and statement, before/after as
-- { "<indicator>[/<category>]": value }), so that a bulk import of millions of values does not write millions of
-- audit rows.
create function audit_report_values() returns trigger language plpgsql as $$
begin
  insert into audit_log (actor_account_id, actor_label, request_id, ip, action, table_name, record_id, before, after)
  select nullif(current_setting('khoi.actor_id', true), '')::uuid,
    nullif(current_setting('khoi.actor', true), ''),
    nullif(current_setting('khoi.request_id', true), ''),
    nullif(current_setting('khoi.ip', true), ''),
    case tg_op when 'INSERT' then 'create' when 'DELETE' then 'purge' else 'update' end,
    'report_values', s.submission_id::text, s.before, s.after
  from (
    select coalesce(b.submission_id, a.submission_id) as submission_id, b.before, a.after
    from (select submission_id, jsonb_object_agg(indicator_id::text || case when category = '' then '' else '/' || category end,
            coalesce(to_jsonb(num), to_jsonb(txt))) as before
          from old_rows group by submission_id) b
    full join (select submission_id, jsonb_object_agg(indicator_id::text || case when category = '' then '' else '/' || category end,
            coalesce(to_jsonb(num), to_jsonb(txt))) as after
          from new_rows group by submission_id) a on a.submission_id = b.submission_id
  ) s
  where s.before is distinct from s.after;
  return null;
end $$;
create function audit_report_values_insert() returns trigger language plpgsql as $$
begin
  insert into audit_log (actor_account_id, actor_label, request_id, ip, action, table_name, record_id, before, after)
  select nullif(current_setting('khoi.actor_id', true), '')::uuid, nullif(current_setting('khoi.actor', true), ''),
    nullif(current_setting('khoi.request_id', true), ''), nullif(current_setting('khoi.ip', true), ''),
    'create', 'report_values', submission_id::text, null,
    jsonb_object_agg(indicator_id::text || case when category = '' then '' else '/' || category end, coalesce(to_jsonb(num), to_jsonb(txt)))
  from new_rows group by submission_id;
  return null;
end $$;
create function audit_report_values_delete() returns trigger language plpgsql as $$
begin
  insert into audit_log (actor_account_id, actor_label, request_id, ip, action, table_name, record_id, before, after)
  select nullif(current_setting('khoi.actor_id', true), '')::uuid, nullif(current_setting('khoi.actor', true), ''),
    nullif(current_setting('khoi.request_id', true), ''), nullif(current_setting('khoi.ip', true), ''),
    'purge', 'report_values', submission_id::text,
    jsonb_object_agg(indicator_id::text || case when category = '' then '' else '/' || category end, coalesce(to_jsonb(num), to_jsonb(txt))), null
  from old_rows group by submission_id;
  return null;
end $$;
create trigger report_values_audit_insert after insert on report_values
  referencing new table as new_rows for each statement execute function audit_report_values_insert();
create trigger report_values_audit_update after update on report_values
  referencing old table as old_rows new table as new_rows for each statement execute function audit_report_values();
create trigger report_values_audit_delete after delete on report_values
  referencing old table as old_rows for each statement execute function audit_report_values_delete();

-- Totals of counted, approved values per ancestor (units of levels 1–3 in the epoch of the period's last day, the
-- unit itself included; a village's total is its own values) or per body up its line, per period months and
-- category. Approvals add into them in their own transaction. A province's rows are striped (`stripe` 0–7, by the
-- submission) so that concurrent approvals under one province do not wait on one row; readers add the stripes up.
create table report_totals (
  indicator_id uuid not null,
  node_kind text not null check (node_kind in ('unit', 'body')),
  node_id uuid not null,
  first_month integer not null,
  last_month integer not null,
  category text not null default '',
  stripe smallint not null default 0,
  sum numeric not null default 0,
  count integer not null default 0,
  max numeric,
  primary key (indicator_id, node_kind, node_id, first_month, last_month, category, stripe)
);

-- Targets (kế hoạch giao) per indicator, unit or body and period, set by hand or split from the level above.
create table report_targets (
  id uuid primary key default gen_random_uuid(),
  indicator_id uuid not null references indicators (id),
  node_kind text not null check (node_kind in ('unit', 'body')),
  node_id uuid not null,
  period_id text not null,
  first_month integer not null,
  last_month integer not null,
  value numeric not null check (value >= 0),
  split_from_id uuid references report_targets (id),
  version integer not null default 1,
  created_by uuid references accounts (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  check (first_month <= last_month)
);
create unique index report_targets_uq on report_targets (indicator_id, node_kind, node_id, period_id) where deleted_at is null;
create index report_targets_node_idx on report_targets (node_id, indicator_id, first_month) where deleted_at is null;
create trigger report_targets_audit after insert or update or delete on report_targets
  for each row execute function audit_row();

-- A period reopened after it locked: by whom, why, until when (null unit: for every reporter of the form).
create table report_reopenings (
  id uuid primary key default gen_random_uuid(),
  form_id uuid not null references report_forms (id),
  period_id text not null,
  unit_id uuid references units (id),
  body_id uuid references bodies (id),
  reason text not null,
  until date not null,
  reopened_by uuid references accounts (id),
  created_at timestamptz not null default now()
);
create index report_reopenings_form_idx on report_reopenings (form_id, period_id);
create trigger report_reopenings_audit after insert or update or delete on report_reopenings
  for each row execute function audit_row();

-- Who may do what in reporting: enter and submit (reporters and up), review (leaders), manage indicators, forms
-- and targets (officers and up).
update roles set permissions = permissions || array['reporting.submit'] where code in ('admin', 'leader', 'officer', 'reporter');
update roles set permissions = permissions || array['reporting.review'] where code in ('admin', 'leader');
update roles set permissions = permissions || array['reporting.manage'] where code in ('admin', 'leader', 'officer');

-- A task of the work module may name an indicator as its target: its result and % of plan are then read from the
-- approved totals of that indicator for a unit's subtree (null: the task's unit) over a period (a DHIS2 period id or
-- a range a..b; null: the task's months from its start to its due date, or the programme's year).
alter table tasks add column target_indicator_id uuid references indicators (id);
alter table tasks add column target_indicator_unit_id uuid references units (id);
alter table tasks add column target_indicator_period text check (length(target_indicator_period) <= 30);
alter table tasks add constraint tasks_target_indicator_ck
  check (target_indicator_id is not null or (target_indicator_unit_id is null and target_indicator_period is null));
-- the tasks naming an indicator (an indicator in use is not deleted)
create index tasks_target_indicator_idx on tasks (target_indicator_id) where target_indicator_id is not null;

-- The layout a body's documents follow (the reports reporting exports): 'decree30' the state format of Decree
-- 30/2020 (national motto), 'party36' the Party's format of Hướng dẫn 36-HD/VPTW ("ĐẢNG CỘNG SẢN VIỆT NAM", the
-- superior Party organisation and a star), 'front' the Front's format (Hướng dẫn of the Front's central committee:
-- "ỦY BAN MTTQ VIỆT NAM" and the standing board over the national motto). A kind says it for its bodies; a body may
-- say otherwise (null: its kind's).
alter table body_kinds add column document_layout text not null default 'decree30'
  check (document_layout in ('decree30', 'party36', 'front'));
-- set as the kinds' starting data, not as an edit someone made: no audit rows (a fresh database has an empty log)
alter table body_kinds disable trigger body_kinds_audit;
update body_kinds set document_layout = 'front'
 where code in ('front', 'womens_union', 'youth_union', 'farmers_union', 'veterans', 'labour_federation',
                'bloc_office', 'subcommittee', 'commune_bloc', 'village_team', 'front_work_committee');
update body_kinds set document_layout = 'party36' where code in ('party_committee', 'mobilisation_board');
alter table body_kinds enable trigger body_kinds_audit;
alter table bodies add column document_layout text check (document_layout in ('decree30', 'party36', 'front'));
