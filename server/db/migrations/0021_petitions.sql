-- Petitions (đơn thư): complaints (khiếu nại), denunciations (tố cáo), proposals and feedback (kiến nghị, phản ánh)
-- received by a body of the bloc (the Front committee, the bloc office) at a citizen reception or by letter, numbered
-- into one of two registers, classified, then guided, forwarded once to the competent body, filed for a year or
-- proposed for handling, and followed up (Luật Khiếu nại Đ.66, Luật Tố cáo Đ.24, Luật Tiếp công dân Đ.25–29,
-- TT 05/2021/TT-TTCP). The states and the only transitions are in server/features/petitions/petitions.rules.ts.
--
-- Personal data (Decree 13/2023; Personal Data Protection Law 2025): a petitioner's identity — full_name, name_fold,
-- id_number, phone, address, address_fold of `petitioners`. It is shown only to the receiving body's assigned
-- officers and its leaders (petition_identity_visible below), never in the audit log (audit_row_redacted replaces
-- those fields with a marker), notifications, search results or duplicate hints of others. Every view of a
-- denouncer's identity is written to petition_identity_views.

-- The audit trigger for tables holding personal data: as audit_row (migration 0001), but the columns named in the
-- trigger's arguments are replaced by the marker '[redacted]' (when not null) instead of being copied, so the log
-- shows that an identity was set or changed without holding it. Whether a row changed is judged on the whole row.
create function audit_row_redacted() returns trigger language plpgsql as $$
declare
  v_before jsonb;
  v_after jsonb;
  v_action text;
  v_id text;
  v_col text;
begin
  if tg_op in ('UPDATE', 'DELETE') then
    v_before := to_jsonb(old);
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    v_after := to_jsonb(new);
  end if;
  if tg_op = 'UPDATE' and v_before = v_after then
    return null;
  end if;
  foreach v_col in array coalesce(tg_argv, '{}'::text[]) loop
    if v_before is not null and v_before ? v_col and jsonb_typeof(v_before -> v_col) <> 'null' then
      v_before := jsonb_set(v_before, array[v_col], '"[redacted]"');
    end if;
    if v_after is not null and v_after ? v_col and jsonb_typeof(v_after -> v_col) <> 'null' then
      v_after := jsonb_set(v_after, array[v_col], '"[redacted]"');
    end if;
  end loop;
  v_action := case tg_op
    when 'INSERT' then 'create'
    when 'DELETE' then 'purge'
    else case
      when (v_before ->> 'deleted_at') is null and (v_after ->> 'deleted_at') is not null then 'delete'
      when (v_before ->> 'deleted_at') is not null and (v_after ->> 'deleted_at') is null then 'restore'
      else 'update' end
  end;
  v_id := coalesce(v_after ->> 'id', v_before ->> 'id');
  insert into audit_log (actor_account_id, actor_label, request_id, ip, action, table_name, record_id, before, after)
  values (
    nullif(current_setting('khoi.actor_id', true), '')::uuid,
    nullif(current_setting('khoi.actor', true), ''),
    nullif(current_setting('khoi.request_id', true), ''),
    nullif(current_setting('khoi.ip', true), ''),
    v_action, tg_table_name, v_id, v_before, v_after);
  return null;
end $$;

