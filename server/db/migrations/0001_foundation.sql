-- Khối foundation: extensions, the generic audit trigger, accounts, sessions, API tokens, sign-in throttle.
create extension if not exists pgcrypto;
create extension if not exists pg_trgm;
create extension if not exists unaccent;
create extension if not exists ltree;

-- Audit: written in the same transaction as the change by a generic trigger.
-- Who and why come from transaction-local settings (set_config(..., true)) set by the service layer.
create table audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  actor_account_id uuid,
  actor_label text,
  request_id text,
  ip text,
  action text not null,
  table_name text,
  record_id text,
  unit_id uuid,
  before jsonb,
  after jsonb
);
create index audit_log_record_idx on audit_log (table_name, record_id, at desc);
create index audit_log_actor_idx on audit_log (actor_account_id, at desc);
create index audit_log_at_idx on audit_log (at desc);

-- A record is named by its id, or by its code for reference tables keyed by code. A trigger declared
-- without arguments has a null TG_ARGV: the columns to leave out (secrets) default to none.
create function audit_row() returns trigger language plpgsql as $$
declare
  v_before jsonb;
  v_after jsonb;
  v_action text;
  v_id text;
  v_skip text[] := coalesce(tg_argv, '{}'::text[]);
begin
  if tg_op = 'INSERT' then
    v_after := to_jsonb(new) - v_skip;
    v_action := 'create';
    v_id := coalesce(to_jsonb(new) ->> 'id', to_jsonb(new) ->> 'code');
  elsif tg_op = 'UPDATE' then
    v_before := to_jsonb(old) - v_skip;
    v_after := to_jsonb(new) - v_skip;
    if v_before = v_after then
      return null;
    end if;
    v_action := case
      when (to_jsonb(old) ->> 'deleted_at') is null and (to_jsonb(new) ->> 'deleted_at') is not null then 'delete'
      when (to_jsonb(old) ->> 'deleted_at') is not null and (to_jsonb(new) ->> 'deleted_at') is null then 'restore'
      else 'update' end;
    v_id := coalesce(to_jsonb(new) ->> 'id', to_jsonb(new) ->> 'code');
  else
    v_before := to_jsonb(old) - v_skip;
    v_action := 'purge';
    v_id := coalesce(to_jsonb(old) ->> 'id', to_jsonb(old) ->> 'code');
  end if;
  insert into audit_log (actor_account_id, actor_label, request_id, ip, action, table_name, record_id, before, after)
  values (
    nullif(current_setting('khoi.actor_id', true), '')::uuid,
    nullif(current_setting('khoi.actor', true), ''),
    nullif(current_setting('khoi.request_id', true), ''),
    nullif(current_setting('khoi.ip', true), ''),
    v_action, tg_table_name, v_id, v_before, v_after);
  return null;
end $$;

create table accounts (
  id uuid primary key default gen_random_uuid(),
  username text not null,
  display_name text not null,
  email text,
  phone text,
  password_hash text not null,
  is_admin boolean not null default false,
  locale text not null default 'vi' check (locale in ('vi', 'en')),
  must_change_password boolean not null default false,
  disabled_at timestamptz,
  last_login_at timestamptz,
  password_changed_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz
);
create unique index accounts_username_key on accounts (lower(username)) where deleted_at is null;
create unique index accounts_email_key on accounts (lower(email)) where deleted_at is null and email is not null;
create unique index accounts_phone_key on accounts (phone) where deleted_at is null and phone is not null;
create trigger accounts_audit after insert or update or delete on accounts
  for each row execute function audit_row('password_hash', 'last_login_at');

-- Sessions live in PostgreSQL so app servers stay stateless. The cookie holds a random token; only its hash is stored.
create table sessions (
  id text primary key,
  account_id uuid not null references accounts (id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  ip text,
  user_agent text
);
create index sessions_account_idx on sessions (account_id);
create index sessions_expires_idx on sessions (expires_at);

create table api_tokens (
  id uuid primary key default gen_random_uuid(),
  account_id uuid not null references accounts (id) on delete cascade,
  name text not null,
  prefix text not null,
  token_hash text not null unique,
  expires_at date,
  last_used_at timestamptz,
  revoked_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz
);
create index api_tokens_account_idx on api_tokens (account_id);
create trigger api_tokens_audit after insert or update or delete on api_tokens
  for each row execute function audit_row('token_hash', 'last_used_at');

-- Growing back-off after failed sign-ins, per account name and per address (never a permanent lock).
create table login_throttle (
  key text primary key,
  failures integer not null default 0,
  last_failure_at timestamptz not null,
  blocked_until timestamptz
);