-- The case. One row per letter or reception record; the parts of a mixed letter are rows with parent_id.
create table petitions (
  id uuid primary key default gen_random_uuid(),
  receiving_body_id uuid not null references bodies (id),
  -- 'reception' = sổ tiếp công dân (Luật TCD Đ.25 k.2), 'letters' = sổ theo dõi đơn (TT07 Đ.29)
  register text not null check (register in ('reception', 'letters')),
  -- the register's body, year and number (document_counters, series petition_reception / petition_letters per
  -- receiving body and year of received_on); the number stays with the register that gave it when the case passes
  -- to a successor body in a reform. Null while only received from the public form, and for the parts of a letter
  register_body_id uuid references bodies (id),
  year integer not null check (year between 1900 and 2100),
  number integer check (number > 0),
  received_on date not null,
  channel text not null check (channel in ('in_person', 'post', 'suggestion_box', 'forwarded_by_body', 'online_form', 'hotline', 'voter_meeting')),
  forwarded_from_body_id uuid references bodies (id),
  forwarded_from_name text,
  kind text check (kind in ('complaint', 'denunciation', 'proposal', 'mixed')),
  parent_id uuid references petitions (id),
  summary text not null,
  content text not null,
  -- fold(summary || content) (server/i18n/names.ts) for the diacritics-insensitive duplicate search (trigram)
  content_fold text not null default '',
  eligible boolean,
  eligibility_reason text,
  anonymous boolean not null default false,
  competence text check (competence in ('state_admin', 'elected', 'courts_procuracy', 'party', 'front')),
  signatory_count integer not null default 1 check (signatory_count between 0 and 100000),
  -- the address unit as the petitioner gave it, and where it stands now (an ended unit mapped to its successor)
  address_unit_given_id uuid references units (id),
  address_unit_id uuid references units (id),
  project_id uuid references key_projects (id),
  state text not null check (state in ('received', 'registered', 'classified', 'guided', 'forwarded', 'awaiting_result',
    'result_received', 'filed', 'proposed_for_handling', 'withdrawn', 'suspended', 'closed', 'merged', 'split')),
  -- the state a suspended case resumes to
  suspended_from text,
  merged_into_id uuid references petitions (id),
  -- the same content shares one group (a merged duplicate takes its target's): forwarded at most once per group
  content_group_id uuid not null default gen_random_uuid(),
  -- the citizen's tracking code (random, unguessable; never the register number) and whether the public page shows
  -- the published replies
  tracking_code text not null unique,
  public boolean not null default false,
  closed_on date,
  created_by uuid references accounts (id),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  check (forwarded_from_body_id is null or channel = 'forwarded_by_body'),
  check (parent_id is null or parent_id <> id),
  check (state <> 'suspended' or suspended_from is not null),
  check ((number is null) = (register_body_id is null))
);
-- a register number names one case of a body's register and year (gap-free: the counter, never max() + 1)
create unique index petitions_number_uq on petitions (register_body_id, register, year, number) where number is not null;
-- the list of a body's cases, newest first, and the register rows of a year
create index petitions_body_idx on petitions (receiving_body_id, received_on desc) where deleted_at is null;
create index petitions_parent_idx on petitions (parent_id) where parent_id is not null;
create index petitions_group_idx on petitions (content_group_id);
-- counts of open cases per key project (clearance)
create index petitions_project_idx on petitions (project_id) where project_id is not null and deleted_at is null;
-- the duplicate search over similar content
create index petitions_fold_idx on petitions using gin (content_fold gin_trgm_ops);
create trigger petitions_audit after insert or update or delete on petitions
  for each row execute function audit_row('content_fold');

-- The officers assigned to a case (with the receiving body's leaders, the only readers of its identities).
create table petition_officers (
  id uuid primary key default gen_random_uuid(),
  petition_id uuid not null references petitions (id),
  account_id uuid not null references accounts (id),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  deleted_at timestamptz
);
create unique index petition_officers_uq on petition_officers (petition_id, account_id) where deleted_at is null;
-- the cases of an officer (reminders, identity checks)
create index petition_officers_account_idx on petition_officers (account_id) where deleted_at is null;
create trigger petition_officers_audit after insert or update or delete on petition_officers
  for each row execute function audit_row();

-- The petitioners. PERSONAL DATA: full_name, name_fold, id_number, phone, address, address_fold (redacted in the
-- audit log). unit_id (the address's unit) is kept for counts by area.
create table petitioners (
  id uuid primary key default gen_random_uuid(),
  petition_id uuid not null references petitions (id),
  full_name text not null,
  name_fold text not null,
  id_number text,
  phone text,
  address text,
  address_fold text not null default '',
  unit_id uuid references units (id),
  -- Luật TCD Đ.29: 5–10 people choose 1–2 representatives, more than 10 at most 5
  is_representative boolean not null default false,
  sort smallint not null default 0,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz
);
create index petitioners_petition_idx on petitioners (petition_id) where deleted_at is null;
-- the duplicate search by the same petitioner (name and address folded)
create index petitioners_fold_idx on petitioners (name_fold, address_fold) where deleted_at is null;
create trigger petitioners_audit after insert or update or delete on petitioners
  for each row execute function audit_row_redacted('full_name', 'name_fold', 'id_number', 'phone', 'address', 'address_fold');

create table petition_attachments (
  id uuid primary key default gen_random_uuid(),
  petition_id uuid not null references petitions (id),
  file_id uuid not null unique references files (id),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  deleted_at timestamptz
);
create index petition_attachments_petition_idx on petition_attachments (petition_id);
create trigger petition_attachments_audit after insert or update or delete on petition_attachments
  for each row execute function audit_row();

-- The case's timeline: every action, with the states it moved between. Notes are the officers' words about the
-- handling, never a petitioner's identity (the services write no identity here).
create table petition_events (
  id uuid primary key default gen_random_uuid(),
  petition_id uuid not null references petitions (id),
  day date not null,
  action text not null,
  from_state text,
  to_state text,
  account_id uuid references accounts (id),
  note text,
  details jsonb,
  created_at timestamptz not null default now()
);
create index petition_events_petition_idx on petition_events (petition_id, created_at);
-- the six-monthly report counts actions by day
create index petition_events_day_idx on petition_events (action, day);
create trigger petition_events_audit after insert or update or delete on petition_events
  for each row execute function audit_row();

-- A forward (chuyển đơn) to the competent body: a body of Khối or a named outside body. A complaint or denunciation
-- is forwarded only once for the same content (TT 05/2021 Đ.14): one live forward per content group, held by the
-- unique index even when two officers forward at the same moment.
create table petition_forwards (
  id uuid primary key default gen_random_uuid(),
  petition_id uuid not null references petitions (id),
  content_group_id uuid not null,
  to_body_id uuid references bodies (id),
  to_name text,
  forwarded_on date not null,
  note text,
  created_by uuid references accounts (id),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  deleted_at timestamptz,
  check (to_body_id is not null or to_name is not null)
);
create unique index petition_forwards_once_uq on petition_forwards (content_group_id) where deleted_at is null;
create index petition_forwards_petition_idx on petition_forwards (petition_id);
create trigger petition_forwards_audit after insert or update or delete on petition_forwards
  for each row execute function audit_row();

-- The deadlines of a case, each computed by the legal-deadlines rules (rule code and the version in force on the
-- start day, with its basis); met or missed when the step is done, warned and notified by the daily sweep.
create table petition_deadlines (
  id uuid primary key default gen_random_uuid(),
  petition_id uuid not null references petitions (id),
  rule text not null,
  rule_version integer not null,
  start_on date not null,
  due_on date not null,
  day_kind text not null check (day_kind in ('calendar', 'working')),
  days integer not null,
  basis text not null,
  variants text[] not null default '{}',
  provisional boolean not null default false,
  status text not null default 'open' check (status in ('open', 'met', 'missed', 'cancelled')),
  done_on date,
  warned_at timestamptz,
  overdue_notified_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz
);
create unique index petition_deadlines_rule_uq on petition_deadlines (petition_id, rule) where deleted_at is null;
-- the daily sweep: open deadlines by due date
create index petition_deadlines_open_idx on petition_deadlines (due_on) where status = 'open' and deleted_at is null;
create trigger petition_deadlines_audit after insert or update or delete on petition_deadlines
  for each row execute function audit_row();

-- What the competent body answered: the decision's date, the day its written result reached the office, the result,
-- and what the public page may show (published_text, when published).
create table petition_replies (
  id uuid primary key default gen_random_uuid(),
  petition_id uuid not null references petitions (id),
  forward_id uuid references petition_forwards (id),
  decided_on date,
  received_on date not null,
  result text not null,
  published boolean not null default false,
  published_text text,
  created_by uuid references accounts (id),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  check (not published or published_text is not null)
);
create index petition_replies_petition_idx on petition_replies (petition_id);
create trigger petition_replies_audit after insert or update or delete on petition_replies
  for each row execute function audit_row();

-- Links of a case to other records: 'supervision' (a stuck case handed to supervision; the supervision module will
-- point target_id at its record), 'dialogue', 'task'.
create table case_links (
  id uuid primary key default gen_random_uuid(),
  petition_id uuid not null references petitions (id),
  kind text not null check (kind in ('supervision', 'dialogue', 'task')),
  target_id uuid,
  note text,
  created_by uuid references accounts (id),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  deleted_at timestamptz
);
create index case_links_petition_idx on case_links (petition_id);
create trigger case_links_audit after insert or update or delete on case_links
  for each row execute function audit_row();

-- Every view of a denouncer's identity (Luật Tố cáo Đ.47–48: the denouncer is protected): who, when, through what.
create table petition_identity_views (
  id uuid primary key default gen_random_uuid(),
  petition_id uuid not null references petitions (id),
  account_id uuid references accounts (id),
  via text not null,
  viewed_at timestamptz not null default now()
);
create index petition_identity_views_petition_idx on petition_identity_views (petition_id, viewed_at desc);
create trigger petition_identity_views_audit after insert or update or delete on petition_identity_views
  for each row execute function audit_row();

-- The notices of a case (receipt, guidance, forward, filing, proposal, reminder, reply to the citizen): drafted,
-- signed, then issued — the number is taken from the issuer's series only when it is issued (Decree 30/2020).
create table petition_documents (
  id uuid primary key default gen_random_uuid(),
  petition_id uuid not null references petitions (id),
  kind text not null check (kind in ('receipt', 'guidance', 'forward', 'filing', 'proposal', 'reminder', 'citizen_reply', 'withdrawal')),
  status text not null default 'draft' check (status in ('draft', 'signed', 'issued', 'cancelled')),
  issuer_body_id uuid not null references bodies (id),
  series text not null references document_series (code),
  number integer,
  symbol text,
  period text,
  issued_on date,
  signed_by uuid references accounts (id),
  signed_at timestamptz,
  file_id uuid references files (id),
  forward_id uuid references petition_forwards (id),
  created_by uuid references accounts (id),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  check ((status = 'issued') = (number is not null and issued_on is not null))
);
create index petition_documents_petition_idx on petition_documents (petition_id);
create trigger petition_documents_audit after insert or update or delete on petition_documents
  for each row execute function audit_row();

-- Petitions named by a dialogue (a dialogue with residents about their petitions).
create table dialogue_petitions (
  dialogue_id uuid not null references dialogues (id),
  petition_id uuid not null references petitions (id),
  created_at timestamptz not null default now(),
  primary key (dialogue_id, petition_id)
);
create index dialogue_petitions_petition_idx on dialogue_petitions (petition_id);
create trigger dialogue_petitions_audit after insert or update or delete on dialogue_petitions
  for each row execute function audit_row();

-- The registers' numbers and the notices' series.
insert into document_series (code, name_vi, name_en, symbol, reset) values
  ('petition_reception', 'Sổ tiếp công dân', 'Citizen reception register', 'STCD', 'yearly'),
  ('petition_letters', 'Sổ theo dõi đơn', 'Letters register', 'STĐ', 'yearly'),
  ('petition_notice', 'Thông báo, phiếu về đơn thư', 'Petition notices', 'TB', 'yearly'),
  ('petition_forward', 'Phiếu chuyển đơn', 'Petition forwarding slip', 'PC', 'yearly');

-- petitions.receive: receive, register, classify and act on the cases of bodies one holds it over.
-- petitions.lead: the receiving body's leaders, who read its petitioners' identities (see below).
update roles set permissions = permissions || array['petitions.receive'] where code in ('admin', 'leader', 'officer');
update roles set permissions = permissions || array['petitions.lead'] where code in ('admin', 'leader');

-- Whether an account reads the petitioners' identities of a case on a day: an assignment in force AT the receiving
-- body's own unit (not above it: higher levels see cases and counts, not identities), not narrowed or narrowed to
-- that very body, whose role holds petitions.lead (a leader), or petitions.receive when the account is one of the
-- case's assigned officers. An administrator's flag gives no right to identities.
create function petition_identity_visible(acc uuid, d date, pid uuid) returns boolean language plpgsql stable as $$
begin
  return exists (
    select 1 from petitions p
    join bodies b on b.id = p.receiving_body_id
    join role_assignments ra on ra.account_id = acc and ra.deleted_at is null and ra.unit_id = b.unit_id
      and (ra.body_id is null or ra.body_id = b.id)
      and (ra.valid_from is null or ra.valid_from <= d) and (ra.valid_to is null or d < ra.valid_to)
    join roles r on r.code = ra.role
    where p.id = pid
      and ('petitions.lead' = any (r.permissions)
        or ('petitions.receive' = any (r.permissions)
          and exists (select 1 from petition_officers o where o.petition_id = p.id and o.account_id = acc and o.deleted_at is null))));
end
$$;

-- Whether an account reads a case: whoever reads its receiving body (body_readable, migration 0010: the body's
-- unit subtree, narrowed to its line, and the successors' scope), and its assigned officers.
create function petition_readable(acc uuid, d date, pid uuid) returns boolean language plpgsql stable as $$
begin
  return exists (select 1 from petitions p where p.id = pid and p.deleted_at is null
    and (body_readable(acc, d, p.receiving_body_id)
      or exists (select 1 from petition_officers o where o.petition_id = p.id and o.account_id = acc and o.deleted_at is null)));
end
$$;
